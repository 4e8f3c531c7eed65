import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, desc, eq, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { LogList, LogQuery, type ModerationAction } from '../../shared/api/moderation.js';
import { moderationActions, users } from '../db/schema.js';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.js';

const moderator = alias(users, 'moderator');
const target = alias(users, 'target');

/** The moderation log, newest first: who did what to whom, when and why. Read-only; nothing in the API changes it. */
export default async function logRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/api/moderation/log', { config: { auth: 'moderator' }, schema: { summary: 'Moderatielogboek', tags: ['moderation'], querystring: LogQuery, response: { 200: LogList } } }, async (request) => {
    const { moderatorId, userId, action, cursor, limit } = request.query;
    const size = pageSize(limit);
    const after = decodeCursor(cursor, ['number'] as const);
    const rows = await app.db
      .select({
        id: moderationActions.id,
        action: moderationActions.action,
        moderatorId: moderator.id,
        moderatorName: moderator.displayName,
        moderatorDeleted: moderationActions.moderatorDeleted,
        targetUserId: target.id,
        targetUserName: target.displayName,
        targetUserDeleted: moderationActions.targetUserDeleted,
        targetPostId: moderationActions.targetPostId,
        targetThreadId: moderationActions.targetThreadId,
        reason: moderationActions.reason,
        details: moderationActions.details,
        createdAt: moderationActions.createdAt,
      })
      .from(moderationActions)
      .leftJoin(moderator, eq(moderator.id, moderationActions.moderatorId))
      .leftJoin(target, eq(target.id, moderationActions.targetUserId))
      .where(
        and(
          moderatorId !== undefined ? eq(moderationActions.moderatorId, moderatorId) : undefined,
          userId !== undefined ? eq(moderationActions.targetUserId, userId) : undefined,
          action !== undefined ? eq(moderationActions.action, action) : undefined,
          after ? lt(moderationActions.id, after[0]) : undefined,
        ),
      )
      .orderBy(desc(moderationActions.id))
      .limit(size + 1);
    const page = rows.slice(0, size);
    return {
      entries: page.map((r) => ({
        id: r.id,
        action: r.action as ModerationAction,
        moderator: r.moderatorId === null ? null : { id: r.moderatorId, displayName: r.moderatorName ?? '' },
        moderatorDeleted: r.moderatorDeleted,
        targetUser: r.targetUserId === null ? null : { id: r.targetUserId, displayName: r.targetUserName ?? '' },
        targetUserDeleted: r.targetUserDeleted,
        targetPostId: r.targetPostId,
        targetThreadId: r.targetThreadId,
        reason: r.reason,
        details: (r.details as Record<string, unknown> | null) ?? null,
        createdAt: r.createdAt.toISOString(),
      })),
      nextCursor: rows.length > size ? encodeCursor([page[page.length - 1]!.id]) : null,
    };
  });
}
