import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  AddParticipantsBody,
  CONVERSATION_PAGE_SIZE,
  ConversationAnswer,
  ConversationList,
  ConversationListQuery,
  ConversationMessageAnswer,
  ConversationMessageBody,
  ConversationMessageList,
  ConversationMessageParams,
  ConversationMessagesQuery,
  ConversationPage,
  ConversationParams,
  ConversationReadBody,
  ConversationUnread,
  CreateConversationBody,
  MessageReportAnswer,
  MessageReportBody,
} from '../../shared/api/conversations.js';
import type { Config } from '../config.js';
import { conversationMessageReports, conversationParticipants } from '../db/schema.js';
import { signalModerators } from '../notifications/moderators.js';
import { findMessageReports } from './reports.js';
import { badRequest, conflict, forbidden } from '../http/errors.js';
import { listConversations } from './list.js';
import { conversationDetail, findMessage, messageNotFound, messagesAfter, messagesBefore, participantConversation, readableConversation, toMessageDto } from './queries.js';
import { addParticipants, deleteMessage, editMessage, leaveConversation, markRead, postMessage, startConversation } from './writes.js';

/** A reconnecting screen's catch-up gets at most this many messages; more means: load the conversation again. */
const CATCH_UP_MAX = 500;

/**
 * Private conversations ("Berichten"). Every route is for members; a conversation she is not in is "not found"
 * (also for a moderator, unless a report on one of its messages is open: then she reads it, read-only).
 */
