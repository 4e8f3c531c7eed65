import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  AskBody,
  ConsentBody,
  HelpdeskMessageAnswer,
  HelpdeskMessageBody,
  HelpdeskParams,
  HelpdeskQuestionAnswer,
  HelpdeskQuestionPage,
  HelpdeskReadBody,
  HelpdeskUnread,
  ListQuery,
  MyQuestionList,
} from '../../shared/api/helpdesk.js';
import type { Config } from '../config.js';
import { helpdeskQuestions } from '../db/schema.js';
import { askersQuestion, readableQuestion } from './access.js';
import { myQuestions } from './inbox.js';
import { findMessage, questionDto, questionMessages, toMessageDto, unreadAnswersSql } from './queries.js';
import { askQuestion, closeQuestion, markRead, postMessage, setConsent } from './writes.js';

/**
 * "Vraag het het kenniscentrum": the asker's routes, and the message route the team answers through. A question she
 * did not ask is "not found" unless she is on the team (access.ts).
 */
export default async function helpdeskRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const postLimit = { max: opts.config.rateLimit.postMax, timeWindow: '1 minute' };
  const readLimit = { max: 240, timeWindow: '1 minute' };
  const tags = ['helpdesk'];

  api.get(
    '/api/helpdesk/questions',
    { config: { auth: 'member' }, schema: { summary: 'Mijn vragen aan het kenniscentrum', tags, querystring: ListQuery, response: { 200: MyQuestionList } } },
    async (request) => myQuestions(app.db, request.user!, request.query.cursor),
  );

  api.get(
    '/api/helpdesk/unread',
    { config: { auth: 'member' }, schema: { summary: 'Aantal vragen met een ongelezen antwoord', tags, response: { 200: HelpdeskUnread } } },
    async (request) => {
      const [row] = await app.db
        .select({ n: count() })
        .from(helpdeskQuestions)
        .where(
          and(
            eq(helpdeskQuestions.askerId, request.user!.id),
            sql`exists (select 1 ${unreadAnswersSql})`,
          ),
        );
      return { count: row?.n ?? 0 };
    },
  );

  api.post(
    '/api/helpdesk/questions',
    { config: { auth: 'member', rateLimit: postLimit }, schema: { summary: 'Een vraag stellen aan het kenniscentrum', tags, body: AskBody, response: { 201: HelpdeskQuestionAnswer } } },
    async (request, reply) => {
      const user = request.user!;
      const id = await askQuestion(app.db, user, request.body);
      const { team } = await readableQuestion(app.db, id, user);
      return reply.code(201).send({ question: await questionDto(app.db, id, user, team) });
    },
  );

  api.get(
    '/api/helpdesk/questions/:id',
    { config: { auth: 'member' }, schema: { summary: 'Een vraag met haar berichten', tags, params: HelpdeskParams, response: { 200: HelpdeskQuestionPage } } },
    async (request) => {
      const user = request.user!;
      const { question, team } = await readableQuestion(app.db, request.params.id, user);
      const [dto, messages] = await Promise.all([questionDto(app.db, question.id, user, team), questionMessages(app.db, question.id, team)]);
      return { question: dto, messages: messages.map((m) => toMessageDto(m, user.id, team)) };
    },
  );

  api.post(
    '/api/helpdesk/questions/:id/messages',
    { config: { auth: 'member', rateLimit: postLimit }, schema: { summary: 'Reageren op een vraag (het team: ook een interne notitie)', tags, params: HelpdeskParams, body: HelpdeskMessageBody, response: { 201: HelpdeskMessageAnswer } } },
    async (request, reply) => {
      const user = request.user!;
      const { question, team } = await readableQuestion(app.db, request.params.id, user);
      const id = await postMessage(app.db, user, question, request.body.body, request.body.internal ?? false);
      return reply.code(201).send({ message: toMessageDto((await findMessage(app.db, id))!, user.id, team) });
    },
  );

  api.post(
    '/api/helpdesk/questions/:id/read',
    { config: { auth: 'member', rateLimit: readLimit }, schema: { summary: 'Antwoorden gelezen tot en met een bericht', tags, params: HelpdeskParams, body: HelpdeskReadBody, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const user = request.user!;
      const question = await askersQuestion(app.db, request.params.id, user);
      await markRead(app.db, user.id, question, request.body.messageId);
      return reply.code(204).send(null);
    },
  );

  api.put(
    '/api/helpdesk/questions/:id/consent',
    { config: { auth: 'member' }, schema: { summary: 'Toestemming geven om de vraag geanonimiseerd te delen', tags, params: HelpdeskParams, body: ConsentBody, response: { 200: HelpdeskQuestionAnswer } } },
    async (request) => {
      const user = request.user!;
      const question = await askersQuestion(app.db, request.params.id, user);
      await setConsent(app.db, question, request.body);
      return { question: await questionDto(app.db, question.id, user, false) };
    },
  );

  api.delete(
    '/api/helpdesk/questions/:id/consent',
    { config: { auth: 'member' }, schema: { summary: 'Toestemming om te delen intrekken', tags, params: HelpdeskParams, response: { 200: HelpdeskQuestionAnswer } } },
    async (request) => {
      const user = request.user!;
      const question = await askersQuestion(app.db, request.params.id, user);
      await setConsent(app.db, question, null);
      return { question: await questionDto(app.db, question.id, user, false) };
    },
  );

  api.post(
    '/api/helpdesk/questions/:id/close',
    { config: { auth: 'member' }, schema: { summary: 'Eigen vraag sluiten', tags, params: HelpdeskParams, response: { 200: HelpdeskQuestionAnswer } } },
    async (request) => {
      const user = request.user!;
      const question = await askersQuestion(app.db, request.params.id, user);
      await closeQuestion(app.db, question);
      return { question: await questionDto(app.db, question.id, user, false) };
    },
  );
}
