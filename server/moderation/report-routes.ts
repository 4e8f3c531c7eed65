import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { ReportAnswer, ReportBody, ReportList, ReportListQuery, ResolveBody } from '../../shared/api/moderation.js';
import type { CurrentUser } from '../auth/types.js';
import type { Config } from '../config.js';
import type { Tx } from '../db/client.js';
import { moderationActions, posts, reports, threads } from '../db/schema.js';
import { findPost, findVisibleThread } from '../forum/queries.js';
import { rehide } from '../forum/post-hiding.js';
import { postTextVisible } from '../forum/visibility.js';
import { deletePost } from '../forum/writes.js';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.js';
import { suspendUser } from './members.js';
import { hidePost, restorePost } from './post-actions.js';
import { signalModerators } from '../notifications/moderators.js';
import { notifyUser } from '../notifications/notify.js';
import { decideOn } from './claims.js';
import { logAction } from './record.js';
import { findReports, selectReports, toReportDto } from './reports.js';

export const AUTO_HIDE_REASON = 'Automatisch verborgen na rapporten van leden';

/** Was the post's current hiding done by the system (reports), not by a moderator? */
async function autoHidden(tx: Tx, postId: number): Promise<boolean> {
  const [last] = await tx
    .select({ action: moderationActions.action })
    .from(moderationActions)
    .where(and(eq(moderationActions.targetPostId, postId), inArray(moderationActions.action, ['auto_hide', 'hide_post', 'restore_post'])))
    .orderBy(desc(moderationActions.id))
    .limit(1);
  return last?.action === 'auto_hide';
}

export default async function reportRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/posts/:id/reports',
    { config: { auth: 'member' }, schema: { summary: 'Bericht rapporteren', tags: ['moderation'], params: IdParams, body: ReportBody, response: { 201: ReportAnswer } } },
    async (request, reply) => {
      const user = request.user!;
      const post = await findPost(app.db, request.params.id);
      // A deleted post can be reported by nobody; a hidden one only by whoever may still read it.
      if (!post || post.deletedAt || !postTextVisible(post, user)) throw notFound('Dit bericht bestaat niet.');
      if (!(await findVisibleThread(app.db, post.threadId, user))) throw notFound('Dit bericht bestaat niet.');
      if (post.authorId === user.id) throw forbidden('own_post', 'Je kunt je eigen bericht niet rapporteren.');
      const note = request.body.note?.trim() || null;
      const reportId = await app.db.transaction(async (tx) => {
        // One report at a time per post, so the threshold is counted exactly once even under concurrent reports.
        await tx.select({ id: posts.id }).from(posts).where(eq(posts.id, post.id)).for('update');
        const [row] = await tx
          .insert(reports)
          .values({ postId: post.id, reporterId: user.id, reason: request.body.reason, note })
          .onConflictDoNothing()
          .returning({ id: reports.id });
        if (!row) throw conflict('already_reported', 'Je hebt dit bericht al gerapporteerd.');
        await signalModerators(tx, 'report_open', { except: user.id });
        const [open] = await tx.select({ n: count() }).from(reports).where(and(eq(reports.postId, post.id), eq(reports.status, 'open')));
        const n = open?.n ?? 0;
        if (n >= opts.config.autoHideReports) {
          await hidePost(tx, post.id, { moderatorId: null, reason: AUTO_HIDE_REASON, details: { openReports: n } });
        }
        return row.id;
      });
      const [report] = await selectReports(app.db).where(eq(reports.id, reportId));
      return reply.code(201).send({ report: toReportDto(report!) });
    },
  );

  api.get(
    '/api/moderation/reports',
    { config: { auth: 'moderator' }, schema: { summary: 'Gerapporteerde berichten', tags: ['moderation'], querystring: ReportListQuery, response: { 200: ReportList } } },
    async (request) => {
      const { status, cursor, limit } = request.query;
      const size = pageSize(limit);
      const after = decodeCursor(cursor, ['number'] as const);
      // Oldest first: a queue is worked from the front.
      const rows = await selectReports(app.db)
        .where(and(status ? eq(reports.status, status) : undefined, after ? gt(reports.id, after[0]) : undefined))
        .orderBy(reports.id)
        .limit(size + 1);
      const page = rows.slice(0, size);
      return { reports: page.map(toReportDto), nextCursor: rows.length > size ? encodeCursor([page[page.length - 1]!.id]) : null };
    },
  );

  api.post(
    '/api/moderation/reports/:id/resolve',
    { config: { auth: 'moderator' }, schema: { summary: 'Rapport afhandelen', tags: ['moderation'], params: IdParams, body: ResolveBody, response: { 200: ReportAnswer } } },
    async (request) => {
      const moderator = request.user!;
      const { action, suspendDays } = request.body;
      const note = request.body.note?.trim() || null;
      if (suspendDays !== undefined && action !== 'suspend_author') {
        throw badRequest('invalid_input', 'Een schorsingsduur hoort alleen bij "suspend_author".', 'suspendDays');
      }
      // What takes something away from the author carries a reason she reads; dismissing takes nothing away.
      if (action !== 'dismiss' && note === null) throw badRequest('reason_required', 'Geef een reden op: de schrijver leest die in haar melding.', 'note');
      const suspended = await app.db.transaction(async (tx) => {
        const [report] = await tx.select({ postId: reports.postId, status: reports.status }).from(reports).where(eq(reports.id, request.params.id)).for('update');
        if (!report) throw notFound('Dit rapport bestaat niet.');
        if (report.status !== 'open') throw conflict('already_resolved', 'Dit rapport is al afgehandeld.');
        await decideOn(tx, 'report', report.postId, moderator);
        const resolved = await tx
          .update(reports)
          .set({
            status: action === 'dismiss' ? 'dismissed' : 'resolved',
            resolution: action,
            resolutionNote: note,
            resolvedBy: moderator.id,
            resolvedAt: sql`now()`,
          })
          .where(and(eq(reports.postId, report.postId), eq(reports.status, 'open')))
          .returning({ id: reports.id });
        const details = { reportIds: resolved.map((r) => r.id) };
        return applyResolution(tx, moderator, report.postId, action, note, suspendDays, details);
      });
      if (suspended !== null) app.authEvents.emit('revoked', { userId: suspended });
      const [report] = await findReports(app.db, eq(reports.id, request.params.id));
      return { report: report! };
    },
  );
}

