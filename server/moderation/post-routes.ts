import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { ReasonBody, ModeratedPost, OptionalReasonBody } from '../../shared/api/moderation.js';
import { threads } from '../db/schema.js';
import { findPost, toPostDto } from '../forum/queries.js';
import { deletePost } from '../forum/writes.js';
import { conflict, notFound } from '../http/errors.js';
import { hidePost, restorePost } from './post-actions.js';
import { recordModeratorDelete } from './post-edits.js';

/** A moderator's direct actions on one post, outside the report queue. */
export default async function moderationPostRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const route = { config: { auth: 'moderator' as const } };

  async function existing(id: number) {
    const post = await findPost(app.db, id);
    if (!post) throw notFound('Dit bericht bestaat niet.');
    return post;
  }

  api.post('/api/moderation/posts/:id/hide', { ...route, schema: { summary: 'Bericht verbergen', tags: ['moderation'], params: IdParams, body: ReasonBody, response: { 200: ModeratedPost } } }, async (request) => {
    const post = await existing(request.params.id);
    if (post.deletedAt) throw conflict('post_deleted', 'Dit bericht is al verwijderd.');
    const reason = request.body.reason.trim();
    const done = await app.db.transaction((tx) => hidePost(tx, post.id, { moderatorId: request.user!.id, reason }));
    if (!done) throw conflict('already_hidden', 'Dit bericht is al verborgen.');
    return { post: toPostDto((await findPost(app.db, post.id))!, request.user) };
  });

  api.post('/api/moderation/posts/:id/restore', { ...route, schema: { summary: 'Verborgen bericht terugzetten', tags: ['moderation'], params: IdParams, body: OptionalReasonBody, response: { 200: ModeratedPost } } }, async (request) => {
    const post = await existing(request.params.id);
    const done = await app.db.transaction((tx) => restorePost(tx, post.id, { moderatorId: request.user!.id, reason: request.body.reason?.trim() ?? null }));
    if (!done) throw conflict('not_hidden', 'Dit bericht is niet verborgen.');
    return { post: toPostDto((await findPost(app.db, post.id))!, request.user) };
  });

  api.post('/api/moderation/posts/:id/delete', { ...route, schema: { summary: 'Bericht verwijderen als moderator', tags: ['moderation'], params: IdParams, body: ReasonBody, response: { 200: ModeratedPost } } }, async (request) => {
    const moderator = request.user!;
    const post = await existing(request.params.id);
    if (post.deletedAt) throw conflict('post_deleted', 'Dit bericht is al verwijderd.');
    const reason = request.body.reason.trim();
    await app.db.transaction(async (tx) => {
      const [thread] = await tx.select({ categoryId: threads.categoryId, title: threads.title }).from(threads).where(eq(threads.id, post.threadId));
      // The forum's own delete, as a savepoint in this transaction: counters, outbox and events as for any delete.
      // Deleted meanwhile by someone else: that delete is the one on record.
      if (!(await deletePost(tx, moderator, post.id, post.threadId, thread!.categoryId, post.hiddenAt === null))) return;
      await recordModeratorDelete(tx, moderator, { id: post.id, authorId: post.authorId, threadId: post.threadId, threadTitle: thread!.title }, reason);
    });
    return { post: toPostDto((await findPost(app.db, post.id))!, moderator) };
  });
}
