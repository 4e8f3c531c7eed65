import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { UserBody, UserList, UserListQuery } from '../../shared/api/users.js';
import { users } from '../db/schema.js';
import { conflict, notFound } from '../http/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.js';
import { toUserDto, userColumns } from './users.js';

/** Membership administration: the moderators' list of accounts and the approval of new members. */
export default async function adminUserRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/api/admin/users', { config: { auth: 'moderator' }, schema: { querystring: UserListQuery, response: { 200: UserList } } }, async (request) => {
    const { status, cursor, limit } = request.query;
    const size = pageSize(limit);
    const after = decodeCursor(cursor, ['number'] as const);
    // Pending accounts are a queue: oldest first. Other lists too, so paging is stable.
    const rows = await app.db
      .select(userColumns)
      .from(users)
      .where(and(status ? eq(users.status, status) : undefined, after ? gt(users.id, after[0]) : undefined))
      .orderBy(users.id)
      .limit(size + 1);
    const page = rows.slice(0, size);
    return {
      users: page.map((u) => ({ ...toUserDto(u, true), email: u.email })),
      nextCursor: rows.length > size ? encodeCursor([page[page.length - 1]!.id]) : null,
    };
  });

  api.post('/api/admin/users/:id/approve', { config: { auth: 'moderator' }, schema: { params: IdParams, response: { 200: UserBody } } }, async (request) => {
    const { id } = request.params;
    const updated = await app.db
      .update(users)
      .set({ status: 'active', statusReason: null, approvedAt: sql`now()`, approvedBy: request.user!.id })
      .where(and(eq(users.id, id), eq(users.status, 'pending')))
      .returning(userColumns);
    const user = updated[0];
    if (user) {
      return { user: toUserDto(user, true) };
    }
    const existing = await app.db.select({ status: users.status }).from(users).where(eq(users.id, id)).limit(1);
    if (!existing[0]) throw notFound('Dit account bestaat niet.');
    throw conflict('not_pending', 'Dit account wacht niet op goedkeuring.');
  });
}
