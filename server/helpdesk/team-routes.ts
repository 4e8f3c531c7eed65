import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  CannedAnswerAnswer,
  CannedBody,
  CannedList,
  CannedParams,
  HelpdeskParams,
  HelpdeskQuestionAnswer,
  HelpdeskStats,
  Inbox,
  InboxQuery,
  PublishAnswer,
  PublishBody,
  TeamList,
  TriageBody,
} from '../../shared/api/helpdesk.js';
import { centreStaffSql } from '../centre/team.js';
import type { Config } from '../config.js';
import { helpdeskCannedAnswers, users } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { readableQuestion } from './access.js';
import { helpdeskStats, inbox } from './inbox.js';
import { publishQuestion } from './publish.js';
import { questionDto } from './queries.js';
import { triage } from './writes.js';

const cannedNotFound = () => notFound('Dit standaardantwoord bestaat niet.');
const toCanned = (row: typeof helpdeskCannedAnswers.$inferSelect) => ({ id: row.id, title: row.title, body: row.body, updatedAt: row.updatedAt.toISOString() });

/** The kenniscentrum team's side of the helpdesk (`auth: 'centre'`): the shared inbox, triage, canned answers, the figures, publishing. */
export default async function helpdeskTeamRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['helpdesk'];
  const writeLimit = { max: opts.config.rateLimit.postMax, timeWindow: '1 minute' };

  api.get(
    '/api/helpdesk/inbox',
    { config: { auth: 'centre' }, schema: { summary: 'De gedeelde inbox van het team', tags, querystring: InboxQuery, response: { 200: Inbox } } },
    async (request) => inbox(app.db, request.user!, request.query.view ?? 'unassigned', request.query.cursor),
  );

  api.patch(
    '/api/helpdesk/questions/:id',
    { config: { auth: 'centre' }, schema: { summary: 'Een vraag toewijzen, haar status of categorie veranderen', tags, params: HelpdeskParams, body: TriageBody, response: { 200: HelpdeskQuestionAnswer } } },
    async (request) => {
      const user = request.user!;
      const { question } = await readableQuestion(app.db, request.params.id, user);
      await triage(app.db, user, question, request.body);
      return { question: await questionDto(app.db, question.id, user, true) };
    },
  );

  api.get(
    '/api/helpdesk/team',
    { config: { auth: 'centre' }, schema: { summary: 'Wie een vraag kan behandelen', tags, response: { 200: TeamList } } },
    async () => ({
      items: await app.db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(and(eq(users.status, 'active'), centreStaffSql('users')))
        .orderBy(asc(users.displayName)),
    }),
  );

  api.get(
    '/api/helpdesk/stats',
    { config: { auth: 'centre' }, schema: { summary: 'Reactietijd per maand', tags, response: { 200: HelpdeskStats } } },
    async () => helpdeskStats(app.db),
  );

  api.post(
    '/api/helpdesk/questions/:id/publish',
    { config: { auth: 'centre', rateLimit: writeLimit }, schema: { summary: 'Een beantwoorde vraag met toestemming op het forum zetten', tags, params: HelpdeskParams, body: PublishBody, response: { 201: PublishAnswer } } },
    async (request, reply) => {
      const user = request.user!;
      const { question } = await readableQuestion(app.db, request.params.id, user);
      const threadId = await publishQuestion(app.db, user, question, request.body, { origin: opts.config.mail.siteUrl });
      return reply.code(201).send({ threadId });
    },
  );

  api.get(
    '/api/helpdesk/canned',
    { config: { auth: 'centre' }, schema: { summary: 'Standaardantwoorden', tags, response: { 200: CannedList } } },
    async () => ({ items: (await app.db.select().from(helpdeskCannedAnswers).orderBy(asc(helpdeskCannedAnswers.title), asc(helpdeskCannedAnswers.id))).map(toCanned) }),
  );

  api.post(
    '/api/helpdesk/canned',
    { config: { auth: 'centre', rateLimit: writeLimit }, schema: { summary: 'Standaardantwoord toevoegen', tags, body: CannedBody, response: { 201: CannedAnswerAnswer } } },
    async (request, reply) => {
      const [row] = await app.db
        .insert(helpdeskCannedAnswers)
        .values({ title: request.body.title.trim(), body: request.body.body, updatedBy: request.user!.id })
        .returning();
      return reply.code(201).send({ cannedAnswer: toCanned(row!) });
    },
  );

  api.patch(
    '/api/helpdesk/canned/:id',
    { config: { auth: 'centre', rateLimit: writeLimit }, schema: { summary: 'Standaardantwoord wijzigen', tags, params: CannedParams, body: CannedBody, response: { 200: CannedAnswerAnswer } } },
    async (request) => {
      const [row] = await app.db
        .update(helpdeskCannedAnswers)
        .set({ title: request.body.title.trim(), body: request.body.body, updatedBy: request.user!.id, updatedAt: sql`now()` })
        .where(eq(helpdeskCannedAnswers.id, request.params.id))
        .returning();
      if (!row) throw cannedNotFound();
      return { cannedAnswer: toCanned(row) };
    },
  );

  api.delete(
    '/api/helpdesk/canned/:id',
    { config: { auth: 'centre' }, schema: { summary: 'Standaardantwoord verwijderen', tags, params: CannedParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const removed = await app.db.delete(helpdeskCannedAnswers).where(eq(helpdeskCannedAnswers.id, request.params.id)).returning({ id: helpdeskCannedAnswers.id });
      if (removed.length === 0) throw cannedNotFound();
      return reply.code(204).send(null);
    },
  );
}
