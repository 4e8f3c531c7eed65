import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category, Post, ThreadList, ThreadPage } from '../../shared/api/forum.js';
import { moderationActions, notifications, threads } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

type ErrorBody = { error: { code: string; field?: string } };

let t: TestApp;
let mod: TestClient;
let member: TestClient;
let author: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await buildTestApp();
  ({ client: mod } = await t.login({ role: 'moderator' }));
  ({ client: member } = await t.login());
  author = await t.login({ displayName: 'Auteur' });
});
afterAll(() => t.close());

const categoryCount = async (slug: string) =>
  (await member.get<{ categories: Category[] }>('/api/categories')).body.categories.find((c) => c.slug === slug)!.threadCount;
/** The posts a member reads in the thread (a hidden or deleted one is a placeholder without text). */
const readablePostIds = async (threadId: number) =>
  (await member.get<ThreadPage>(`/api/threads/${threadId}`)).body.posts.filter((p) => p.bodyHtml !== '').map((p) => p.id);
const actionsFor = async (postId: number) => (await t.db.select().from(moderationActions).where(eq(moderationActions.targetPostId, postId))).map((a) => a.action);

describe('hiding and restoring posts', () => {
  it('hides a reply from members (a placeholder; author and moderators read it marked), lowers the count, and restores it', async () => {
    const { threadId } = await makeThread(t.db, author.user, { category: 'fuseren' });
    const replyId = await makePost(t.db, author.user, threadId);

    const res = await mod.post<{ post: Post }>(`/api/moderation/posts/${replyId}/hide`, { reason: 'Persoonsgegevens van een ander lid' });
    expect(res.status).toBe(200);
    expect(res.body.post.hidden).toBe(true);
    expect(await readablePostIds(threadId)).not.toContain(replyId);
    expect((await member.get<ThreadPage>(`/api/threads/${threadId}`)).body.thread.postCount).toBe(1);
    expect((await member.get<ThreadPage>(`/api/threads/${threadId}`)).body.posts.find((p) => p.id === replyId)).toMatchObject({ hidden: true, bodyHtml: '' });
    expect((await mod.get<ThreadPage>(`/api/threads/${threadId}`)).body.posts.find((p) => p.id === replyId)).toMatchObject({ hidden: true, hiddenReason: 'Persoonsgegevens van een ander lid' });
    expect((await author.client.get<ThreadPage>(`/api/threads/${threadId}`)).body.posts.find((p) => p.id === replyId)).toMatchObject({ hidden: true, hiddenReason: 'Persoonsgegevens van een ander lid' });
    const [note] = await t.db.select().from(notifications).where(eq(notifications.userId, author.user.id));
    expect(note!.message).toContain('is verborgen omdat: Persoonsgegevens van een ander lid');

    expect((await mod.post<ErrorBody>(`/api/moderation/posts/${replyId}/hide`, { reason: 'nog eens' })).body.error.code).toBe('already_hidden');

    const back = await mod.post<{ post: Post }>(`/api/moderation/posts/${replyId}/restore`, {});
    expect(back.status).toBe(200);
    expect(back.body.post.hidden).toBeUndefined();
    expect(await readablePostIds(threadId)).toContain(replyId);
    expect((await member.get<ThreadPage>(`/api/threads/${threadId}`)).body.thread.postCount).toBe(2);
    expect((await mod.post<ErrorBody>(`/api/moderation/posts/${replyId}/restore`, {})).body.error.code).toBe('not_hidden');
    expect(await actionsFor(replyId)).toEqual(['hide_post', 'restore_post']);
  });

  it('hiding the opening post hides that post only: the thread, its replies and the category count stay; its author still reads it', async () => {
    const { threadId, postId } = await makeThread(t.db, author.user, { category: 'fuseren', body: 'Koop nu goedkope folders' });
    const replyId = await makePost(t.db, await makeUser(t.db), threadId);
    const before = await categoryCount('fuseren');
    expect((await mod.post(`/api/moderation/posts/${postId}/hide`, { reason: 'Reclame voor een bedrijf' })).status).toBe(200);
    expect(await categoryCount('fuseren')).toBe(before);
    const page = await member.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.status).toBe(200);
    expect(page.body.thread.hidden).toBeUndefined();
    expect(page.body.posts.map((p) => p.id)).toEqual([postId, replyId]);
    expect(page.body.posts[0]).toMatchObject({ hidden: true, bodyHtml: '' });
    expect(page.body.posts[0]!.body).toBeUndefined();
    expect(page.body.posts[0]!.hiddenReason).toBeUndefined();
    expect(JSON.stringify(page.body)).not.toMatch(/folders|Reclame/);
    expect(page.body.thread.postCount).toBe(1);
    // Its author reads it, marked hidden, with the reason; so do moderators.
    const own = (await author.client.get<ThreadPage>(`/api/threads/${threadId}`)).body.posts[0];
    expect(own).toMatchObject({ id: postId, hidden: true, body: 'Koop nu goedkope folders', hiddenReason: 'Reclame voor een bedrijf' });
    expect(own!.bodyHtml).toContain('folders');
    expect((await mod.get<ThreadPage>(`/api/threads/${threadId}`)).body.posts[0]).toMatchObject({ id: postId, hidden: true, hiddenReason: 'Reclame voor een bedrijf' });
    expect(await readablePostIds(threadId)).toEqual([replyId]);
    const list = await member.get<ThreadList>('/api/categories/fuseren/threads?limit=100');
    expect(list.body.threads.map((th) => th.id)).toContain(threadId);
    const [row] = await t.db.select().from(threads).where(eq(threads.id, threadId));
    expect(row!.hiddenAt).toBeNull();

    await mod.post(`/api/moderation/posts/${postId}/restore`, {});
    expect(await categoryCount('fuseren')).toBe(before);
    expect(await readablePostIds(threadId)).toEqual([postId, replyId]);
    expect((await member.get<ThreadPage>(`/api/threads/${threadId}`)).body.thread.postCount).toBe(2);
  });

  it('a thread is deleted with its last undeleted post; a hidden post still holds it', async () => {
    const { threadId, postId } = await makeThread(t.db, author.user, { category: 'campagne' });
    const replyId = await makePost(t.db, author.user, threadId);
    const otherReplyId = await makePost(t.db, await makeUser(t.db), threadId);
    const before = await categoryCount('campagne');
    await mod.post(`/api/moderation/posts/${postId}/hide`, { reason: 'Spam' });
    expect((await author.client.delete(`/api/posts/${replyId}`)).status).toBe(204);
    expect((await mod.post(`/api/moderation/posts/${otherReplyId}/delete`, { reason: 'Dubbel geplaatst' })).status).toBe(200);
    // No post left that members read, but the hidden one remains: a moderator may still show it again.
    const [kept] = await t.db.select().from(threads).where(eq(threads.id, threadId));
    expect(kept!.deletedAt).toBeNull();
    expect(kept!.hiddenAt).toBeNull();
    expect(await categoryCount('campagne')).toBe(before);
    const page = await member.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.status).toBe(200);
    expect(page.body.thread.postCount).toBe(0);
    expect(page.body.posts.map((p) => [p.id, p.bodyHtml])).toEqual([
      [postId, ''],
      [replyId, ''],
      [otherReplyId, ''],
    ]);

    expect((await mod.post(`/api/moderation/posts/${postId}/delete`, { reason: 'Spam' })).status).toBe(200);
    const [gone] = await t.db.select().from(threads).where(eq(threads.id, threadId));
    expect(gone!.deletedAt).not.toBeNull();
    expect(await categoryCount('campagne')).toBe(before - 1);
    expect((await member.get(`/api/threads/${threadId}`)).status).toBe(404);
  });

  it('a moderator deletes a post through the forum delete; it is logged and the author told', async () => {
    const { threadId } = await makeThread(t.db, author.user);
    const replyId = await makePost(t.db, author.user, threadId);
    const res = await mod.post<{ post: Post }>(`/api/moderation/posts/${replyId}/delete`, { reason: 'Dubbel geplaatst' });
    expect(res.status).toBe(200);
    expect(res.body.post.deleted).toBe(true);
    const page = await member.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.body.posts.find((p) => p.id === replyId)).toMatchObject({ deleted: true, bodyHtml: '' });
    expect(page.body.thread.postCount).toBe(1);
    expect(await actionsFor(replyId)).toEqual(['delete_post']);
    expect((await mod.post<ErrorBody>(`/api/moderation/posts/${replyId}/delete`, { reason: 'Nog eens' })).body.error.code).toBe('post_deleted');
  });

  it('refuses bad input and unknown posts without changing anything', async () => {
    const { threadId } = await makeThread(t.db, author.user);
    const replyId = await makePost(t.db, author.user, threadId);
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }]) {
      const res = await mod.post<ErrorBody>(`/api/moderation/posts/${replyId}/hide`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe('reason');
    }
    expect((await mod.post<ErrorBody>(`/api/moderation/posts/${replyId}/delete`, { reason: '' })).body.error.field).toBe('reason');
    expect((await mod.post('/api/moderation/posts/99999999/hide', { reason: 'Spam' })).status).toBe(404);
    expect((await mod.post('/api/moderation/posts/0/hide', { reason: 'Spam' })).status).toBe(400);
    expect(await readablePostIds(threadId)).toContain(replyId);
    expect(await actionsFor(replyId)).toEqual([]);
  });
});
