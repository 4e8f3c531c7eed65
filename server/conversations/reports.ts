import { eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MessageReport, MessageReportAction } from '../../shared/api/conversations.js';
import type { ReportReason } from '../../shared/constants.js';
import type { DbOrTx } from '../db/client.js';
import { conversationMessageReports, conversationMessages, conversations, users } from '../db/schema.js';
import { findMessage, toMessageDto, type MessageRow } from './queries.js';

const reporter = alias(users, 'reporter');
const resolver = alias(users, 'resolver');

/** Reports on private messages with who made and resolved them, the conversation's subject, oldest first. */
export async function findMessageReports(db: DbOrTx, where: SQL | undefined, limit: number): Promise<MessageReport[]> {
  const rows = await db
    .select({
      report: conversationMessageReports,
      conversationId: conversationMessages.conversationId,
      subject: conversations.subject,
      reporterName: reporter.displayName,
      resolverName: resolver.displayName,
    })
    .from(conversationMessageReports)
    .innerJoin(conversationMessages, eq(conversationMessages.id, conversationMessageReports.messageId))
    .innerJoin(conversations, eq(conversations.id, conversationMessages.conversationId))
    .leftJoin(reporter, eq(reporter.id, conversationMessageReports.reporterId))
    .leftJoin(resolver, eq(resolver.id, conversationMessageReports.resolvedBy))
    .where(where)
    .orderBy(conversationMessageReports.id)
    .limit(limit);
  const messages = new Map<number, MessageRow>();
  for (const id of new Set(rows.map((r) => r.report.messageId))) {
    const message = await findMessage(db, id);
    if (message) messages.set(id, message);
  }
  return rows.map(({ report, conversationId, subject, reporterName, resolverName }) => ({
    id: report.id,
    messageId: report.messageId,
    conversationId,
    reason: report.reason as ReportReason,
    note: report.note,
    status: report.status as MessageReport['status'],
    resolution: report.resolution as MessageReportAction | null,
    resolutionNote: report.resolutionNote,
    reporter: report.reporterId === null ? null : { id: report.reporterId, displayName: reporterName ?? '' },
    resolvedBy: report.resolvedBy === null ? null : { id: report.resolvedBy, displayName: resolverName ?? '' },
    resolvedAt: report.resolvedAt?.toISOString() ?? null,
    createdAt: report.createdAt.toISOString(),
    // Moderators read the reported text (not the Markdown): that is what the report is about.
    message: toMessageDto(messages.get(report.messageId)!, null),
    subject,
  }));
}
