import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { NotificationList, NotificationsQuery, ReadNotificationsBody, UnreadAnswer } from '../../shared/api/notifications.js';
import type { Db } from '../db/client.js';
import { notifications } from '../db/schema.js';
import { badRequest } from '../http/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.js';

async function unreadCount(db: Db, userId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * A user's own notifications, newest first. Open to every logged-in user ('user'), so that a suspended
 * or rejected account can still read why.
 */
export default async function notificationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/api/notifications', { config: { auth: 'user' }, schema: { querystring: NotificationsQuery, response: { 200: NotificationList } } }, async (request) => {
    const userId = request.user!.id;
    const size = pageSize(request.query.limit);
    const after = decodeCursor(request.query.cursor, ['number'] as const);
    const rows = await app.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), after ? lt(notifications.id, after[0]) : undefined))
      .orderBy(desc(notifications.id))
      .limit(size + 1);
    const page = rows.slice(0, size);
    return {
      notifications: page.map((n) => ({
        id: n.id,
        kind: n.kind,
        message: n.message,
        link: null,
        count: n.count,
        readAt: n.readAt?.toISOString() ?? null,
        createdAt: n.createdAt.toISOString(),
        updatedAt: n.updatedAt.toISOString(),
      })),
      unreadCount: await unreadCount(app.db, userId),
      nextCursor: rows.length > size ? encodeCursor([page[page.length - 1]!.id]) : null,
    };
  });

  api.post('/api/notifications/read', { config: { auth: 'user' }, schema: { body: ReadNotificationsBody, response: { 200: UnreadAnswer } } }, async (request) => {
    const userId = request.user!.id;
    const { ids, all } = request.body;
    if (ids === undefined && all === undefined) throw badRequest('invalid_input', 'Geef "ids" of "all": true mee.', 'ids');
    if (ids !== undefined && all !== undefined) throw badRequest('invalid_input', 'Geef "ids" of "all", niet allebei.', 'all');
    // Someone else's ids simply match nothing: the user filter is always there.
    await app.db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined));
    return { unreadCount: await unreadCount(app.db, userId) };
  });
}