export default async function conversationRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const postLimit = { max: opts.config.rateLimit.postMax, timeWindow: '1 minute' };
  const readLimit = { max: 240, timeWindow: '1 minute' };
  const tags = ['conversations'];

  api.get(
    '/api/conversations',
    { config: { auth: 'member' }, schema: { summary: 'Mijn gesprekken', tags, querystring: ConversationListQuery, response: { 200: ConversationList } } },
    async (request) => listConversations(app.db, request.user!, request.query.cursor),
  );

  api.get(
    '/api/conversations/unread',
    { config: { auth: 'member' }, schema: { summary: 'Aantal gesprekken met ongelezen berichten', tags, response: { 200: ConversationUnread } } },
    async (request) => {
      const userId = request.user!.id;
      const [row] = await app.db
        .select({ n: count() })
        .from(conversationParticipants)
        .where(
          and(
            eq(conversationParticipants.userId, userId),
            sql`exists (select 1 from conversation_messages m
                         where m.conversation_id = ${conversationParticipants.conversationId}
                           and m.id > ${conversationParticipants.lastReadMessageId}
                           and m.author_id is distinct from ${userId} and m.deleted_at is null
                           and not exists (select 1 from member_blocks b where b.user_id = ${userId} and b.blocked_user_id = m.author_id))`,
          ),
        );
      return { count: row?.n ?? 0 };
    },
  );

  api.post(
    '/api/conversations',
    { config: { auth: 'member', rateLimit: postLimit }, schema: { summary: 'Nieuw gesprek beginnen', tags, body: CreateConversationBody, response: { 201: ConversationAnswer } } },
    async (request, reply) => {
      const user = request.user!;
      const id = await startConversation(app.db, user, request.body);
      const access = await readableConversation(app.db, id, user);
      return reply.code(201).send({ conversation: await conversationDetail(app.db, access, user) });
    },
  );

  api.get(
    '/api/conversations/:id',
    { config: { auth: 'member' }, schema: { summary: 'Een gesprek met de nieuwste berichten', tags, params: ConversationParams, response: { 200: ConversationPage } } },
    async (request) => {
      const user = request.user!;
      const access = await readableConversation(app.db, request.params.id, user);
      const [conversation, page] = await Promise.all([
        conversationDetail(app.db, access, user),
        messagesBefore(app.db, access.conversation.id, null, CONVERSATION_PAGE_SIZE),
      ]);
      return { conversation, messages: page.rows.map((row) => toMessageDto(row, user.id)), hasEarlier: page.hasEarlier };
    },
  );

  api.get(
    '/api/conversations/:id/messages',
    { config: { auth: 'member' }, schema: { summary: 'Eerdere of gemiste berichten van een gesprek', tags, params: ConversationParams, querystring: ConversationMessagesQuery, response: { 200: ConversationMessageList } } },
    async (request) => {
      const user = request.user!;
      const { before, after } = request.query;
      if (before !== undefined && after !== undefined) throw badRequest('before_and_after', 'Vraag berichten van vóór of van na een bericht, niet allebei.', 'after');
      const access = await readableConversation(app.db, request.params.id, user);
      if (after !== undefined) {
        const rows = await messagesAfter(app.db, access.conversation.id, after, CATCH_UP_MAX);
        return { items: rows.map((row) => toMessageDto(row, user.id)), hasEarlier: false };
      }
      const page = await messagesBefore(app.db, access.conversation.id, before ?? null, CONVERSATION_PAGE_SIZE);
      return { items: page.rows.map((row) => toMessageDto(row, user.id)), hasEarlier: page.hasEarlier };
    },
  );

  api.post(
    '/api/conversations/:id/messages',
    { config: { auth: 'member', rateLimit: postLimit }, schema: { summary: 'Bericht sturen in een gesprek', tags, params: ConversationParams, body: ConversationMessageBody, response: { 201: ConversationMessageAnswer } } },
    async (request, reply) => {
      const user = request.user!;
      const access = await participantConversation(app.db, request.params.id, user);
      const detail = await conversationDetail(app.db, access, user);
      if (!detail.canReply) throw forbidden('conversation_alone', 'Er doet niemand anders meer mee aan dit gesprek.');
      const id = await postMessage(app.db, user, access.conversation.id, request.body.body);
      return reply.code(201).send({ message: toMessageDto((await findMessage(app.db, id))!, user.id) });
    },
  );

  /** Her own message in this conversation, not deleted: the only one she may change. */
  const ownMessage = async (conversationId: number, messageId: number, userId: number) => {
    const message = await findMessage(app.db, messageId);
    if (!message || message.conversationId !== conversationId || message.deletedAt) throw messageNotFound();
    if (message.authorId !== userId) throw forbidden('not_author', 'Je kunt alleen je eigen berichten wijzigen.');
    return message;
  };

  api.patch(
    '/api/conversations/:id/messages/:messageId',
    { config: { auth: 'member', rateLimit: postLimit }, schema: { summary: 'Eigen bericht in een gesprek bewerken', tags, params: ConversationMessageParams, body: ConversationMessageBody, response: { 200: ConversationMessageAnswer } } },
    async (request) => {
      const user = request.user!;
      const access = await participantConversation(app.db, request.params.id, user);
      const message = await ownMessage(access.conversation.id, request.params.messageId, user.id);
      await editMessage(app.db, message.id, access.conversation.id, request.body.body);
      return { message: toMessageDto((await findMessage(app.db, message.id))!, user.id) };
    },
  );

  api.delete(
    '/api/conversations/:id/messages/:messageId',
    { config: { auth: 'member' }, schema: { summary: 'Eigen bericht in een gesprek verwijderen', tags, params: ConversationMessageParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const user = request.user!;
      const access = await participantConversation(app.db, request.params.id, user);
      const message = await ownMessage(access.conversation.id, request.params.messageId, user.id);
      await deleteMessage(app.db, message.id, access.conversation.id);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/conversations/:id/read',
    { config: { auth: 'member', rateLimit: readLimit }, schema: { summary: 'Gesprek gelezen tot en met een bericht', tags, params: ConversationParams, body: ConversationReadBody, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const user = request.user!;
      const access = await participantConversation(app.db, request.params.id, user);
      await markRead(app.db, user.id, access.conversation.id, request.body.messageId);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/conversations/:id/participants',
    { config: { auth: 'member', rateLimit: postLimit }, schema: { summary: 'Leden toevoegen aan een gesprek', tags, params: ConversationParams, body: AddParticipantsBody, response: { 200: ConversationAnswer } } },
    async (request) => {
      const user = request.user!;
      const access = await participantConversation(app.db, request.params.id, user);
      await addParticipants(app.db, user, access.conversation.id, request.body.userIds);
      return { conversation: await conversationDetail(app.db, access, user) };
    },
  );

  api.post(
    '/api/conversations/:id/messages/:messageId/report',
    { config: { auth: 'member', rateLimit: postLimit }, schema: { summary: 'Bericht in een gesprek rapporteren', tags, params: ConversationMessageParams, body: MessageReportBody, response: { 201: MessageReportAnswer } } },
    async (request, reply) => {
      const user = request.user!;
      const access = await participantConversation(app.db, request.params.id, user);
      const message = await findMessage(app.db, request.params.messageId);
      if (!message || message.conversationId !== access.conversation.id || message.deletedAt) throw messageNotFound();
      if (message.authorId === user.id) throw forbidden('own_message', 'Je kunt je eigen bericht niet rapporteren.');
      const note = request.body.note?.trim() || null;
      const id = await app.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(conversationMessageReports)
          .values({ messageId: message.id, reporterId: user.id, reason: request.body.reason, note })
          .onConflictDoNothing()
          .returning({ id: conversationMessageReports.id });
        if (!row) throw conflict('already_reported', 'Je hebt dit bericht al gerapporteerd.');
        await signalModerators(tx, 'report_open', { except: user.id });
        return row.id;
      });
      const [report] = await findMessageReports(app.db, eq(conversationMessageReports.id, id), 1);
      return reply.code(201).send({ report: report! });
    },
  );

  api.delete(
    '/api/conversations/:id/participation',
    { config: { auth: 'member' }, schema: { summary: 'Een gesprek verlaten', tags, params: ConversationParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const user = request.user!;
      const access = await participantConversation(app.db, request.params.id, user);
      await leaveConversation(app.db, user.id, access.conversation.id);
      return reply.code(204).send(null);
    },
  );
}

