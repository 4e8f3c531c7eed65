import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { MessageReportAnswer, MessageReportList, MessageReportListQuery, ResolveMessageReportBody } from '../../shared/api/conversations.js';
import { LIMITS } from '../../shared/constants.js';
import { findMessageReports } from '../conversations/reports.js';
import { deleteMessageIn } from '../conversations/writes.js';
import { conversationMessageReports, conversationMessages } from '../db/schema.js';
import { conflict, notFound } from '../http/errors.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { logAction } from './record.js';

/**
 * Reports on messages in private conversations. While a report is open, moderators may read that conversation
 * (read-only, conversations/queries.ts); resolving it (deleting the message, or dismissing) closes every open report
 * on the message, and with the last open one their access to the conversation.
 */
export default async function messageReportRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['moderation'];

  api.get(
    '/api/moderation/message-reports',
    { config: { auth: 'moderator' }, schema: { summary: 'Gerapporteerde privéberichten', tags, querystring: MessageReportListQuery, response: { 200: MessageReportList } } },
    async (request) => {
      const { status, cursor } = request.query;
      const after = decodeCursor(cursor, ['number'] as const);
      const size = LIMITS.pageSize;
      const rows = await findMessageReports(
        app.db,
        and(status ? eq(conversationMessageReports.status, status) : undefined, after ? gt(conversationMessageReports.id, after[0]) : undefined),
        size + 1,
      );
      const page = rows.slice(0, size);
      return { reports: page, nextCursor: rows.length > size ? encodeCursor([page.at(-1)!.id]) : null };
    },
  );

  api.post(
    '/api/moderation/message-reports/:id/resolve',
    { config: { auth: 'moderator' }, schema: { summary: 'Rapport over een privébericht afhandelen', tags, params: IdParams, body: ResolveMessageReportBody, response: { 200: MessageReportAnswer } } },
    async (request) => {
      const moderator = request.user!;
      const { action } = request.body;
      const note = request.body.note?.trim() || null;
      await app.db.transaction(async (tx) => {
        const [report] = await tx
          .select({ messageId: conversationMessageReports.messageId, status: conversationMessageReports.status, conversationId: conversationMessages.conversationId, authorId: conversationMessages.authorId })
          .from(conversationMessageReports)
          .innerJoin(conversationMessages, eq(conversationMessages.id, conversationMessageReports.messageId))
          .where(eq(conversationMessageReports.id, request.params.id))
          .for('update', { of: conversationMessageReports });
        if (!report) throw notFound('Dit rapport bestaat niet.');
        if (report.status !== 'open') throw conflict('already_resolved', 'Dit rapport is al afgehandeld.');
        const resolved = await tx
          .update(conversationMessageReports)
          .set({ status: action === 'dismiss' ? 'dismissed' : 'resolved', resolution: action, resolutionNote: note, resolvedBy: moderator.id, resolvedAt: sql`now()` })
          .where(and(eq(conversationMessageReports.messageId, report.messageId), eq(conversationMessageReports.status, 'open')))
          .returning({ id: conversationMessageReports.id });
        if (action === 'delete_message') await deleteMessageIn(tx, report.messageId, report.conversationId);
        // The log names the message, never its text: a private conversation stays private in the log too.
        await logAction(tx, {
          moderatorId: moderator.id,
          action: action === 'dismiss' ? 'dismiss_message_reports' : 'delete_message',
          targetUserId: report.authorId,
          reason: note,
          details: { messageId: report.messageId, conversationId: report.conversationId, reportIds: resolved.map((r) => r.id) },
        });
      });
      const [report] = await findMessageReports(app.db, eq(conversationMessageReports.id, request.params.id), 1);
      return { report: report! };
    },
  );
}
