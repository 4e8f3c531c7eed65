import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadList, ThreadPage } from '../../shared/api/forum.js';
import type { CurrentUser } from '../../server/auth/types.js';
import { notifications, posts, threadReads, threads } from '../../server/db/schema.js';
import { makeCategory, makePost, makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { setMentions } from '../notifications/fixtures.js';

/**
 * "Where you left off" (server/forum/reading.ts): a thread page that starts at the first unread post, pages of
 * earlier posts, the read marker moved only by what the client saw (POST /api/threads/:id/read), and the lists of
 * what is new to her across the categories she may enter (GET /api/threads/recent).
 */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string; field?: string } };

const ids = (page: { posts: { id: number }[] }) => page.posts.map((p) => p.id);

async function markerOf(userId: number, threadId: number): Promise<number | null> {
  const [row] = await t.db.select({ id: threadReads.lastReadPostId }).from(threadReads).where(and(eq(threadReads.userId, userId), eq(threadReads.threadId, threadId)));
  return row?.id ?? null;
}

/** A thread of an opening post and `replies` replies by someone else; its post ids in order. */
async function threadOf(replies: number, options: { category?: string; title?: string } = {}): Promise<{ threadId: number; postIds: number[] }> {
  const { user: author } = await t.login();
  const { threadId, postId } = await makeThread(t.db, author, options);
  const postIds = [postId];
  for (let i = 0; i < replies; i++) postIds.push(await makePost(t.db, author, threadId, { body: `Antwoord ${i} in ${threadId}` }));
  return { threadId, postIds };
}

const read = (client: TestClient, threadId: number, postId: number) => client.post<ErrorBody>(`/api/threads/${threadId}/read`, { postId });

describe('a thread page from where she left off', () => {
  it('starts from the beginning while she never read it, and says so', async () => {
    const { client } = await t.login();
    const { threadId, postIds } = await threadOf(3);
    const page = (await client.get<ThreadPage>(`/api/threads/${threadId}?start=unread`)).body;
    expect(ids(page)).toEqual(postIds);
    expect(page).toMatchObject({ lastReadPostId: null, hasEarlier: false, nextCursor: null });
  });

  it('starts at the first unread post, with the earlier ones announced, and pages on from there', async () => {
    const { client, user } = await t.login();
    const { threadId, postIds } = await threadOf(5);
    expect((await read(client, threadId, postIds[2]!)).status).toBe(204);

    const page = (await client.get<ThreadPage>(`/api/threads/${threadId}?start=unread&limit=2`)).body;
    expect(ids(page)).toEqual(postIds.slice(3, 5));
    expect(page).toMatchObject({ lastReadPostId: postIds[2], hasEarlier: true });
    const next = (await client.get<ThreadPage>(`/api/threads/${threadId}?limit=2&cursor=${page.nextCursor}`)).body;
    expect(ids(next)).toEqual(postIds.slice(5));
    expect(next).toMatchObject({ hasEarlier: true, nextCursor: null });

    // Loading pages moved nothing: the marker is where she reported it.
    expect(await markerOf(user.id, threadId)).toBe(postIds[2]);
    expect((await client.get<ThreadPage>(`/api/threads/${threadId}?start=unread&limit=2`)).body.lastReadPostId).toBe(postIds[2]);
    // A plain page is as it always was, and tells her marker too.
    const plain = (await client.get<ThreadPage>(`/api/threads/${threadId}?limit=2`)).body;
    expect(ids(plain)).toEqual(postIds.slice(0, 2));
    expect(plain).toMatchObject({ lastReadPostId: postIds[2], hasEarlier: false });
  });

  it('with nothing unread, starts from the beginning', async () => {
    const { client } = await t.login();
    const { threadId, postIds } = await threadOf(2);
    await read(client, threadId, postIds[2]!);
    const page = (await client.get<ThreadPage>(`/api/threads/${threadId}?start=unread`)).body;
    expect(ids(page)).toEqual(postIds);
    expect(page).toMatchObject({ lastReadPostId: postIds[2], hasEarlier: false });
  });

  it('loads earlier posts oldest first, each page saying whether more lie before it and what follows it', async () => {
    const { client } = await t.login();
    const { threadId, postIds } = await threadOf(5);
    const earlier = (await client.get<ThreadPage>(`/api/threads/${threadId}?before=${postIds[4]}&limit=2`)).body;
    expect(ids(earlier)).toEqual(postIds.slice(2, 4));
    expect(earlier.hasEarlier).toBe(true);
    // Following a before page's cursor gives what comes after it: how a refetch of the pages a reader holds goes on.
    expect(ids((await client.get<ThreadPage>(`/api/threads/${threadId}?limit=2&cursor=${earlier.nextCursor}`)).body)).toEqual(postIds.slice(4, 6));
    const first = (await client.get<ThreadPage>(`/api/threads/${threadId}?before=${postIds[2]}&limit=2`)).body;
    expect(ids(first)).toEqual(postIds.slice(0, 2));
    expect(first.hasEarlier).toBe(false);
    const none = (await client.get<ThreadPage>(`/api/threads/${threadId}?before=${postIds[0]}`)).body;
    expect(none).toMatchObject({ posts: [], hasEarlier: false, nextCursor: null });
    // The last posts, asked for as "before" something beyond the thread's end, have nothing after them.
    expect((await client.get<ThreadPage>(`/api/threads/${threadId}?before=2147483647&limit=2`)).body).toMatchObject({ nextCursor: null, hasEarlier: true });

    const both = await client.get<ErrorBody>(`/api/threads/${threadId}?before=${postIds[2]}&after=${postIds[0]}`);
    expect(both.status).toBe(400);
    expect(both.body.error.field).toBe('before');
    expect((await client.get<ErrorBody>(`/api/threads/${threadId}?start=everything`)).status).toBe(400);
    expect((await client.get<ErrorBody>(`/api/threads/${threadId}?before=0`)).status).toBe(400);
  });
});

