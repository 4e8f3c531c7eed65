import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category, Post, Thread, ThreadList, ThreadPage } from '../../shared/api/forum.js';
import { CATEGORIES } from '../../shared/constants.js';
import { posts, threads } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

let t: TestApp;
let member: TestClient;
let memberId: number;
beforeAll(async () => {
  t = await buildTestApp();
  const login = await t.login({ displayName: 'Piet Jansen', representativeRole: 'wethouder' });
  member = login.client;
  memberId = login.user.id;
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string; field?: string } };

describe('categories', () => {
  it('lists every standard category in order with counts', async () => {
    const res = await member.get<{ categories: Category[] }>('/api/categories');
    expect(res.status).toBe(200);
    expect(res.body.categories.map((c) => c.slug)).toEqual(CATEGORIES.map((c) => c.slug));
    expect(res.body.categories.map((c) => c.slug)).toEqual(expect.arrayContaining(['fuseren', 'campagne', 'kandidaatstelling']));
    for (const c of res.body.categories) expect(c.name).toBeTruthy();
  });
});

describe('starting a thread', () => {
  it('creates the thread and its opening post, and counts it in the category', async () => {
    const before = await member.get<{ categories: Category[] }>('/api/categories');
    const res = await member.post<{ thread: Thread; post: Post }>('/api/threads', {
      categorySlug: 'fuseren',
      title: 'Hoe fuseren twee lokale partijen?',
      body: 'Wij willen **samengaan** met een andere partij. Wie heeft ervaring?',
    });
    expect(res.status).toBe(201);
    expect(res.body.thread).toMatchObject({ categorySlug: 'fuseren', title: 'Hoe fuseren twee lokale partijen?', postCount: 1, pinned: false, locked: false, author: { id: memberId, displayName: 'Piet Jansen' } });
    expect(res.body.post.bodyHtml).toBe('<p>Wij willen <strong>samengaan</strong> met een andere partij. Wie heeft ervaring?</p>');
    expect(res.body.post.author).toMatchObject({ id: memberId, representativeRole: 'wethouder' });
    const after = await member.get<{ categories: Category[] }>('/api/categories');
    const count = (list: Category[]) => list.find((c) => c.slug === 'fuseren')!.threadCount;
    expect(count(after.body.categories)).toBe(count(before.body.categories) + 1);
    expect(after.body.categories.find((c) => c.slug === 'fuseren')!.lastPostAt).not.toBeNull();
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const before = await t.db.$count(threads);
    const cases: [unknown, string][] = [
      [{ categorySlug: 'bestaat-niet', title: 'Een goede titel', body: 'tekst' }, 'categorySlug'],
      [{ categorySlug: 'campagne', title: 'kort', body: 'tekst' }, 'title'],
      [{ categorySlug: 'campagne', title: 'x'.repeat(151), body: 'tekst' }, 'title'],
      [{ categorySlug: 'campagne', title: 'Een goede titel', body: '   ' }, 'body'],
      [{ categorySlug: 'campagne', title: 'Een goede titel', body: 'x'.repeat(50_001) }, 'body'],
      [{ categorySlug: 'campagne', title: 'Een goede titel' }, 'body'],
      [{ categorySlug: 'campagne', title: 42, body: 'tekst' }, 'title'],
    ];
    for (const [body, field] of cases) {
      const res = await member.post<ErrorBody>('/api/threads', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    const notJson = await t.app.inject({ method: 'POST', url: '/api/threads', headers: { cookie: member.cookieHeader, 'x-csrf-token': member.csrfToken!, 'content-type': 'application/json' }, payload: '{"title": ' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect(await t.db.$count(threads)).toBe(before);
  });
});

describe('listing a category', () => {
  it('puts pinned threads first, then the most recently active, and pages without gaps or repeats', async () => {
    const { user: author } = await t.login();
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push((await makeThread(t.db, author, { category: 'campagne', title: `Campagnevraag ${i}` })).threadId);
    // Activity on the oldest makes it the most recent; pinning another puts it on top.
    await makePost(t.db, author, ids[0]!);
    await t.db.update(threads).set({ pinned: true }).where(eq(threads.id, ids[3]!));

    const seen: Thread[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/categories/campagne/threads?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await member.get<ThreadList>(url);
      expect(res.status).toBe(200);
      expect(res.body.threads.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.threads);
      cursor = res.body.nextCursor;
    } while (cursor);
    const mine = seen.filter((th) => ids.includes(th.id)).map((th) => th.id);
    expect(mine).toEqual([ids[3], ids[0], ids[6], ids[5], ids[4], ids[2], ids[1]]);
    expect(new Set(seen.map((th) => th.id)).size).toBe(seen.length);
  });

  it('marks unread replies for a member who has read the thread before', async () => {
    const { user: author } = await t.login();
    const { threadId, postId } = await makeThread(t.db, author, { category: 'ledenwerving', title: 'Leden werven via de markt' });
    // Having read it is having had its posts on screen: the client reports that, loading the page alone does not.
    expect((await member.get(`/api/threads/${threadId}`)).status).toBe(200);
    expect((await member.post(`/api/threads/${threadId}/read`, { postId })).status).toBe(204);
    const list1 = await member.get<ThreadList>('/api/categories/ledenwerving/threads');
    expect(list1.body.threads.find((th) => th.id === threadId)!.unreadCount).toBe(0);
    await makePost(t.db, author, threadId);
    await makePost(t.db, author, threadId);
    const list2 = await member.get<ThreadList>('/api/categories/ledenwerving/threads');
    expect(list2.body.threads.find((th) => th.id === threadId)!.unreadCount).toBe(2);
    const { client: stranger } = await t.login();
    const list3 = await stranger.get<ThreadList>('/api/categories/ledenwerving/threads');
    expect(list3.body.threads.find((th) => th.id === threadId)!.unreadCount).toBeNull();
  });

  it('answers 404 for an unknown category and 400 for a broken cursor', async () => {
    expect((await member.get('/api/categories/onbekend/threads')).status).toBe(404);
    const bad = await member.get<ErrorBody>('/api/categories/campagne/threads?cursor=bm9uc2Vucw');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_cursor');
    expect((await member.get('/api/categories/campagne/threads?limit=1000')).status).toBe(400);
  });
});

describe('reading a thread', () => {
  it('shows posts oldest first, pages with a cursor, and answers after=', async () => {
    const { user: author } = await t.login();
    const { threadId, postId: first } = await makeThread(t.db, author, { category: 'kandidaatstelling' });
    const replyIds: number[] = [];
    for (let i = 0; i < 5; i++) replyIds.push(await makePost(t.db, author, threadId, { body: `Antwoord ${i}` }));

    const page1 = await member.get<ThreadPage>(`/api/threads/${threadId}?limit=4`);
    expect(page1.status).toBe(200);
    expect(page1.body.thread.postCount).toBe(6);
    expect(page1.body.posts.map((p) => p.id)).toEqual([first, ...replyIds.slice(0, 3)]);
    const page2 = await member.get<ThreadPage>(`/api/threads/${threadId}?limit=4&cursor=${page1.body.nextCursor}`);
    expect(page2.body.posts.map((p) => p.id)).toEqual(replyIds.slice(3));
    expect(page2.body.nextCursor).toBeNull();

    const missed = await member.get<ThreadPage>(`/api/threads/${threadId}?after=${replyIds[2]}`);
    expect(missed.body.posts.map((p) => p.id)).toEqual(replyIds.slice(3));
  });

  it('answers 404 for a thread that does not exist or was removed, 400 for a bad id', async () => {
    expect((await member.get('/api/threads/999999')).status).toBe(404);
    expect((await member.get<ErrorBody>('/api/threads/abc')).body.error.field).toBeDefined();
    expect((await member.get('/api/threads/-1')).status).toBe(400);
    const { user: author } = await t.login();
    const { threadId } = await makeThread(t.db, author);
    await t.db.update(threads).set({ hiddenAt: new Date() }).where(eq(threads.id, threadId));
    expect((await member.get(`/api/threads/${threadId}`)).status).toBe(404);
    const { client: moderator } = await t.login({ role: 'moderator' });
    const seen = await moderator.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.thread.hidden).toBe(true);
  });

  it('shows members a placeholder in place of a hidden post; its author and moderators read it, marked, with the reason', async () => {
    const { user: author, client: authorClient } = await t.login();
    const { threadId } = await makeThread(t.db, author);
    const hidden = await makePost(t.db, author, threadId, { body: 'Iets ongepasts' });
    await t.db.update(posts).set({ hiddenAt: new Date(), hiddenReason: 'Persoonlijke aanval' }).where(eq(posts.id, hidden));
    const asMember = await member.get<ThreadPage>(`/api/threads/${threadId}`);
    const placeholder = asMember.body.posts.find((p) => p.id === hidden);
    expect(placeholder).toMatchObject({ hidden: true, bodyHtml: '' });
    expect(placeholder?.body).toBeUndefined();
    expect(placeholder?.hiddenReason).toBeUndefined();
    expect(JSON.stringify(asMember.body)).not.toContain('ongepast');
    expect(JSON.stringify(asMember.body)).not.toContain('Persoonlijke aanval');
    const asAuthor = await authorClient.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(asAuthor.body.posts.find((p) => p.id === hidden)).toMatchObject({ hidden: true, body: 'Iets ongepasts', hiddenReason: 'Persoonlijke aanval' });
    const { client: moderator } = await t.login({ role: 'moderator' });
    const asModerator = await moderator.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(asModerator.body.posts.find((p) => p.id === hidden)).toMatchObject({ hidden: true, body: 'Iets ongepasts', hiddenReason: 'Persoonlijke aanval' });
  });
});
