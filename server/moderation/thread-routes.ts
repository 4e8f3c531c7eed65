import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { CurrentUser } from '../auth/types.js';
import { IdParams } from '../../shared/api/common.js';
import { ReasonBody, ModeratedThread, OptionalReasonBody, ThreadImpact, ThreadPatchBody } from '../../shared/api/moderation.js';
import { categories } from '../db/schema.js';
import { findVisibleThread, openingPostId, toThreadDto, visibleThreadOrNotFound } from '../forum/queries.js';
import { changeThread } from '../forum/thread-changes.js';
import { categoryOpen } from '../forum/visibility.js';
import { findUserById } from '../auth/users.js';
import { threadImpact } from '../forum/thread-hiding.js';
import { badRequest, conflict } from '../http/errors.js';
import { notifyUser } from '../notifications/notify.js';
import { logAction } from './record.js';
import { hideWholeThread, restoreWholeThread } from './thread-actions.js';

/**
 * A moderator's acts on a thread. PATCH /api/moderation/threads/:id with any of { locked, pinned, categorySlug,
 * title } (and an optional reason): one route for every change that keeps the thread readable, one log row per field
 * that actually changed, all in one transaction. Hiding the whole thread is apart: it takes every reply along, so
 * the client first asks what it would take (impact) and the hide needs a reason.
 */
export default async function moderationThreadRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const route = { config: { auth: 'moderator' as const } };

  async function existing(id: number, moderator: CurrentUser) {
    return visibleThreadOrNotFound(app.db, id, moderator);
  }

  api.get('/api/moderation/threads/:id/impact', { ...route, schema: { summary: 'Wat het verbergen van een discussie raakt', tags: ['moderation'], params: IdParams, response: { 200: ThreadImpact } } }, async (request) => {
    const thread = await existing(request.params.id, request.user!);
    return threadImpact(app.db, thread.id);
  });

  api.post('/api/moderation/threads/:id/hide', { ...route, schema: { summary: 'Discussie verbergen', tags: ['moderation'], params: IdParams, body: ReasonBody, response: { 200: ModeratedThread } } }, async (request) => {
    const moderator = request.user!;
    const thread = await existing(request.params.id, moderator);
    const reason = request.body.reason.trim();
    const done = await app.db.transaction((tx) => hideWholeThread(tx, thread.id, { moderatorId: moderator.id, reason }));
    if (!done) throw conflict('already_hidden', 'Deze discussie is al verborgen.');
    return { thread: toThreadDto((await findVisibleThread(app.db, thread.id, moderator))!) };
  });

  api.post('/api/moderation/threads/:id/restore', { ...route, schema: { summary: 'Verborgen discussie terugzetten', tags: ['moderation'], params: IdParams, body: OptionalReasonBody, response: { 200: ModeratedThread } } }, async (request) => {
    const moderator = request.user!;
    const thread = await existing(request.params.id, moderator);
    const reason = request.body.reason?.trim() ?? null;
    const done = await app.db.transaction((tx) => restoreWholeThread(tx, thread.id, { moderatorId: moderator.id, reason }));
    if (!done) throw conflict('not_hidden', 'Deze discussie is niet verborgen.');
    return { thread: toThreadDto((await findVisibleThread(app.db, thread.id, moderator))!) };
  });

  api.patch(
    '/api/moderation/threads/:id',
    { config: { auth: 'moderator' }, schema: { summary: 'Discussie sluiten, vastzetten, hernoemen of verplaatsen', tags: ['moderation'], params: IdParams, body: ThreadPatchBody, response: { 200: ModeratedThread } } },
    async (request) => {
      const moderator = request.user!;
      const thread = await existing(request.params.id, moderator);
      const { locked, pinned, categorySlug } = request.body;
      if (locked === undefined && pinned === undefined && categorySlug === undefined && request.body.title === undefined) {
        throw badRequest('nothing_to_change', 'Geef minstens één van locked, pinned, categorySlug of title mee.');
      }
      const title = request.body.title?.trim();
      const reason = request.body.reason?.trim() ?? null;
      let target: { id: number; name: string; access: string } | undefined;
      if (categorySlug !== undefined && categorySlug !== thread.categorySlug) {
        [target] = await app.db
          .select({ id: categories.id, name: categories.name, access: categories.access })
          .from(categories)
          .where(eq(categories.slug, categorySlug))
          .limit(1);
        if (!target) throw badRequest('unknown_category', 'Deze categorie bestaat niet.', 'categorySlug');
      }
      // A starter who may not enter the new category is not told its name (nor can she open the thread any more).
      const targetName = target && (categoryOpen(target.access, await findUserById(app.db, thread.authorId)) ? target.name : 'een categorie die alleen voor bepaalde leden open is');
      // Closing a thread and moving it away take something from its starter: she reads why.
      const takesAway = locked === true || target !== undefined;
      if (takesAway && reason === null) throw badRequest('reason_required', 'Geef een reden op: wie de discussie begon, leest die in haar melding.', 'reason');
      const base = { moderatorId: moderator.id, targetUserId: thread.authorId, targetThreadId: thread.id, reason };

      const openingId = takesAway ? await openingPostId(app.db, thread.id) : null;
      await app.db.transaction(async (tx) => {
        // The forum changes the thread (and announces it); moderation puts each change on record, in the same order.
        const changes = await changeThread(tx, thread.id, { locked, pinned, title, categoryId: target?.id });
        if (changes.locked !== undefined) await logAction(tx, { ...base, action: changes.locked ? 'lock_thread' : 'unlock_thread' });
        const tell = (kind: string, message: string) =>
          thread.authorId === moderator.id ? undefined : notifyUser(tx, thread.authorId, kind, message, { threadId: thread.id, ...(openingId !== null ? { postId: openingId } : {}) });
        if (changes.pinned !== undefined) await logAction(tx, { ...base, action: changes.pinned ? 'pin_thread' : 'unpin_thread' });
        if (changes.title) await logAction(tx, { ...base, action: 'rename_thread', details: { from: changes.title.from, to: changes.title.to } });
        if (changes.categoryId) await logAction(tx, { ...base, action: 'move_thread', details: { from: thread.categorySlug, to: categorySlug } });
        if (changes.locked) await tell('thread_locked', `Je discussie „${changes.title?.to ?? thread.title}” is gesloten: er kan niet meer op gereageerd worden. Reden: ${reason}`);
        if (changes.categoryId) await tell('thread_moved', `Je discussie „${changes.title?.to ?? thread.title}” is verplaatst naar ${targetName}. Reden: ${reason}`);
      });
      return { thread: toThreadDto((await findVisibleThread(app.db, thread.id, moderator))!) };
    },
  );
}
