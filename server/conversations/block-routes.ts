import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../shared/api/common.js';
import { BlockList } from '../../shared/api/conversations.js';
import { memberBlocks, users } from '../db/schema.js';
import { badRequest, notFound } from '../http/errors.js';
import { publicMemberColumns } from '../members/public-member.js';
import { toParticipant } from './queries.js';

/**
 * Blocking a member: he can no longer start a conversation with her or add her to one, and his messages in a
 * conversation they share stop notifying her. He is never told; he only finds he cannot write to her.
 */
export default async function blockRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['conversations'];
  const blockLimit = { max: 60, timeWindow: '1 minute' };

  api.get('/api/me/blocks', { config: { auth: 'member' }, schema: { summary: 'Leden die ik blokkeer', tags, response: { 200: BlockList } } }, async (request) => {
    const rows = await app.db
      .select(publicMemberColumns)
      .from(memberBlocks)
      .innerJoin(users, eq(users.id, memberBlocks.blockedUserId))
      .where(eq(memberBlocks.userId, request.user!.id))
      .orderBy(asc(users.displayName), asc(users.id));
    return { items: rows.map(toParticipant) };
  });

  api.put(
    '/api/members/:id/block',
    { config: { auth: 'member', rateLimit: blockLimit }, schema: { summary: 'Een lid blokkeren', tags, params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const user = request.user!;
      const id = request.params.id;
      if (id === user.id) throw badRequest('self_block', 'Je kunt jezelf niet blokkeren.', 'id');
      // Any account a member could meet (also one suspended meanwhile); not the former members' placeholder.
      const [target] = await app.db.select({ id: users.id }).from(users).where(and(eq(users.id, id), ne(users.status, 'deleted')));
      if (!target) throw notFound('Dit lid bestaat niet.');
      await app.db.insert(memberBlocks).values({ userId: user.id, blockedUserId: id }).onConflictDoNothing();
      return reply.code(204).send(null);
    },
  );

  api.delete(
    '/api/members/:id/block',
    { config: { auth: 'member', rateLimit: blockLimit }, schema: { summary: 'Blokkade van een lid opheffen', tags, params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await app.db.delete(memberBlocks).where(and(eq(memberBlocks.userId, request.user!.id), eq(memberBlocks.blockedUserId, request.params.id)));
      return reply.code(204).send(null);
    },
  );
}
