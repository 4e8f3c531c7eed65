import { eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Report } from '../../shared/api/moderation.js';
import type { ReportAction, ReportReason, ReportStatus } from '../../shared/constants.js';
import type { DbOrTx } from '../db/client.js';
import { posts, reports, users } from '../db/schema.js';

const resolver = alias(users, 'resolver');

/** Reports with the names of who made and who resolved them, as the API shows them. */
export function selectReports(db: DbOrTx) {
  return db
    .select({
      id: reports.id,
      postId: reports.postId,
      threadId: posts.threadId,
      reason: reports.reason,
      note: reports.note,
      status: reports.status,
      resolution: reports.resolution,
      resolutionNote: reports.resolutionNote,
      reporterId: users.id,
      reporterName: users.displayName,
      resolverId: resolver.id,
      resolverName: resolver.displayName,
      resolvedAt: reports.resolvedAt,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .innerJoin(posts, eq(posts.id, reports.postId))
    .innerJoin(users, eq(users.id, reports.reporterId))
    .leftJoin(resolver, eq(resolver.id, reports.resolvedBy));
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof selectReports>['execute']>>[number];

export function toReportDto(row: ReportRow): Report {
  return {
    id: row.id,
    postId: row.postId,
    threadId: row.threadId,
    reason: row.reason as ReportReason,
    note: row.note,
    status: row.status as ReportStatus,
    resolution: row.resolution as ReportAction | null,
    resolutionNote: row.resolutionNote,
    reporter: { id: row.reporterId, displayName: row.reporterName },
    resolvedBy: row.resolverId === null ? null : { id: row.resolverId, displayName: row.resolverName ?? '' },
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findReports(db: DbOrTx, where: SQL | undefined): Promise<Report[]> {
  const rows = await selectReports(db).where(where).orderBy(reports.id);
  return rows.map(toReportDto);
}

export const reportIdsIn = (ids: number[]) => inArray(reports.id, ids);