/** Carries out a moderator's decision on a reported post; returns the id of a user whose sessions were revoked. */
async function applyResolution(
  tx: Tx,
  moderator: CurrentUser,
  postId: number,
  action: ResolveBody['action'],
  note: string | null,
  suspendDays: number | undefined,
  details: Record<string, unknown>,
): Promise<number | null> {
  const post = (await findPost(tx, postId))!;
  const [thread] = await tx.select({ categoryId: threads.categoryId, title: threads.title }).from(threads).where(eq(threads.id, post.threadId));
  // Required for every action but dismiss (the route checks it).
  const reason = note ?? '';
  const hide = async () => {
    // A post deleted meanwhile is not hidden on top: nothing of it is left to hide.
    if (!post.deletedAt && (await hidePost(tx, postId, { moderatorId: moderator.id, reason: reason, details }))) return;
    // Already hidden (automatically): the moderator's decision still goes on record, with their reason.
    await rehide(tx, postId, reason);
    await logAction(tx, { moderatorId: moderator.id, action: 'hide_post', targetUserId: post.authorId, targetPostId: postId, targetThreadId: post.threadId, reason: reason, details: { ...details, alreadyHidden: post.hiddenAt !== null } });
  };
  switch (action) {
    case 'hide_post':
      await hide();
      return null;
    case 'delete_post':
      if (post.deletedAt) {
        // The author deleted it meanwhile: only the decision goes on record.
        await logAction(tx, { moderatorId: moderator.id, action: 'delete_post', targetUserId: post.authorId, targetPostId: postId, targetThreadId: post.threadId, reason: note, details: { ...details, alreadyDeleted: true } });
        return null;
      }
      // The forum's own delete (a savepoint inside this transaction), so counters and events are exactly as for an author's delete.
      await deletePost(tx, moderator, postId, post.threadId, thread!.categoryId, post.hiddenAt === null);
      await logAction(tx, { moderatorId: moderator.id, action: 'delete_post', targetUserId: post.authorId, targetPostId: postId, targetThreadId: post.threadId, reason: note, details });
      await notifyUser(tx, post.authorId, 'post_deleted', `Je bericht in „${thread!.title}” is verwijderd door een moderator: ${reason}`, { postId, threadId: post.threadId });
      return null;
    case 'dismiss':
      await logAction(tx, { moderatorId: moderator.id, action: 'dismiss_reports', targetUserId: post.authorId, targetPostId: postId, targetThreadId: post.threadId, reason: note, details });
      // Reports found unfounded: a post the system hid because of them comes back.
      if (post.hiddenAt && (await autoHidden(tx, postId))) {
        await restorePost(tx, postId, { moderatorId: moderator.id, reason: 'Rapporten afgewezen', details });
      }
      return null;
    case 'suspend_author':
      await suspendUser(tx, moderator, post.authorId, reason, suspendDays, { ...details, postId });
      if (post.deletedAt === null) await hide();
      return post.authorId;
  }
}
