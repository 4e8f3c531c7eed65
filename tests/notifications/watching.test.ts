import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { CategoryList, ThreadPage } from '../../shared/api/forum.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import { posts } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { inbox, uniqueName } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

const member = () => t.login({ displayName: uniqueName('Lid') });
const put = <T = unknown>(client: TestClient, url: string, body: unknown) => client.request<T>('PUT', url, body);
const watchOf = async (client: TestClient, threadId: number) => (await client.get<ThreadPage>(`/api/threads/${threadId}`)).body.watch;
const categoryWatch = async (client: TestClient, slug: string) => (await client.get<CategoryList>('/api/categories')).body.categories.find((c) => c.slug === slug)!.watch;

describe('watching threads and categories', () => {
  it('the thread page and the category list say her level; writing makes her follow, her own choice stays', async () => {
    const starter = await member();
    const reader = await member();
    const { threadId } = await makeThread(t.db, starter.user);
    expect(await watchOf(starter.client, threadId)).toBe('watching'); // she wrote it
    expect(await watchOf(reader.client, threadId)).toBe('normal');

    expect((await put(reader.client, `/api/threads/${threadId}/watch`, { level: 'ignoring' })).body).toEqual({ level: 'ignoring' });
    expect(await watchOf(reader.client, threadId)).toBe('ignoring');
    await makePost(t.db, reader.user, threadId); // writing does not undo her choice
    expect(await watchOf(reader.client, threadId)).toBe('ignoring');
    expect((await put(reader.client, `/api/threads/${threadId}/watch`, { level: 'normal' })).body).toEqual({ level: 'normal' });
    await makePost(t.db, reader.user, threadId); // nor does Normaal, once chosen
    expect(await watchOf(reader.client, threadId)).toBe('normal');

    expect(await categoryWatch(reader.client, 'verkiezingsprogramma')).toBe('normal');
    expect((await put(reader.client, '/api/categories/verkiezingsprogramma/watch', { level: 'watching' })).body).toEqual({ level: 'watching' });
    expect(await categoryWatch(reader.client, 'verkiezingsprogramma')).toBe('watching');
    expect(await categoryWatch(starter.client, 'verkiezingsprogramma')).toBe('normal'); // hers only
    expect((await put(reader.client, '/api/categories/verkiezingsprogramma/watch', { level: 'normal' })).body).toEqual({ level: 'normal' });
    expect(await categoryWatch(reader.client, 'verkiezingsprogramma')).toBe('normal');
  });

  it('refuses a thread she may not see (404, as if it did not exist), an unknown category, a bad level, and guests', async () => {
    const starter = await member();
    const reader = await member();
    const moderator = await t.login({ role: 'moderator', displayName: uniqueName('Moderator') });
    const { threadId } = await makeThread(t.db, starter.user);
    expect((await moderator.client.post(`/api/moderation/threads/${threadId}/hide`, { reason: 'Spam' })).status).toBe(200);

    const hidden = await put<ErrorBody>(reader.client, `/api/threads/${threadId}/watch`, { level: 'watching' });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('not_found');
    expect((await put(reader.client, '/api/threads/999999/watch', { level: 'watching' })).status).toBe(404);
    expect((await put(moderator.client, `/api/threads/${threadId}/watch`, { level: 'watching' })).status).toBe(200); // she sees it
    expect((await put(reader.client, '/api/categories/bestaat-niet/watch', { level: 'watching' })).status).toBe(404);
    // Hiding the opening post alone leaves the thread in her sight: she may still follow it.
    const withHiddenStart = await makeThread(t.db, starter.user);
    expect((await moderator.client.post(`/api/moderation/posts/${withHiddenStart.postId}/hide`, { reason: 'Spam' })).status).toBe(200);
    expect((await put(reader.client, `/api/threads/${withHiddenStart.threadId}/watch`, { level: 'watching' })).body).toEqual({ level: 'watching' });

    const open = await makeThread(t.db, starter.user);
    for (const [url, body] of [
      [`/api/threads/${open.threadId}/watch`, { level: 'altijd' }],
      [`/api/threads/${open.threadId}/watch`, {}],
      ['/api/categories/algemeen/watch', { level: 'ignoring' }], // a category cannot be ignored
    ] as const) {
      const res = await put<ErrorBody>(reader.client, url, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_input', field: 'level' });
      expect(res.body.error.message).toMatch(/^(„Volgen” is verplicht|Kies bij „Volgen” een van de mogelijkheden)\.$/);
    }
    expect((await put(t.guest(), `/api/threads/${open.threadId}/watch`, { level: 'watching' })).status).toBe(401);
    const pending = await t.login({ status: 'pending', displayName: uniqueName('Wachtend') });
    expect((await put(pending.client, `/api/threads/${open.threadId}/watch`, { level: 'watching' })).status).toBe(403);
  });
});

describe('reading notifications', () => {
  it('lists only her own, marks only her own read, and pages by last activity', async () => {
    const starter = await member();
    const other = await member();
    const writer = await member();
    const threads = [];
    for (let i = 0; i < 3; i++) threads.push(await makeThread(t.db, starter.user));
    const theirs = await makeThread(t.db, other.user);
    for (const { threadId } of [...threads, theirs]) await makePost(t.db, writer.user, threadId);
    await t.app.notifications.drain();
    // The first thread's group grows: it moves to the top.
    await makePost(t.db, writer.user, threads[0]!.threadId);
    await t.app.notifications.drain();

    const page1 = await starter.client.get<NotificationList>('/api/notifications?limit=2');
    expect(page1.body.notifications.map((n) => n.link?.split('#')[0])).toEqual([`/discussie/${threads[0]!.threadId}`, `/discussie/${threads[2]!.threadId}`]);
    expect(page1.body.notifications[0]!.count).toBe(2);
    const page2 = await starter.client.get<NotificationList>(`/api/notifications?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.notifications.map((n) => n.link?.split('#')[0])).toEqual([`/discussie/${threads[1]!.threadId}`]);
    expect(page2.body.nextCursor).toBeNull();
    expect(JSON.stringify([page1.body, page2.body])).not.toContain(`/discussie/${theirs.threadId}`);

    const othersId = (await inbox(other.client)).notifications[0]!.id;
    expect((await starter.client.post<{ unreadCount: number }>('/api/notifications/read', { ids: [othersId] })).body.unreadCount).toBe(3);
    expect((await inbox(other.client)).unreadCount).toBe(1);
    expect((await starter.client.post<{ unreadCount: number }>('/api/notifications/read', { all: true })).body.unreadCount).toBe(0);
    expect((await inbox(other.client)).unreadCount).toBe(1);
    expect((await t.guest().get('/api/notifications/summary')).status).toBe(401);
    expect((await starter.client.get<ErrorBody>('/api/notifications?cursor=bm9n')).status).toBe(400);
  });

  it('reads a page in a fixed number of statements, whatever it holds', async () => {
    const starter = await member();
    const writer = await member();
    for (let i = 0; i < 12; i++) {
      const { threadId, postId } = await makeThread(t.db, starter.user);
      await makePost(t.db, writer.user, threadId, { replyToPostId: i % 2 ? postId : null });
    }
    await t.app.notifications.drain();
    const count = async (limit: number) => {
      t.queries.length = 0;
      expect((await starter.client.get<NotificationList>(`/api/notifications?limit=${limit}`)).body.notifications).toHaveLength(limit);
      return t.queries.length;
    };
    await count(2); // the first request of a session may write once (last seen); measure the steady state
    const forTwelve = await count(12);
    expect(forTwelve).toBe(await count(2));
    expect(forTwelve).toBeLessThanOrEqual(3); // session with its user, the page, the unread count
  });

  it('a deleted post’s notification goes with its text: there is nothing left to read', async () => {
    const starter = await member();
    const writer = await member();
    const { threadId } = await makeThread(t.db, starter.user);
    const reply = await makePost(t.db, writer.user, threadId);
    await t.app.notifications.drain();
    expect((await inbox(starter.client)).notifications).toHaveLength(1);
    await t.db.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, reply));
    expect(await inbox(starter.client)).toMatchObject({ notifications: [], unreadCount: 0 });
  });
});
