import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { CategoryThreadsParams } from '../../shared/api/forum.js';
import { CategoryWatchAnswer, CategoryWatchBody, ThreadWatchAnswer, ThreadWatchBody } from '../../shared/api/notifications.js';
import { findOpenCategory } from '../forum/categories.js';
import { visibleThreadOrNotFound } from '../forum/queries.js';
import { notFound } from '../http/errors.js';
import { setCategoryWatch, setThreadWatch } from './watches.js';

/**
 * Volgen / Normaal / Negeren per thread, Volgen / Normaal per category. A thread she may not see is a 404, as
 * everywhere: watching it must not tell her it exists.
 */
export default async function watchRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.put(
    '/api/threads/:id/watch',
    { config: { auth: 'member' }, schema: { summary: 'Discussie volgen of negeren', tags: ['notifications'], params: IdParams, body: ThreadWatchBody, response: { 200: ThreadWatchAnswer } } },
    async (request) => {
      const user = request.user!;
      const thread = await visibleThreadOrNotFound(app.db, request.params.id, user);
      await setThreadWatch(app.db, user.id, thread.id, request.body.level);
      return { level: request.body.level };
    },
  );

  api.put(
    '/api/categories/:slug/watch',
    { config: { auth: 'member' }, schema: { summary: 'Categorie volgen of negeren', tags: ['notifications'], params: CategoryThreadsParams, body: CategoryWatchBody, response: { 200: CategoryWatchAnswer } } },
    async (request) => {
      const category = await findOpenCategory(app.db, request.params.slug, request.user!);
      if (!category) throw notFound('Deze categorie bestaat niet.');
      await setCategoryWatch(app.db, request.user!.id, category.id, request.body.level);
      return { level: request.body.level };
    },
  );
}
