import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { CreateTrainingBody, TrainingAnswer, TrainingParticipantList, UpdateTrainingBody } from '../../shared/api/trainings.js';
import type { CurrentUser } from '../auth/types.js';
import type { Config } from '../config.js';
import { notFound } from '../http/errors.js';
import { participantCsv, participantList } from './participants.js';
import { findTraining, toDetail } from './queries.js';
import { checkCategory, checkTraining } from './validate.js';
import { cancelTraining, createTraining, updateTraining } from './writes.js';

/**
 * The kenniscentrum's side (auth 'centre': admins and the centre's team): announcing, changing and calling off
 * trainings, and the list of who signed up. Staff too see only trainings in categories they may enter.
 */
export default async function trainingStaffRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const staff = { config: { auth: 'centre' as const } };
  const writeOptions = { origin: opts.config.mail.siteUrl };

  async function visible(id: number, user: CurrentUser) {
    const row = await findTraining(app.db, id, user);
    if (!row) throw notFound('Deze training bestaat niet (meer).');
    return row;
  }
  const answer = async (id: number, user: CurrentUser) => ({ training: toDetail(await visible(id, user), user, new Date()) });

  api.post(
    '/api/trainings',
    { ...staff, schema: { summary: 'Training aankondigen', tags: ['trainings'], body: CreateTrainingBody, response: { 201: TrainingAnswer } } },
    async (request, reply) => {
      const user = request.user!;
      const fields = checkTraining(request.body, new Date(), true);
      await checkCategory(app.db, fields.categoryId, user);
      const id = await createTraining(app.db, user, fields, writeOptions);
      request.log.info({ trainingId: id }, 'training created');
      return reply.code(201).send(await answer(id, user));
    },
  );

  api.patch(
    '/api/trainings/:id',
    { ...staff, schema: { summary: 'Training wijzigen', tags: ['trainings'], params: IdParams, body: UpdateTrainingBody, response: { 200: TrainingAnswer } } },
    async (request) => {
      const user = request.user!;
      await visible(request.params.id, user);
      await updateTraining(app.db, request.params.id, user, request.body, new Date(), writeOptions);
      return answer(request.params.id, user);
    },
  );

  api.post(
    '/api/trainings/:id/cancel',
    { ...staff, schema: { summary: 'Training afgelasten', tags: ['trainings'], params: IdParams, response: { 200: TrainingAnswer } } },
    async (request) => {
      const user = request.user!;
      await visible(request.params.id, user);
      await cancelTraining(app.db, request.params.id, new Date());
      request.log.info({ trainingId: request.params.id }, 'training cancelled');
      return answer(request.params.id, user);
    },
  );

  api.get(
    '/api/trainings/:id/participants',
    { ...staff, schema: { summary: 'Deelnemers en wachtlijst van een training', tags: ['trainings'], params: IdParams, response: { 200: TrainingParticipantList } } },
    async (request) => {
      await visible(request.params.id, request.user!);
      return { participants: await participantList(app.db, request.params.id) };
    },
  );

  api.get(
    '/api/trainings/:id/participants.csv',
    { ...staff, schema: { summary: 'Deelnemerslijst downloaden (CSV voor Excel)', tags: ['trainings'], params: IdParams } },
    async (request, reply) => {
      await visible(request.params.id, request.user!);
      const csv = participantCsv(await participantList(app.db, request.params.id));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="deelnemers-training-${request.params.id}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(csv);
    },
  );
}