describe('the read marker follows what she saw', () => {
  it('moves forward only', async () => {
    const { client, user } = await t.login();
    const { threadId, postIds } = await threadOf(4);
    expect((await read(client, threadId, postIds[3]!)).status).toBe(204);
    expect(await markerOf(user.id, threadId)).toBe(postIds[3]);
    expect((await read(client, threadId, postIds[1]!)).status).toBe(204);
    expect(await markerOf(user.id, threadId)).toBe(postIds[3]);
    expect((await read(client, threadId, postIds[4]!)).status).toBe(204);
    expect(await markerOf(user.id, threadId)).toBe(postIds[4]);
  });

  it('marks her notifications in the thread read up to that post, and no further', async () => {
    const { client, user } = await t.login();
    const { user: writer } = await t.login();
    const { threadId } = await threadOf(1);
    const named = [await makePost(t.db, writer, threadId), await makePost(t.db, writer, threadId), await makePost(t.db, writer, threadId)];
    const elsewhere = await threadOf(0);
    const namedElsewhere = await makePost(t.db, writer, elsewhere.threadId);
    for (const id of [named[0]!, named[2]!, namedElsewhere]) await setMentions(t, id, [user.id]);
    await t.app.notifications.drain();
    const unreadPosts = async () =>
      (await t.db.select({ postId: notifications.postId, readAt: notifications.readAt }).from(notifications).where(eq(notifications.userId, user.id)))
        .filter((n) => n.readAt === null)
        .map((n) => n.postId)
        .sort((a, b) => a! - b!);
    expect(await unreadPosts()).toEqual([named[0], named[2], namedElsewhere]);

    expect((await read(client, threadId, named[1]!)).status).toBe(204);
    expect(await unreadPosts()).toEqual([named[2], namedElsewhere]);
    expect((await read(client, threadId, named[2]!)).status).toBe(204);
    expect(await unreadPosts()).toEqual([namedElsewhere]);
  });

  it('refuses a post of another thread (400) and a thread she may not see (404), and changes nothing', async () => {
    const { client, user } = await t.login();
    const { user: writer } = await t.login();
    const { threadId, postIds } = await threadOf(1);
    const other = await threadOf(1);
    const mentioned = await makePost(t.db, writer, threadId);
    await setMentions(t, mentioned, [user.id]);
    await t.app.notifications.drain();
    await read(client, threadId, postIds[0]!);
    const unread = async () => (await t.db.select().from(notifications).where(eq(notifications.userId, user.id))).filter((n) => n.readAt === null).length;
    expect(await unread()).toBe(1);

    const wrong = await read(client, threadId, other.postIds[1]!);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'invalid_post', field: 'postId' });
    expect((await read(client, threadId, 2_000_000_000)).status).toBe(400);

    await makeCategory(t.db, { slug: 'leesbureau-moderatoren', access: 'moderators' });
    const closed = await threadOf(1, { category: 'leesbureau-moderatoren' });
    expect((await read(client, closed.threadId, closed.postIds[1]!)).status).toBe(404);
    const hidden = await threadOf(1);
    await t.db.update(threads).set({ hiddenAt: new Date() }).where(eq(threads.id, hidden.threadId));
    expect((await read(client, hidden.threadId, hidden.postIds[1]!)).status).toBe(404);
    expect((await read(client, 2_000_000_000, postIds[1]!)).status).toBe(404);
    // Without the CSRF token, nothing is even looked at.
    expect((await client.post(`/api/threads/${threadId}/read`, { postId: mentioned }, { csrf: false })).status).toBe(403);
    const badBodies = [{}, { postId: 0 }, { postId: 'een' }];
    for (const body of badBodies) expect((await client.post(`/api/threads/${threadId}/read`, body)).status).toBe(400);

    expect(await markerOf(user.id, threadId)).toBe(postIds[0]);
    expect(await markerOf(user.id, closed.threadId)).toBeNull();
    expect(await markerOf(user.id, hidden.threadId)).toBeNull();
    expect(await unread()).toBe(1);

    // A moderator sees the hidden thread, so she may read it.
    const { client: moderator, user: moderatorUser } = await t.login({ role: 'moderator' });
    expect((await read(moderator, hidden.threadId, hidden.postIds[1]!)).status).toBe(204);
    expect(await markerOf(moderatorUser.id, hidden.threadId)).toBe(hidden.postIds[1]);
  });

  it('costs one statement besides the session', async () => {
    const { client } = await t.login();
    const { threadId, postIds } = await threadOf(1);
    await read(client, threadId, postIds[0]!);
    t.queries.length = 0;
    expect((await read(client, threadId, postIds[1]!)).status).toBe(204);
    expect(t.queries.filter((query) => !/set last_seen_at/.test(query))).toHaveLength(2);
  });
});

