import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { Category, ThreadList, ThreadPage } from '../../shared/api/forum.js';
import { moderationActions, notifications, posts, reports, threads } from '../../server/db/schema.js';
import { AUTO_HIDE_REASON } from '../../server/moderation/report-routes.js';
import { author, bodyOf, expectPlaceholder, mod, report, reporters, t, threadWithReply, useReportingForum } from './report-fixtures.js';

useReportingForum();


/** A hidden post as its author (or a moderator) finds it: marked hidden, with its text and moderation's reason. */
async function expectReadableHidden(page: ThreadPage, postId: number, withBody: boolean) {
  const post = page.posts.find((p) => p.id === postId);
  expect(post).toMatchObject({ hidden: true, hiddenReason: AUTO_HIDE_REASON });
  expect(post!.bodyHtml).toContain(await bodyOf(postId));
  if (withBody) expect(post!.body).toBe(await bodyOf(postId));
}

describe('reporting a post', () => {
  it('creates an open report; a second report by the same member is 409, and one of your own post 403', async () => {
    const { replyId } = await threadWithReply();
    const res = await report(reporters[0]!, replyId, { reason: 'offensive', note: '  Scheldwoorden  ' });
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({ postId: replyId, reason: 'offensive', note: 'Scheldwoorden', status: 'open', resolution: null });

    const again = await report(reporters[0]!, replyId, { reason: 'spam' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_reported');

    const own = await report(author.client, replyId);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('own_post');
    expect(await t.db.$count(reports, eq(reports.postId, replyId))).toBe(1);
  });

  it('answers 404 for a missing post, a deleted one, and one hidden from the reporter', async () => {
    const { replyId, openingId } = await threadWithReply();
    expect((await report(reporters[0]!, 99_999_999)).status).toBe(404);
    await t.db.update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, replyId));
    expect((await report(reporters[0]!, replyId)).status).toBe(404);
    await t.db.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, openingId));
    expect((await report(reporters[0]!, openingId)).status).toBe(404);
  });

  it('refuses bad input with the field named and stores nothing', async () => {
    const { replyId } = await threadWithReply();
    for (const [body, field] of [
      [{ reason: 'saai' }, 'reason'],
      [{}, 'reason'],
      [{ reason: 'other', note: 'x'.repeat(1001) }, 'note'],
    ] as const) {
      const res = await report(reporters[1]!, replyId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    expect((await reporters[1]!.post<ErrorBody>('/api/posts/abc/reports', { reason: 'spam' })).status).toBe(400);
    expect(await t.db.$count(reports, eq(reports.postId, replyId))).toBe(0);
  });
});

describe('automatic hiding', () => {
  it('hides a post at the third distinct report, logs it without a moderator and tells the author', async () => {
    const { threadId, replyId } = await threadWithReply();
    await report(reporters[0]!, replyId);
    await report(reporters[1]!, replyId, { reason: 'offensive' });
    let page = await reporters[3]!.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.body.posts.map((p) => p.id)).toContain(replyId);
    expect(page.body.thread.postCount).toBe(2);

    await report(reporters[2]!, replyId);
    page = await reporters[3]!.get<ThreadPage>(`/api/threads/${threadId}`);
    // Still in its place, as a placeholder without its text.
    expect(page.body.posts.map((p) => p.id)).toContain(replyId);
    await expectPlaceholder(page.body, replyId);
    expect(page.body.thread.postCount).toBe(1);
    // The moderator and the author still read it, marked hidden, with the reason.
    await expectReadableHidden((await mod.get<ThreadPage>(`/api/threads/${threadId}`)).body, replyId, true);
    await expectReadableHidden((await author.client.get<ThreadPage>(`/api/threads/${threadId}`)).body, replyId, true);

    const log = await t.db.select().from(moderationActions).where(and(eq(moderationActions.targetPostId, replyId), eq(moderationActions.action, 'auto_hide')));
    expect(log).toHaveLength(1);
    expect(log[0]!.moderatorId).toBeNull();
    const notes = await t.db.select().from(notifications).where(eq(notifications.userId, author.user.id));
    expect(notes.some((n) => n.kind === 'post_hidden' && n.message.includes('verborgen'))).toBe(true);

    // A fourth report changes nothing more: still one auto_hide.
    await report(reporters[3]!, replyId);
    expect(await t.db.$count(moderationActions, and(eq(moderationActions.targetPostId, replyId), eq(moderationActions.action, 'auto_hide')))).toBe(1);
  });

  it('hides exactly once when the reports arrive at the same moment', async () => {
    const { replyId } = await threadWithReply();
    const answers = await Promise.all(reporters.slice(0, 3).map((r) => report(r, replyId)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(await t.db.$count(moderationActions, and(eq(moderationActions.targetPostId, replyId), eq(moderationActions.action, 'auto_hide')))).toBe(1);
    const [post] = await t.db.select().from(posts).where(eq(posts.id, replyId));
    expect(post!.hiddenAt).not.toBeNull();
  });

  it('auto-hiding an opening post hides that post only: the thread, its reply and the category count stay', async () => {
    const { threadId, openingId, replyId } = await threadWithReply();
    const count = async () => (await reporters[3]!.get<{ categories: Category[] }>('/api/categories')).body.categories.find((c) => c.slug === 'campagne')!.threadCount;
    const before = await count();
    for (const r of reporters.slice(0, 3)) await report(r, openingId);
    expect(await t.db.$count(moderationActions, and(eq(moderationActions.targetPostId, openingId), eq(moderationActions.action, 'auto_hide')))).toBe(1);
    expect(await count()).toBe(before);
    const [row] = await t.db.select({ hiddenAt: threads.hiddenAt }).from(threads).where(eq(threads.id, threadId));
    expect(row!.hiddenAt).toBeNull();

    // Members still open the thread: the opening post is a placeholder in its place, the reply is read as before.
    const page = await reporters[3]!.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.status).toBe(200);
    expect(page.body.thread.hidden).toBeUndefined();
    expect(page.body.thread.postCount).toBe(1);
    expect(page.body.posts.map((p) => p.id)).toEqual([openingId, replyId]);
    await expectPlaceholder(page.body, openingId);
    expect(page.body.posts[1]).not.toHaveProperty('hidden');
    expect(page.body.posts[1]!.bodyHtml).toContain(await bodyOf(replyId));
    // The thread stays in its category's list.
    const list = await reporters[3]!.get<ThreadList>('/api/categories/campagne/threads?limit=100');
    expect(list.body.threads.map((th) => th.id)).toContain(threadId);

    // The moderator sees no hidden thread, and the author still reads her opening post.
    const modPage = await mod.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(modPage.body.thread.hidden).toBeUndefined();
    await expectReadableHidden(modPage.body, openingId, true);
    await expectReadableHidden((await author.client.get<ThreadPage>(`/api/threads/${threadId}`)).body, openingId, true);
  });
});
