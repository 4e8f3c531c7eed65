import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { Category, Thread, ThreadList } from '../../shared/api/forum.js';
import type { ThreadImpact } from '../../shared/api/moderation.js';
import { moderationActions, notifications, threads } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

let t: TestApp;
let mod: TestClient;
let member: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  ({ client: mod } = await t.login({ role: 'moderator' }));
  ({ client: member } = await t.login());
});
afterAll(() => t.close());

const categoryCount = async (slug: string) =>
  (await member.get<{ categories: Category[] }>('/api/categories')).body.categories.find((c) => c.slug === slug)!.threadCount;
const listed = async (client: TestClient, slug: string) =>
  (await client.get<ThreadList>(`/api/categories/${slug}/threads?limit=100`)).body.threads.map((th) => th.id);
const logFor = (threadId: number) => t.db.select().from(moderationActions).where(eq(moderationActions.targetThreadId, threadId));

describe('hiding a whole thread', () => {
  it('says first what it would take, hides it for members everywhere with a reason the starter reads, and shows it again', async () => {
    const starter = await makeUser(t.db, { displayName: 'Sanne Starter' });
    const other = await makeUser(t.db);
    const { threadId, postId } = await makeThread(t.db, starter, { category: 'campagne', title: 'Flyeren op de markt' });
    await makePost(t.db, other, threadId);
    await makePost(t.db, other, threadId);
    const hiddenReply = await makePost(t.db, starter, threadId);
    await mod.post(`/api/moderation/posts/${hiddenReply}/hide`, { reason: 'Spam' });
    const before = await categoryCount('campagne');

    // What members read: the opening post and two replies, by two members (the hidden reply not counted).
    const impact = await mod.get<ThreadImpact>(`/api/moderation/threads/${threadId}/impact`);
    expect(impact.status).toBe(200);
    expect(impact.body).toEqual({ posts: 3, members: 2 });

    const res = await mod.post<{ thread: Thread }>(`/api/moderation/threads/${threadId}/hide`, { reason: '  Gaat over één persoon.  ' });
    expect(res.status).toBe(200);
    expect(res.body.thread).toMatchObject({ id: threadId, hidden: true });
    expect((await member.get<ErrorBody>(`/api/threads/${threadId}`)).status).toBe(404);
    expect(await listed(member, 'campagne')).not.toContain(threadId);
    expect(await listed(mod, 'campagne')).toContain(threadId);
    expect(await categoryCount('campagne')).toBe(before - 1);
    expect((await mod.get<{ thread: Thread }>(`/api/threads/${threadId}`)).body.thread.hidden).toBe(true);
    const [entry] = (await logFor(threadId)).filter((a) => a.action === 'hide_thread');
    expect(entry).toMatchObject({ reason: 'Gaat over één persoon.', targetUserId: starter.id, details: { posts: 3, members: 2 } });
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, starter.id));
    const hiddenNote = told.find((n) => n.kind === 'thread_hidden');
    expect(hiddenNote?.message).toBe('Je discussie "Flyeren op de markt" is verborgen, met alle reacties, omdat: Gaat over één persoon.');
    expect(hiddenNote?.data).toEqual({ threadId });

    const again = await mod.post<ErrorBody>(`/api/moderation/threads/${threadId}/hide`, { reason: 'Nog eens' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_hidden');

    const back = await mod.post<{ thread: Thread }>(`/api/moderation/threads/${threadId}/restore`, {});
    expect(back.status).toBe(200);
    expect(back.body.thread.hidden).toBeUndefined();
    expect((await member.get(`/api/threads/${threadId}`)).status).toBe(200);
    expect(await listed(member, 'campagne')).toContain(threadId);
    expect(await categoryCount('campagne')).toBe(before);
    expect((await logFor(threadId)).map((a) => a.action)).toEqual(['hide_post', 'hide_thread', 'restore_thread']);
    const restoredNote = (await t.db.select().from(notifications).where(eq(notifications.userId, starter.id))).find((n) => n.kind === 'thread_restored');
    expect(restoredNote?.data).toEqual({ threadId, postId });
    const notHidden = await mod.post<ErrorBody>(`/api/moderation/threads/${threadId}/restore`, {});
    expect(notHidden.status).toBe(409);
    expect(notHidden.body.error.code).toBe('not_hidden');
  });

  it('refuses bad input, unknown and deleted threads in Dutch, and changes nothing', async () => {
    const starter = await makeUser(t.db);
    const { threadId } = await makeThread(t.db, starter, { category: 'fuseren' });
    const before = await categoryCount('fuseren');
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }]) {
      const res = await mod.post<ErrorBody>(`/api/moderation/threads/${threadId}/hide`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(/[a-z]/);
    }
    expect((await mod.post<ErrorBody>(`/api/moderation/threads/${threadId}/restore`, { reason: '' })).status).toBe(400);
    for (const url of ['/api/moderation/threads/99999999/hide', '/api/moderation/threads/99999999/impact']) {
      const res = url.endsWith('impact') ? await mod.get<ErrorBody>(url) : await mod.post<ErrorBody>(url, { reason: 'Spam' });
      expect(res.status, url).toBe(404);
      expect(res.body.error.message).toBe('Deze discussie bestaat niet of is verwijderd.');
    }
    const { threadId: deleted } = await makeThread(t.db, starter);
    await t.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, deleted));
    expect((await mod.post(`/api/moderation/threads/${deleted}/hide`, { reason: 'Spam' })).status).toBe(404);
    const [row] = await t.db.select().from(threads).where(eq(threads.id, threadId));
    expect(row!.hiddenAt).toBeNull();
    expect(await categoryCount('fuseren')).toBe(before);
    expect(await logFor(threadId)).toEqual([]);
  });
});