describe('Nieuw en ongelezen', () => {
  /** Every page of one tab, following the cursor; the threads in order. */
  async function allOf(client: TestClient, tab: string, limit = 2): Promise<ThreadList['threads']> {
    const seen: ThreadList['threads'] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/threads/recent?tab=${tab}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await client.get<ThreadList>(url);
      expect(res.status, url).toBe(200);
      expect(res.body.threads.length).toBeLessThanOrEqual(limit);
      seen.push(...res.body.threads);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((th) => th.id)).size).toBe(seen.length);
    return seen;
  }

  let reader: { client: TestClient; user: CurrentUser };
  const made: Record<'readAll' | 'readPart' | 'neverOpened' | 'old' | 'closed' | 'hidden' | 'onlyHiddenNew', { threadId: number; postIds: number[] }> = {} as never;
  beforeAll(async () => {
    reader = await t.login();
    await makeCategory(t.db, { slug: 'recent-moderatoren', access: 'moderators' });
    made.old = await threadOf(0, { category: 'campagne' });
    await t.db.update(threads).set({ createdAt: new Date(Date.now() - 40 * 24 * 3600 * 1000) }).where(eq(threads.id, made.old.threadId));
    made.readAll = await threadOf(1, { category: 'fuseren' });
    made.readPart = await threadOf(3, { category: 'campagne' });
    made.neverOpened = await threadOf(1, { category: 'bestuur-en-organisatie' });
    made.closed = await threadOf(1, { category: 'recent-moderatoren' });
    made.hidden = await threadOf(1, { category: 'fuseren' });
    await t.db.update(threads).set({ hiddenAt: new Date() }).where(eq(threads.id, made.hidden.threadId));
    made.onlyHiddenNew = await threadOf(2, { category: 'algemeen' });
    await read(reader.client, made.readAll.threadId, made.readAll.postIds[1]!);
    await read(reader.client, made.readPart.threadId, made.readPart.postIds[1]!);
    await read(reader.client, made.onlyHiddenNew.threadId, made.onlyHiddenNew.postIds[1]!);
    // What follows her marker here is a post members cannot read: nothing to catch up on.
    await t.db.update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, made.onlyHiddenNew.postIds[2]!));
  });

  const mine = (list: ThreadList['threads']) => {
    const wanted = new Set(Object.values(made).map((m) => m.threadId));
    return list.filter((th) => wanted.has(th.id));
  };
  const name = (threadId: number) => Object.entries(made).find(([, m]) => m.threadId === threadId)![0];

  it('latest: every thread she may see, by last activity, with her unread counts', async () => {
    const latest = mine(await allOf(reader.client, 'latest'));
    expect(latest.map((th) => name(th.id))).toEqual(['onlyHiddenNew', 'neverOpened', 'readPart', 'readAll', 'old']);
    expect(Object.fromEntries(latest.map((th) => [name(th.id), th.unreadCount]))).toEqual({ onlyHiddenNew: 0, neverOpened: null, readPart: 2, readAll: 0, old: null });
    expect(latest.find((th) => th.id === made.readPart.threadId)?.categorySlug).toBe('campagne');
    // Activity moves a thread up.
    await makePost(t.db, (await t.login()).user, made.old.threadId);
    expect(mine(await allOf(reader.client, 'latest', 3)).map((th) => name(th.id))[0]).toBe('old');
    // The default tab is latest.
    expect((await reader.client.get<ThreadList>('/api/threads/recent?limit=1')).body.threads[0]!.id).toBe((await reader.client.get<ThreadList>('/api/threads/recent?tab=latest&limit=1')).body.threads[0]!.id);
  });

  it('unread: threads she read before with newer posts members can read', async () => {
    const unread = mine(await allOf(reader.client, 'unread'));
    expect(unread.map((th) => name(th.id))).toEqual(expect.arrayContaining(['readPart']));
    expect(unread.map((th) => name(th.id))).not.toContain('readAll');
    expect(unread.map((th) => name(th.id))).not.toContain('neverOpened');
    expect(unread.map((th) => name(th.id))).not.toContain('onlyHiddenNew');
    for (const th of unread) expect(th.unreadCount).toBeGreaterThan(0);
    // Having seen the rest takes it off the tab.
    await read(reader.client, made.readPart.threadId, made.readPart.postIds[3]!);
    expect(mine(await allOf(reader.client, 'unread')).map((th) => name(th.id))).not.toContain('readPart');
  });

  it('new: threads she never opened, of the last 30 days, newest first', async () => {
    const fresh = mine(await allOf(reader.client, 'new'));
    expect(fresh.map((th) => name(th.id))).toEqual(['neverOpened']);
    expect(fresh[0]!.unreadCount).toBeNull();
    const list = await allOf(reader.client, 'new', 1);
    for (let i = 1; i < list.length; i++) expect(Date.parse(list[i - 1]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(list[i]!.createdAt));
    // A thread she starts herself is read by her already.
    const own = await reader.client.post<{ thread: { id: number } }>('/api/threads', { categorySlug: 'algemeen', title: 'Mijn eigen vraag', body: 'Wie weet het?' });
    expect(own.status).toBe(201);
    expect((await allOf(reader.client, 'new')).map((th) => th.id)).not.toContain(own.body.thread.id);
  });

  it('shows what she may not see to no one who may not: a moderator gets the closed category and the hidden thread', async () => {
    for (const tab of ['latest', 'new']) {
      const names = mine(await allOf(reader.client, tab)).map((th) => name(th.id));
      expect(names).not.toContain('closed');
      expect(names).not.toContain('hidden');
    }
    const { client: moderator } = await t.login({ role: 'moderator' });
    const asModerator = mine(await allOf(moderator, 'new'));
    expect(asModerator.map((th) => name(th.id))).toEqual(expect.arrayContaining(['closed', 'hidden']));
    expect(asModerator.find((th) => th.id === made.hidden.threadId)?.hidden).toBe(true);
    const { client: representative } = await t.login({ representativeRole: 'wethouder', representativeVerified: true });
    expect(mine(await allOf(representative, 'latest')).map((th) => name(th.id))).not.toContain('closed');
  });

  it('pages without gaps or repeats, and refuses what it cannot read', async () => {
    const byTwo = await allOf(reader.client, 'latest', 2);
    const byFifty = await allOf(reader.client, 'latest', 50);
    expect(byTwo.map((th) => th.id)).toEqual(byFifty.map((th) => th.id));
    for (let i = 1; i < byTwo.length; i++) expect(Date.parse(byTwo[i - 1]!.lastPostAt)).toBeGreaterThanOrEqual(Date.parse(byTwo[i]!.lastPostAt));
    expect((await reader.client.get<ErrorBody>('/api/threads/recent?tab=alles')).status).toBe(400);
    const bad = await reader.client.get<ErrorBody>('/api/threads/recent?cursor=bm9uc2Vucw');
    expect(bad.body.error.code).toBe('invalid_cursor');
    expect((await t.guest().get('/api/threads/recent')).status).toBe(401);
    // The static route does not take the place of a thread's: ids still go to /api/threads/:id.
    expect((await reader.client.get(`/api/threads/${made.readAll.threadId}`)).status).toBe(200);
    expect((await reader.client.get('/api/threads/recenter')).status).toBe(400);
  });
});
