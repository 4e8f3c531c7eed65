import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { ReplyDraftAnswer, ReplyDraftBody, ThreadDraftAnswer, ThreadDraftBody } from '../../shared/api/drafts.js';
import { queryRows, type Db } from '../db/client.js';
import { categories, drafts, posts } from '../db/schema.js';
import { findOpenCategory } from '../forum/categories.js';
import { visibleThreadOrNotFound } from '../forum/queries.js';
import { badRequest } from '../http/errors.js';

type DraftRow = Omit<typeof drafts.$inferInsert, 'id' | 'updatedAt'>;

/** Writes her one draft for the thread (or the new thread), replacing the last; answers when it was saved. */
async function upsertDraft(db: Db, d: DraftRow): Promise<string> {
  // The key is an expression (drafts_user_thread_key: a new thread's draft has no thread), which the query builder's
  // ON CONFLICT cannot name: plain SQL.
  const [row] = await queryRows<{ updated_at: Date | string }>(
    db,
    sql`insert into ${drafts} (user_id, thread_id, category_id, title, body, reply_to_post_id)
        values (${d.userId}, ${d.threadId ?? null}, ${d.categoryId ?? null}, ${d.title ?? ''}, ${d.body}, ${d.replyToPostId ?? null})
        on conflict (user_id, coalesce(thread_id, 0)) do update
          set category_id = excluded.category_id, title = excluded.title, body = excluded.body,
              reply_to_post_id = excluded.reply_to_post_id, updated_at = now()
        returning updated_at`,
  );
  return new Date(row!.updated_at).toISOString();
}

/** The composer saves about once a second while she types; more than this is not typing. */
const draftLimit = { max: 120, timeWindow: '1 minute' };

/**
 * Drafts: what a member is writing, kept on the server so it survives a reload and follows her to another device.
 * Hers only (every query filters on her). A reply's draft lives while she may see its thread (a thread closed to her
 * later answers "not found" and its draft stays unreadable); posting deletes it (forum/writes.ts), as does DELETE.
 * Text is stored as typed, never rendered: it is rendered when posted.
 */
export default async function draftRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const member = { auth: 'member' as const };


  api.get('/api/threads/:id/draft', { config: member, schema: { summary: 'Concept van een reactie', tags: ['drafts'], params: IdParams, response: { 200: ReplyDraftAnswer } } }, async (request) => {
    const user = request.user!;
    const thread = await visibleThreadOrNotFound(app.db, request.params.id, user);
    const [draft] = await app.db
      .select({ body: drafts.body, replyToPostId: drafts.replyToPostId, updatedAt: drafts.updatedAt })
      .from(drafts)
      .where(and(eq(drafts.userId, user.id), eq(drafts.threadId, thread.id)));
    return { draft: draft ? { ...draft, updatedAt: draft.updatedAt.toISOString() } : null };
  });

  api.put(
    '/api/threads/:id/draft',
    { config: { ...member, rateLimit: draftLimit }, schema: { summary: 'Concept van een reactie opslaan', tags: ['drafts'], params: IdParams, body: ReplyDraftBody, response: { 200: ReplyDraftAnswer } } },
    async (request) => {
      const user = request.user!;
      const thread = await visibleThreadOrNotFound(app.db, request.params.id, user);
      const { body } = request.body;
      if (body.trim() === '') throw badRequest('empty_draft', 'Een leeg concept hoeft niet bewaard te worden.', 'body');
      let replyToPostId = request.body.replyToPostId ?? null;
      if (replyToPostId !== null) {
        const [target] = await app.db.select({ threadId: posts.threadId }).from(posts).where(eq(posts.id, replyToPostId));
        // A stale reference (the post deleted meanwhile, or from another thread) is dropped, not refused: the text matters more.
        if (target?.threadId !== thread.id) replyToPostId = null;
      }
      const updatedAt = await upsertDraft(app.db, { userId: user.id, threadId: thread.id, categoryId: null, title: '', body, replyToPostId });
      return { draft: { body, replyToPostId, updatedAt } };
    },
  );

  api.delete('/api/threads/:id/draft', { config: member, schema: { summary: 'Concept van een reactie weggooien', tags: ['drafts'], params: IdParams } }, async (request, reply) => {
    // Discarding needs no access to the thread: what she wrote is hers to throw away.
    await app.db.delete(drafts).where(and(eq(drafts.userId, request.user!.id), eq(drafts.threadId, request.params.id)));
    return reply.code(204).send();
  });

  api.get('/api/drafts/new-thread', { config: member, schema: { summary: 'Concept van een nieuwe discussie', tags: ['drafts'], response: { 200: ThreadDraftAnswer } } }, async (request) => {
    const user = request.user!;
    const [draft] = await app.db
      .select({ categoryId: drafts.categoryId, title: drafts.title, body: drafts.body, updatedAt: drafts.updatedAt })
      .from(drafts)
      .where(and(eq(drafts.userId, user.id), isNull(drafts.threadId)));
    if (!draft) return { draft: null };
    // The category as she may see it now: one closed to her since is left out, not named.
    const [category] = draft.categoryId === null ? [] : await app.db.select({ slug: categories.slug }).from(categories).where(eq(categories.id, draft.categoryId));
    const open = category ? await findOpenCategory(app.db, category.slug, user) : null;
    return { draft: { categorySlug: open && category ? category.slug : null, title: draft.title, body: draft.body, updatedAt: draft.updatedAt.toISOString() } };
  });

  api.put(
    '/api/drafts/new-thread',
    { config: { ...member, rateLimit: draftLimit }, schema: { summary: 'Concept van een nieuwe discussie opslaan', tags: ['drafts'], body: ThreadDraftBody, response: { 200: ThreadDraftAnswer } } },
    async (request) => {
      const user = request.user!;
      const { title, body, categorySlug } = request.body;
      if (title.trim() === '' && body.trim() === '') throw badRequest('empty_draft', 'Een leeg concept hoeft niet bewaard te worden.', 'body');
      const category = categorySlug ? await findOpenCategory(app.db, categorySlug, user) : null;
      if (categorySlug && !category) throw badRequest('unknown_category', 'Deze categorie bestaat niet.', 'categorySlug');
      const categoryId = category?.id ?? null;
      const updatedAt = await upsertDraft(app.db, { userId: user.id, threadId: null, categoryId, title, body, replyToPostId: null });
      return { draft: { categorySlug: category ? categorySlug! : null, title, body, updatedAt } };
    },
  );

  api.delete('/api/drafts/new-thread', { config: member, schema: { summary: 'Concept van een nieuwe discussie weggooien', tags: ['drafts'] } }, async (request, reply) => {
    await app.db.delete(drafts).where(and(eq(drafts.userId, request.user!.id), isNull(drafts.threadId)));
    return reply.code(204).send();
  });
}
