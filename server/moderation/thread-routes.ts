import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { ModeratedThread, ThreadPatchBody } from '../../shared/api/moderation.js';
import { categories, threads } from '../db/schema.js';
import { findVisibleThread, toThreadDto } from '../forum/queries.js';
import { notifyForumEvent } from '../live/notify.js';
import { badRequest, notFound } from '../http/errors.js';
import { enqueueSearch } from '../search/enqueue.js';
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
        const [current] = await tx.select().from(threads).where(eq(threads.id, thread.id)).for('update');
        let changed = false;
        if (locked !== undefined && locked !== current!.locked) {
          await tx.update(threads).set({ locked }).where(eq(threads.id, thread.id));
          await logAction(tx, { ...base, action: locked ? 'lock_thread' : 'unlock_thread' });
          changed = true;
        }
        if (pinned !== undefined && pinned !== current!.pinned) {
          await tx.update(threads).set({ pinned }).where(eq(threads.id, thread.id));
          await logAction(tx, { ...base, action: pinned ? 'pin_thread' : 'unpin_thread' });
          changed = true;
        }
        let reindex = false;
        if (title !== undefined && title !== current!.title) {
          await tx.update(threads).set({ title }).where(eq(threads.id, thread.id));
          await logAction(tx, { ...base, action: 'rename_thread', details: { from: current!.title, to: title } });
          changed = reindex = true;
        }
        const from = current!.categoryId;
        if (target && target.id !== from) {
          await tx.update(threads).set({ categoryId: target.id }).where(eq(threads.id, thread.id));
          // Only a thread members can see is counted in its category.
          if (current!.hiddenAt === null && current!.deletedAt === null) {
            await tx.update(categories).set({ threadCount: sql`greatest(${categories.threadCount} - 1, 0)` }).where(eq(categories.id, from));
            await tx
              .update(categories)
              .set({ threadCount: sql`${categories.threadCount} + 1` })
              .where(eq(categories.id, target.id));
          }
          await logAction(tx, { ...base, action: 'move_thread', details: { from: thread.categorySlug, to: categorySlug } });
          changed = reindex = true;
        }
        if (reindex) await enqueueSearch(tx, 'thread', thread.id);
        if (changed) {
          await notifyForumEvent(tx, {
            type: 'thread.updated',
            threadId: thread.id,
            categoryId: target?.id ?? from,
            ...(target && target.id !== from ? { previousCategoryId: from } : {}),
          });
        }
      });
      return { thread: toThreadDto((await findVisibleThread(app.db, thread.id, moderator))!) };
    },
  );
}
