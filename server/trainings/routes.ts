import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { TrainingAnswer, TrainingList, TrainingListQuery } from '../../shared/api/trainings.js';
import type { CurrentUser } from '../auth/types.js';
import type { Config } from '../config.js';
import { notFound } from '../http/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.js';
import { toPlainText } from '../content/render.js';
import { calendarFile } from './ics.js';
import { findTraining, listTrainings, toDetail, toSummary } from './queries.js';
import { signUp, withdraw } from './signups.js';
import { trainingPath } from './text.js';

/**
 * Members' side of trainings: the lists, one training's page, signing up and off, and the calendar file. A training
 * in a category she may not enter is a 404 on every route, as if it did not exist.
 */
export default async function trainingRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  /** The training as she may see it now, or 404. */
  async function visible(id: number, user: CurrentUser) {
    const row = await findTraining(app.db, id, user);
    if (!row) throw notFound('Deze training bestaat niet (meer).');
    return row;
  }

  const answer = async (id: number, user: CurrentUser) => {
    const now = new Date();
    return { training: toDetail(await visible(id, user), user, now) };
  };

  api.get(
    '/api/trainings',
    { config: { auth: 'member' }, schema: { summary: 'Trainingen en kennisuitwisselingen', tags: ['trainings'], querystring: TrainingListQuery, response: { 200: TrainingList } } },
    async (request) => {
      const user = request.user!;
      const { period = 'upcoming', cursor, limit } = request.query;
      const after = decodeCursor(cursor, ['moment', 'number'] as const);
      const size = pageSize(limit);
      const now = new Date();
      const rows = await listTrainings(app.db, user, period, after, size + 1, now);
      const page = rows.slice(0, size);
      const last = page.at(-1);
      return {
        items: page.map((row) => toSummary(row, now)),
        nextCursor: rows.length > size && last ? encodeCursor([last.event.startsAt.getTime(), last.event.id]) : null,
      };
    },
  );

  api.get(
    '/api/trainings/:id',
    { config: { auth: 'member' }, schema: { summary: 'Eén training', tags: ['trainings'], params: IdParams, response: { 200: TrainingAnswer } } },
    async (request) => answer(request.params.id, request.user!),
  );

  api.post(
    '/api/trainings/:id/signup',
    { config: { auth: 'member' }, schema: { summary: 'Aanmelden voor een training', tags: ['trainings'], params: IdParams, response: { 201: TrainingAnswer } } },
    async (request, reply) => {
      const user = request.user!;
      await visible(request.params.id, user);
      await signUp(app.db, request.params.id, user, new Date());
      return reply.code(201).send(await answer(request.params.id, user));
    },
  );

  api.delete(
    '/api/trainings/:id/signup',
    { config: { auth: 'member' }, schema: { summary: 'Afmelden voor een training', tags: ['trainings'], params: IdParams, response: { 200: TrainingAnswer } } },
    async (request) => {
      const user = request.user!;
      await visible(request.params.id, user);
      await withdraw(app.db, request.params.id, user, new Date());
      return answer(request.params.id, user);
    },
  );

  api.get(
    '/api/trainings/:id/calendar.ics',
    { config: { auth: 'member' }, schema: { summary: 'Training in je agenda zetten (iCalendar)', tags: ['trainings'], params: IdParams } },
    async (request, reply) => {
      const row = await visible(request.params.id, request.user!);
      const e = row.event;
      const url = new URL(trainingPath(e.id), opts.config.mail.siteUrl).toString();
      const file = calendarFile({
        uid: `training-${e.id}@${new URL(opts.config.mail.siteUrl).hostname}`,
        stamp: new Date(),
        lastModified: e.updatedAt,
        start: e.startsAt,
        end: e.endsAt,
        summary: e.title,
        description: `${toPlainText(e.descriptionHtml)}\n\nMeer informatie en aanmelden: ${url}`,
        location: e.location ?? (e.meetingUrl ? 'Online' : null),
        url,
        cancelled: e.cancelledAt !== null,
      });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="training-${e.id}.ics"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );
}

