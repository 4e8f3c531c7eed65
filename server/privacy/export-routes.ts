import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { DataExport, DataExportList, ExportRequestBody } from '../../shared/api/privacy.js';
import { authRateLimit } from '../auth/client-address.js';
import type { Config } from '../config.js';
import { notFound } from '../http/errors.js';
import { listExports, readyExport, requestExport } from './exports.js';

/**
 * "Mijn gegevens downloaden": ask (password again), see the status, download. 'user' access: a member whose account
 * waits or is suspended has the same right to her data. Every export is looked up with her id: another member's is
 * "not found", as is one not ready or expired.
 */
export default async function exportRoutes(app: FastifyInstance, opts: { config: Config; onRequested: () => void }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/api/me/exports', { config: { auth: 'user' }, schema: { summary: 'Mijn gegevensexports', tags: ['privacy'], response: { 200: DataExportList } } }, async (request) => ({
    exports: await listExports(app.db, request.user!.id),
  }));

  api.post(
    '/api/me/exports',
    {
      config: { auth: 'user', rateLimit: authRateLimit(opts.config.rateLimit.authMax) },
      schema: { summary: 'Mijn gegevens opvragen', tags: ['privacy'], body: ExportRequestBody, response: { 202: DataExport } },
    },
    async (request, reply) => {
      const me = request.user!;
      await app.passwordConfirmer.confirm(me.id, request.body.password, 'password');
      const made = await requestExport(app.db, me.id);
      request.log.info({ userId: me.id, exportId: made.id }, 'data export requested');
      opts.onRequested();
      return reply.code(202).send(made);
    },
  );

  api.get(
    '/api/me/exports/:id/download',
    { config: { auth: 'user' }, schema: { summary: 'Mijn gegevens downloaden', tags: ['privacy'], params: IdParams } },
    async (request, reply) => {
      const file = await readyExport(app.db, request.user!.id, request.params.id);
      if (!file) throw notFound('Dit bestand bestaat niet (meer).');
      const day = file.readyAt.toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="plein-gegevens-${day}.json"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
}
