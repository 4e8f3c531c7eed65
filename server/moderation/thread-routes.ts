import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { ModeratedThread, ThreadPatchBody } from '../../shared/api/moderation.js';
import { categories } from '../db/schema.js';
import { findVisibleThread, toThreadDto } from '../forum/queries.js';
import { changeThread } from '../forum/thread-changes.js';
import { badRequest, notFound } from '../http/errors.js';
import { logAction } from './record.js';

/**
 * PATCH /api/moderation/threads/:id with any of { locked, pinned, categorySlug, title } (and an optional reason):
 * one route for every thread change, one log row per field that actually changed, all in one transaction.
 */
export default async function moderationThreadRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.patch(
    '/api/moderation/threads/:id',
    { config: { auth: 'moderator' }, schema: { params: IdParams, body: ThreadPatchBody, response: { 200: ModeratedThread } } },
    async (request) => {
      const moderator = request.user!;
      const thread = await findVisibleThread(app.db, request.params.id, moderator);
      if (!thread) throw notFound('Deze discussie bestaat niet of is verwijderd.');
      const { locked, pinned, categorySlug } = request.body;
      if (locked === undefined && pinned === undefined && categorySlug === undefined && request.body.title === undefined) {
        throw badRequest('nothing_to_change', 'Geef minstens één van locked, pinned, categorySlug of title mee.');
      }
      const title = request.body.title?.trim();
      const reason = request.body.reason?.trim() ?? null;
      let target: { id: number } | undefined;
      if (categorySlug !== undefined && categorySlug !== thread.categorySlug) {
        [target] = await app.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, categorySlug)).limit(1);
        if (!target) throw badRequest('unknown_category', 'Deze categorie bestaat niet.', 'categorySlug');
      }
      const base = { moderatorId: moderator.id, targetUserId: thread.authorId, targetThreadId: thread.id, reason };

      await app.db.transaction(async (tx) => {
        // The forum changes the thread (and announces it); moderation puts each change on record, in the same order.
        const changes = await changeThread(tx, thread.id, { locked, pinned, title, categoryId: target?.id });
        if (changes.locked !== undefined) await logAction(tx, { ...base, action: changes.locked ? 'lock_thread' : 'unlock_thread' });
        if (changes.pinned !== undefined) await logAction(tx, { ...base, action: changes.pinned ? 'pin_thread' : 'unpin_thread' });
        if (changes.title) await logAction(tx, { ...base, action: 'rename_thread', details: { from: changes.title.from, to: changes.title.to } });
        if (changes.categoryId) await logAction(tx, { ...base, action: 'move_thread', details: { from: thread.categorySlug, to: categorySlug } });
      });
      return { thread: toThreadDto((await findVisibleThread(app.db, thread.id, moderator))!) };
    },
  );
}
