import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { MemberProfileBody } from '../../shared/api/members.js';
import { MemberSuggestions, MemberSuggestQuery } from '../../shared/api/notifications.js';
import { users } from '../db/schema.js';
import { findVisibleThread } from '../forum/queries.js';
import { notFound } from '../http/errors.js';
import { suggestMembers } from './suggest.js';

/**
 * What members read of each other: the @-autocomplete and a member's page. Both show ACTIVE members only, and only
 * what every member may know (name, party, municipality, role): a pending, suspended or rejected account is
 * "not found", and no answer carries an e-mail address (the response schemas have no field for one).
 */
export default async function memberRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  // The composer asks while its writer types (debounced); the global per-member limit covers it, as for search.
  api.get(
    '/api/members/suggest',
    { config: { auth: 'member' }, schema: { querystring: MemberSuggestQuery, response: { 200: MemberSuggestions } } },
    async (request) => {
      const user = request.user!;
      const { q, threadId } = request.query;
      // A thread she may not see is "not found", as everywhere: its writers are never used to order names.
      if (threadId !== undefined && !(await findVisibleThread(app.db, threadId, user))) {
        throw notFound('Deze discussie bestaat niet of is verwijderd.');
      }
      return { members: await suggestMembers(app.db, user, q, threadId ?? null) };
    },
  );

  api.get(
    '/api/members/:id',
    { config: { auth: 'member' }, schema: { params: IdParams, response: { 200: MemberProfileBody } } },
    async (request) => {
      const [member] = await app.db
        .select({
          id: users.id,
          displayName: users.displayName,
          party: users.party,
          municipality: users.municipality,
          representativeRole: users.representativeRole,
          representativeVerified: users.representativeVerified,
          approvedAt: users.approvedAt,
          createdAt: users.createdAt,
        })
        .from(users)
        .where(and(eq(users.id, request.params.id), eq(users.status, 'active')))
        .limit(1);
      if (!member) throw notFound('Dit lid bestaat niet.');
      const { approvedAt, createdAt, ...rest } = member;
      return { member: { ...rest, representativeRole: rest.representativeRole as MemberProfileBody['member']['representativeRole'], memberSince: (approvedAt ?? createdAt).toISOString() } };
    },
  );
}
