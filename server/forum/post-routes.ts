import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { CreatePostBody, EditPostBody, PostBody, RevisionList } from '../../shared/api/forum.js';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import type { Config } from '../config.js';
import { postRevisions, users } from '../db/schema.js';
import { badRequest, forbidden, notFound } from '../http/errors.js';
import { isModeratorAct, recordModeratorDelete, recordModeratorEdit } from '../moderation/post-edits.js';
import { findPost, findVisibleThread, toPostDto, visibleThreadOrNotFound, type PostRow, type ThreadRow } from './queries.js';
import { assertMayPost } from './anti-abuse.js';
import { categoryArchived } from './categories.js';
import { createReply, deletePost, editPost } from './writes.js';

const threadLocked = () => forbidden('thread_locked', 'Deze discussie is gesloten: er kan niet meer op gereageerd worden.');

/**
 * The post and its thread, if `user` may see the thread (every post of a thread one sees is shown, hidden or
 * deleted ones as placeholders); a post in a thread they may not see is "not found", not "forbidden".
 */
async function findVisiblePost(app: FastifyInstance, id: number, user: CurrentUser): Promise<{ post: PostRow; thread: ThreadRow }> {
  const post = await findPost(app.db, id);
  if (!post) throw notFound('Dit bericht bestaat niet.');
  const thread = await findVisibleThread(app.db, post.threadId, user);
  if (!thread) throw notFound('Dit bericht bestaat niet.');
  return { post, thread };
}

/**
 * Authors change their own posts while the thread is open and its category not archived; moderators change any
 * post. Deleting is a change too, except that an author may always delete her own post, also in an archive: what
 * she wrote about her party is hers to take back.
 */
function assertMayChange(user: CurrentUser, post: PostRow, thread: ThreadRow, change: 'edit' | 'delete'): void {
  if (post.deletedAt) throw notFound('Dit bericht is verwijderd.');
  if (isModerator(user)) return;
  if (post.authorId !== user.id) throw forbidden('not_author', 'Je kunt alleen je eigen berichten wijzigen.');
  if (change === 'delete') return;
  if (thread.categoryArchivedAt) throw categoryArchived();
  if (thread.locked) throw threadLocked();
}

const changed = (post: PostRow, thread: ThreadRow) => ({ id: post.id, authorId: post.authorId, threadId: thread.id, threadTitle: thread.title });

export default async function postRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const postLimit = { max: opts.config.rateLimit.postMax, timeWindow: '1 minute' };
  // A quote's link may carry the site's own origin (content/quotes.ts).
  const render = { origin: opts.config.mail.siteUrl };

  api.post(
    '/api/threads/:id/posts',
    { config: { auth: 'member', rateLimit: postLimit }, schema: { summary: 'Reageren in een discussie', tags: ['forum'], params: IdParams, body: CreatePostBody, response: { 201: PostBody } } },
    async (request, reply) => {
      const user = request.user!;
      const thread = await visibleThreadOrNotFound(app.db, request.params.id, user);
      if (thread.categoryArchivedAt) throw categoryArchived();
      if (thread.locked && !isModerator(user)) throw threadLocked();
      const replyTo = request.body.replyToPostId ?? null;
      if (replyTo !== null) {
        const target = await findPost(app.db, replyTo);
        if (target?.threadId !== thread.id) {
          throw badRequest('invalid_reply_to', 'Je kunt alleen reageren op een bericht in deze discussie.', 'replyToPostId');
        }
      }
      await assertMayPost(app.db, user, request.body.body);
      const postId = await createReply(app.db, user, thread.id, thread.categoryId, request.body.body, replyTo, render);
      const post = await findPost(app.db, postId);
      return reply.code(201).send({ post: toPostDto(post!, user) });
    },
  );

  api.patch(
    '/api/posts/:id',
    { config: { auth: 'member' }, schema: { summary: 'Eigen bericht bewerken', tags: ['forum'], params: IdParams, body: EditPostBody, response: { 200: PostBody } } },
    async (request) => {
      const user = request.user!;
      const { post, thread } = await findVisiblePost(app, request.params.id, user);
      assertMayChange(user, post, thread, 'edit');
      if (post.body !== request.body.body) {
        await app.db.transaction(async (tx) => {
          const revisionId = await editPost(tx, user, post.id, thread.id, thread.categoryId, request.body.body, render);
          // assertMayChange lets only moderators change someone else's post: that is a moderator's act, on record.
          if (isModeratorAct(user, post)) await recordModeratorEdit(tx, user, changed(post, thread), revisionId);
        });
      }
      const updated = await findPost(app.db, post.id);
      return { post: toPostDto(updated!, user) };
    },
  );

  api.delete('/api/posts/:id', { config: { auth: 'member' }, schema: { summary: 'Eigen bericht verwijderen', tags: ['forum'], params: IdParams } }, async (request, reply) => {
    const user = request.user!;
    const { post, thread } = await findVisiblePost(app, request.params.id, user);
    assertMayChange(user, post, thread, 'delete');
    await app.db.transaction(async (tx) => {
      const deleted = await deletePost(tx, user, post.id, thread.id, thread.categoryId, post.hiddenAt === null);
      if (deleted && isModeratorAct(user, post)) await recordModeratorDelete(tx, user, changed(post, thread), null);
    });
    return reply.code(204).send();
  });

  api.get(
    '/api/posts/:id/revisions',
    { config: { auth: 'member' }, schema: { summary: 'Eerdere versies van een bericht', tags: ['forum'], params: IdParams, response: { 200: RevisionList } } },
    async (request) => {
      const user = request.user!;
      const { post } = await findVisiblePost(app, request.params.id, user);
      if (post.authorId !== user.id && !isModerator(user)) throw forbidden('not_author', 'Alleen de schrijver en moderatoren zien eerdere versies.');
      const rows = await app.db
        .select({ id: postRevisions.id, body: postRevisions.body, createdAt: postRevisions.createdAt, editorId: users.id, editorName: users.displayName })
        .from(postRevisions)
        .leftJoin(users, eq(users.id, postRevisions.editedBy))
        .where(and(eq(postRevisions.postId, post.id)))
        .orderBy(asc(postRevisions.id));
      return {
        revisions: rows.map((r) => ({
          id: r.id,
          body: r.body,
          createdAt: r.createdAt.toISOString(),
          editedBy: r.editorId === null ? null : { id: r.editorId, displayName: r.editorName ?? '' },
        })),
      };
    },
  );
}
