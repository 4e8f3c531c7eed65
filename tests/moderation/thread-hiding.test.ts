import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { Category, Thread, ThreadList, ThreadPage } from '../../shared/api/forum.js';
import type { ThreadImpact } from '../../shared/api/moderation.js';
import type { NotificationList } from '../../shared/api/notifications.js';
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
const toldOf = async (client: TestClient, kind: string) => (await client.get<NotificationList>('/api/notifications')).body.notifications.find((n) => n.kind === kind);

describe('hiding a whole thread', () => {
  it('says first what it would take, hides it for members everywhere with a reason the starter reads, and shows it again', async () => {
    const { user: starter, client: starterClient } = await t.login({ displayName: 'Sanne Starter' });
    const other = await makeUser(t.db);
    const { threadId, postId } = await makeThread(t.db, starter, { category: 'campagne', title: 'Flyeren op de markt' });
    const reply = await makePost(t.db, other, threadId);
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
    expect(hiddenNote?.message).toBe('Je discussie „Flyeren op de markt” is verborgen, met alle reacties, omdat: Gaat over één persoon.');
    expect(hiddenNote?.data).toEqual({ threadId });
    // She reads why, without a link to what she can no longer open; the thread is gone for her as for any member.
    expect(await toldOf(starterClient, 'thread_hidden')).toMatchObject({ message: hiddenNote!.message, link: null });
    expect((await starterClient.get(`/api/threads/${threadId}`)).status).toBe(404);

    const again = await mod.post<ErrorBody>(`/api/moderation/threads/${threadId}/hide`, { reason: 'Nog eens' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_hidden');

    const back = await mod.post<{ thread: Thread }>(`/api/moderation/threads/${threadId}/restore`, {});
    expect(back.status).toBe(200);
    expect(back.body.thread.hidden).toBeUndefined();
    const page = await member.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.status).toBe(200);
    expect(page.body.thread.hidden).toBeUndefined();
    expect(page.body.posts.map((p) => p.id)).toContain(reply);
    // Hiding the thread and showing it again leaves the post hidden on its own as it was: still a placeholder.
    expect(page.body.posts.find((p) => p.id === hiddenReply)).toMatchObject({ hidden: true, bodyHtml: '' });
    expect((await mod.get<{ thread: Thread }>(`/api/threads/${threadId}`)).body.thread.hidden).toBeUndefined();
    expect(await listed(member, 'campagne')).toContain(threadId);
    expect(await categoryCount('campagne')).toBe(before);
    expect((await mod.get<ThreadImpact>(`/api/moderation/threads/${threadId}/impact`)).body).toEqual({ posts: 3, members: 2 });
    expect((await logFor(threadId)).map((a) => a.action)).toEqual(['hide_post', 'hide_thread', 'restore_thread']);
    const restoredNote = (await t.db.select().from(notifications).where(eq(notifications.userId, starter.id))).find((n) => n.kind === 'thread_restored');
    expect(restoredNote?.data).toEqual({ threadId, postId });
    expect(await toldOf(starterClient, 'thread_restored')).toMatchObject({ link: `/discussie/${threadId}#bericht-${postId}` });
    const notHidden = await mod.post<ErrorBody>(`/api/moderation/threads/${threadId}/restore`, {});
    expect(notHidden.status).toBe(409);
    expect(notHidden.body.error.code).toBe('not_hidden');
  });

  it('refuses bad input, unknown and deleted threads in Dutch, and changes nothing', async () => {
    const starter = await makeUser(t.db);
    const { threadId } = await makeThread(t.db, starter, { category: 'fuseren' });
    const before = await categoryCount('fuseren');
    // A reason is required and non-blank, at most 500 characters; an unknown field does not stand in for it.
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }, { note: 'Spam' }, { reason: null }]) {
      const res = await mod.post<ErrorBody>(`/api/moderation/threads/${threadId}/hide`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toMatchObject({ code: 'invalid_input', field: 'reason' });
      expect(res.body.error.message, JSON.stringify(body)).toMatch(/^„Reden” (is verplicht|bevat alleen spaties: vul tekst in|is te lang: gebruik hoogstens 500 tekens)\.$/);
    }
    const mustBeHidden = await mod.post<ErrorBody>(`/api/moderation/threads/${threadId}/restore`, {});
    expect(mustBeHidden.status).toBe(409);
    expect(mustBeHidden.body.error).toMatchObject({ code: 'not_hidden', message: 'Deze discussie is niet verborgen.' });
    for (const body of [{ reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }]) {
      const res = await mod.post<ErrorBody>(`/api/moderation/threads/${threadId}/restore`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toMatchObject({ code: 'invalid_input', field: 'reason' });
    }
    const { threadId: deleted } = await makeThread(t.db, starter);
    await t.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, deleted));
    for (const id of [99_999_999, deleted]) {
      for (const [method, url] of [
        ['GET', `/api/moderation/threads/${id}/impact`],
        ['POST', `/api/moderation/threads/${id}/hide`],
        ['POST', `/api/moderation/threads/${id}/restore`],
      ] as const) {
        const res = method === 'GET' ? await mod.get<ErrorBody>(url) : await mod.post<ErrorBody>(url, { reason: 'Spam' });
        expect(res.status, url).toBe(404);
        expect(res.body.error.message, url).toBe('Deze discussie bestaat niet of is verwijderd.');
      }
    }
    for (const id of [threadId, deleted]) {
      const [row] = await t.db.select().from(threads).where(eq(threads.id, id));
      expect(row!.hiddenAt).toBeNull();
      expect(await logFor(id)).toEqual([]);
    }
    expect(await categoryCount('fuseren')).toBe(before);
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, starter.id))).toEqual([]);
  });
});
