import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { SolutionAnswer, SolutionBody } from '../../shared/api/forum.js';
import type { CurrentUser } from '../auth/types.js';
import { badRequest, conflict, forbidden } from '../http/errors.js';
import { categoryArchived } from './categories.js';
import { findPost, findPostFor, findVisibleThread, openingPostId, toPostDto, toThreadDto, visibleThreadOrNotFound, type ThreadRow } from './queries.js';
import { clearSolution, markSolution, mayMarkSolution } from './solutions.js';
import { postReadByMembers } from './visibility.js';

/** The thread she may see and may mark the best answer of; why not, otherwise. */
async function threadToMark(app: FastifyInstance, id: number, user: CurrentUser): Promise<ThreadRow> {
  const thread = await visibleThreadOrNotFound(app.db, id, user);
  if (thread.categoryArchivedAt) throw categoryArchived();
  if (!thread.categoryExpectsAnswers) throw conflict('answers_off', 'In deze categorie wordt geen beste antwoord gemarkeerd.');
  if (!mayMarkSolution(user, thread)) throw forbidden('not_thread_author', 'Alleen wie de discussie begon en moderatoren kiezen het beste antwoord.');
  return thread;
}

/**
 * The best answer: PUT marks (or changes) it, DELETE undoes it. The starter of the thread or a moderator, in a
 * category that expects answers and is not archived; the answer is a reply every member can read (not the question
 * itself, not hidden or deleted). Both answer with the thread and its answer as they are now.
 */
export default async function solutionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  const answer = async (user: CurrentUser, threadId: number) => {
    const thread = (await findVisibleThread(app.db, threadId, user))!;
    const post = thread.solved && thread.solutionPostId !== null ? await findPostFor(app.db, user.id, thread.solutionPostId) : null;
    return { thread: toThreadDto(thread), solution: post ? toPostDto(post, user) : null };
  };

  api.put(
    '/api/threads/:id/solution',
    { config: { auth: 'member' }, schema: { summary: 'Beste antwoord aanwijzen', tags: ['forum'], params: IdParams, body: SolutionBody, response: { 200: SolutionAnswer } } },
    async (request) => {
      const user = request.user!;
      const thread = await threadToMark(app, request.params.id, user);
      const post = await findPost(app.db, request.body.postId);
      if (post?.threadId !== thread.id || !postReadByMembers(post)) {
        throw badRequest('invalid_solution', 'Kies een reactie uit deze discussie die iedereen kan lezen.', 'postId');
      }
      if (post.id === (await openingPostId(app.db, thread.id))) {
        throw badRequest('invalid_solution', 'De vraag zelf kan niet het beste antwoord zijn; kies een reactie.', 'postId');
      }
      await markSolution(app.db, user, thread, post.id);
      return answer(user, thread.id);
    },
  );

  api.delete(
    '/api/threads/:id/solution',
    { config: { auth: 'member' }, schema: { summary: 'Beste antwoord intrekken', tags: ['forum'], params: IdParams, response: { 200: SolutionAnswer } } },
    async (request) => {
      const user = request.user!;
      const thread = await threadToMark(app, request.params.id, user);
      await clearSolution(app.db, user, thread);
      return answer(user, thread.id);
    },
  );
}
