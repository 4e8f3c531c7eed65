import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ConversationDraftAnswer, ConversationDraftBody, ConversationParams } from '../../shared/api/conversations.js';
import { conversationDrafts } from '../db/schema.js';
import { badRequest } from '../http/errors.js';
import { participantConversation } from './queries.js';

/** The composer saves about once a second while she types; more than this is not typing. */
const draftLimit = { max: 120, timeWindow: '1 minute' };

/**
 * What she is writing in a conversation, kept on the server like a reply's draft (drafts/routes.ts): hers only, one
 * per conversation, stored as typed, for participants only. Sending the message deletes it (writes.ts), as does
 * leaving the conversation.
 */
export default async function conversationDraftRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['conversations'];
  const mine = (conversationId: number, userId: number) => and(eq(conversationDrafts.conversationId, conversationId), eq(conversationDrafts.userId, userId));

  api.get(
    '/api/conversations/:id/draft',
    { config: { auth: 'member' }, schema: { summary: 'Concept van een bericht in een gesprek', tags, params: ConversationParams, response: { 200: ConversationDraftAnswer } } },
    async (request) => {
      const user = request.user!;
      const { conversation } = await participantConversation(app.db, request.params.id, user);
      const [draft] = await app.db.select({ body: conversationDrafts.body, updatedAt: conversationDrafts.updatedAt }).from(conversationDrafts).where(mine(conversation.id, user.id));
      return { draft: draft ? { body: draft.body, updatedAt: draft.updatedAt.toISOString() } : null };
    },
  );

  api.put(
    '/api/conversations/:id/draft',
    { config: { auth: 'member', rateLimit: draftLimit }, schema: { summary: 'Concept van een bericht in een gesprek opslaan', tags, params: ConversationParams, body: ConversationDraftBody, response: { 200: ConversationDraftAnswer } } },
    async (request) => {
      const user = request.user!;
      const { conversation } = await participantConversation(app.db, request.params.id, user);
      const { body } = request.body;
      if (body.trim() === '') throw badRequest('empty_draft', 'Een leeg concept hoeft niet bewaard te worden.', 'body');
      const [row] = await app.db
        .insert(conversationDrafts)
        .values({ conversationId: conversation.id, userId: user.id, body })
        .onConflictDoUpdate({ target: [conversationDrafts.conversationId, conversationDrafts.userId], set: { body, updatedAt: new Date() } })
        .returning({ updatedAt: conversationDrafts.updatedAt });
      return { draft: { body, updatedAt: row!.updatedAt.toISOString() } };
    },
  );

  api.delete(
    '/api/conversations/:id/draft',
    { config: { auth: 'member' }, schema: { summary: 'Concept van een bericht in een gesprek weggooien', tags, params: ConversationParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const user = request.user!;
      const { conversation } = await participantConversation(app.db, request.params.id, user);
      await app.db.delete(conversationDrafts).where(mine(conversation.id, user.id));
      return reply.code(204).send(null);
    },
  );
}
