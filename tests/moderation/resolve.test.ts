import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { ThreadPage } from '../../shared/api/forum.js';
import type { LogList, Queue, Report, ReportList } from '../../shared/api/moderation.js';
import { moderationActions, reports, users } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { author, bodyOf, expectPlaceholder, mod, report, reporters, t, threadWithReply, useReportingForum } from './report-fixtures.js';

useReportingForum();

/** The thread page as the fourth reporter, a member who reported nothing in these tests, reads it. */
const memberPage = async (threadId: number) => (await reporters[3]!.get<ThreadPage>(`/api/threads/${threadId}`)).body;

describe('the review queue and resolving', () => {
  it('groups open reports per post, the longest waiting first, with the author history; pages by cursor', async () => {
    const a = await threadWithReply();
    const b = await threadWithReply();
    const earlier = await threadWithReply();
    await mod.post(`/api/moderation/posts/${earlier.replyId}/hide`, { reason: 'Eerder al verborgen' });
    await report(reporters[0]!, a.replyId, { reason: 'spam', note: 'reclame' });
    await report(reporters[0]!, b.replyId, { reason: 'privacy' });
    await report(reporters[1]!, b.replyId, { reason: 'offensive', note: 'grof' });

    const all: Queue['items'] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: Queue } = await mod.get<Queue>(`/api/moderation/queue?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      all.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    const ids = all.map((i) => i.post.id);
    expect(new Set(ids).size).toBe(ids.length);
    const itemB = all.find((i) => i.post.id === b.replyId)!;
    const itemA = all.find((i) => i.post.id === a.replyId)!;
    // a was reported first: it has waited longest, though b has more reports.
    expect(ids.indexOf(a.replyId)).toBeLessThan(ids.indexOf(b.replyId));
    expect(itemB).toMatchObject({ reportCount: 2, thread: { id: b.threadId, categorySlug: 'campagne' }, author: { id: author.user.id } });
    expect(itemB.reasons.sort()).toEqual(['offensive', 'privacy']);
    expect(itemB.reports.map((r) => r.note)).toContain('grof');
    expect(itemB.author.hiddenPostCount).toBe(1);
    expect(itemA.reportCount).toBe(1);
    // Nobody has claimed anything yet.
    expect(all.every((i) => i.claim === null)).toBe(true);
    // Never a newer item before an older one.
    for (let i = 1; i < all.length; i++) expect(all[i]!.firstReportedAt >= all[i - 1]!.firstReportedAt).toBe(true);
  });

  it('lists reports in API.md shape, filtered by status', async () => {
    const res = await mod.get<ReportList>('/api/moderation/reports?status=open&limit=2');
    expect(res.status).toBe(200);
    expect(res.body.reports.length).toBeLessThanOrEqual(2);
    expect(res.body.reports.every((r) => r.status === 'open')).toBe(true);
    const next = await mod.get<ReportList>(`/api/moderation/reports?status=open&cursor=${res.body.nextCursor}`);
    expect(next.body.reports[0]!.id).toBeGreaterThan(res.body.reports[1]!.id);
  });

  it('hide_post resolves every open report of the post and hides it for members', async () => {
    const { threadId, replyId } = await threadWithReply();
    const first = await report(reporters[0]!, replyId);
    await report(reporters[1]!, replyId);
    const res = await mod.post<{ report: Report }>(`/api/moderation/reports/${first.body.report.id}/resolve`, { action: 'hide_post', note: 'Reclame' });
    expect(res.status).toBe(200);
    expect(res.body.report).toMatchObject({ status: 'resolved', resolution: 'hide_post', resolutionNote: 'Reclame', resolvedBy: { displayName: 'Mo de Moderator' } });
    const rows = await t.db.select().from(reports).where(eq(reports.postId, replyId));
    expect(rows.every((r) => r.status === 'resolved' && r.resolution === 'hide_post')).toBe(true);
    const page = await memberPage(threadId);
    await expectPlaceholder(page, replyId);
    expect(page.thread.postCount).toBe(1);
    // Its author still reads it, marked hidden, with the moderator's reason.
    const own = (await author.client.get<ThreadPage>(`/api/threads/${threadId}`)).body.posts.find((p) => p.id === replyId);
    expect(own).toMatchObject({ hidden: true, hiddenReason: 'Reclame', body: await bodyOf(replyId) });
    const again = await mod.post<ErrorBody>(`/api/moderation/reports/${first.body.report.id}/resolve`, { action: 'dismiss' });
    expect(again.status).toBe(409);
    const log = await mod.get<LogList>(`/api/moderation/log?action=hide_post&userId=${author.user.id}`);
    expect(log.body.entries[0]).toMatchObject({ targetPostId: replyId, reason: 'Reclame', moderator: { displayName: 'Mo de Moderator' } });
  });

  it('dismiss brings back a post the system hid, and logs the dismissal', async () => {
    const { threadId, replyId } = await threadWithReply();
    const ids: number[] = [];
    for (const r of reporters.slice(0, 3)) ids.push((await report(r, replyId)).body.report.id);
    const firstId = ids[0]!;
    await expectPlaceholder(await memberPage(threadId), replyId);
    const res = await mod.post<{ report: Report }>(`/api/moderation/reports/${firstId}/resolve`, { action: 'dismiss' });
    expect(res.body.report.status).toBe('dismissed');
    const page = await memberPage(threadId);
    const back = page.posts.find((p) => p.id === replyId);
    expect(back).not.toHaveProperty('hidden');
    expect(back!.bodyHtml).toContain(await bodyOf(replyId));
    expect(page.thread.postCount).toBe(2);
    const actions = (await t.db.select().from(moderationActions).where(eq(moderationActions.targetPostId, replyId))).map((a) => a.action);
    expect(actions).toEqual(['auto_hide', 'dismiss_reports', 'restore_post']);
  });

  it('delete_post removes the text for members and logs it', async () => {
    const { threadId, replyId } = await threadWithReply();
    const { body } = await report(reporters[0]!, replyId);
    const res = await mod.post<{ report: Report }>(`/api/moderation/reports/${body.report.id}/resolve`, { action: 'delete_post', note: 'Dubbel geplaatst' });
    expect(res.body.report.resolution).toBe('delete_post');
    const page = await reporters[3]!.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.body.posts.find((p) => p.id === replyId)).toMatchObject({ deleted: true, bodyHtml: '' });
    expect(page.body.thread.postCount).toBe(1);
    expect(await t.db.$count(moderationActions, and(eq(moderationActions.targetPostId, replyId), eq(moderationActions.action, 'delete_post')))).toBe(1);
  });

  it('suspend_author suspends the author for the given days, hides the post and ends their sessions', async () => {
    const offender = await t.login({ displayName: 'Dwarsligger' });
    const { threadId } = await makeThread(t.db, author.user);
    const postId = await makePost(t.db, offender.user, threadId);
    const { body } = await report(reporters[0]!, postId, { reason: 'offensive' });
    const bad = await mod.post<ErrorBody>(`/api/moderation/reports/${body.report.id}/resolve`, { action: 'dismiss', suspendDays: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('suspendDays');
    const res = await mod.post<{ report: Report }>(`/api/moderation/reports/${body.report.id}/resolve`, { action: 'suspend_author', note: 'Herhaald grof', suspendDays: 7 });
    expect(res.status).toBe(200);
    const [user] = await t.db.select().from(users).where(eq(users.id, offender.user.id));
    expect(user).toMatchObject({ status: 'suspended', statusReason: 'Herhaald grof' });
    const days = (user!.suspendedUntil!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    // Sessions were revoked: the old cookie no longer logs anyone in.
    expect((await offender.client.get('/api/me')).status).toBe(401);
    await expectPlaceholder(await memberPage(threadId), postId);
  });

  it('refuses bad resolve input and unknown reports', async () => {
    expect((await mod.post<ErrorBody>('/api/moderation/reports/99999999/resolve', { action: 'dismiss' })).status).toBe(404);
    for (const [body, field] of [
      [{ action: 'ban' }, 'action'],
      [{}, 'action'],
      [{ action: 'suspend_author', suspendDays: 0 }, 'suspendDays'],
      [{ action: 'dismiss', note: { text: 'x' } }, 'note'],
    ] as const) {
      const res = await mod.post<ErrorBody>('/api/moderation/reports/99999999/resolve', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    expect((await mod.get<ErrorBody>('/api/moderation/reports?status=weg')).body.error.field).toBe('status');
  });

  it('refuses to hide, delete or suspend without a reason the author reads, and changes nothing', async () => {
    const { threadId, replyId } = await threadWithReply();
    const { body } = await report(reporters[0]!, replyId);
    for (const action of ['hide_post', 'delete_post', 'suspend_author'] as const) {
      for (const note of [undefined, '   ']) {
        const res = await mod.post<ErrorBody>(`/api/moderation/reports/${body.report.id}/resolve`, note === undefined ? { action } : { action, note });
        expect(res.status, action).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'reason_required', field: 'note' });
      }
    }
    const page = await reporters[3]!.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.body.posts.find((p) => p.id === replyId)?.bodyHtml).not.toBe('');
    const [row] = await t.db.select().from(reports).where(eq(reports.id, body.report.id));
    expect(row!.status).toBe('open');
    expect(await t.db.$count(moderationActions, eq(moderationActions.targetPostId, replyId))).toBe(0);
    expect((await mod.get<ErrorBody>('/api/moderation/queue?cursor=xyz')).body.error.field).toBe('cursor');
  });
});
