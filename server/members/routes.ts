import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { MemberDirectory, MemberDirectoryQuery, MemberProfileBody } from '../../shared/api/members.js';
import { MemberSuggestions, MemberSuggestQuery } from '../../shared/api/notifications.js';
import { visibleThreadOrNotFound } from '../forum/queries.js';
import { notFound } from '../http/errors.js';
import { listMembers, parseDirectoryQuery } from './directory.js';
import { loadMemberPage } from './page.js';
import { suggestMembers } from './suggest.js';

/**
 * What members read of each other: the @-autocomplete, the directory and a member's page. All show ACTIVE members
 * only, and only what every member may know (name, role, and party and municipality when she shows them): a pending,
 * suspended or rejected account is "not found" (and absent from the directory), and no answer carries an e-mail
 * address (the response schemas have no field for one). The suggestions carry no party or municipality at all.
 * Moderators' administration (moderation/member-routes.ts) keeps showing party and municipality: they check them.
 */
export default async function memberRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  // The composer asks while its writer types (debounced); the global per-member limit covers it, as for search.
  api.get(
    '/api/members/suggest',
    { config: { auth: 'member' }, schema: { summary: 'Leden voorstellen bij een @-vermelding', tags: ['members'], querystring: MemberSuggestQuery, response: { 200: MemberSuggestions } } },
    async (request) => {
      const user = request.user!;
      const { q, threadId } = request.query;
      // A thread she may not see is "not found", as everywhere: its writers are never used to order names.
      if (threadId !== undefined) await visibleThreadOrNotFound(app.db, threadId, user);
      return { members: await suggestMembers(app.db, user, q, threadId ?? null) };
    },
  );

  // The directory: typed into like the suggestions, so the global per-member limit covers `q`, as for suggest and search.
  api.get(
    '/api/members',
    { config: { auth: 'member' }, schema: { summary: 'Ledenlijst', tags: ['members'], querystring: MemberDirectoryQuery, response: { 200: MemberDirectory } } },
    async (request) => listMembers(app.db, parseDirectoryQuery(request.query)),
  );

  api.get(
    '/api/members/:id',
    { config: { auth: 'member' }, schema: { summary: 'Pagina van een lid', tags: ['members'], params: IdParams, response: { 200: MemberProfileBody } } },
    async (request) => {
      const page = await loadMemberPage(app.db, request.user!, request.params.id);
      if (!page) throw notFound('Dit lid bestaat niet.');
      return page;
    },
  );
}
