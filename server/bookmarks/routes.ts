import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { BookmarkAnswer, BookmarkBody, BookmarkList, MaybeBookmark, type Bookmark } from '../../shared/api/bookmarks.js';
import { IdParams, PageQuery } from '../../shared/api/common.js';
import { LIMITS } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import { toPlainText } from '../content/render.js';
import { bookmarks, categories, posts, threads, users } from '../db/schema.js';
import { findReadablePost } from '../forum/readable-post.js';
import { postTextVisibleTo, threadVisibleTo } from '../forum/visibility.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.js';

const EXCERPT_CHARS = 300;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A member's saved posts ("Bewaard"): hers only (every query filters on her), each shown as she may see the post
 * now: a post she can no longer read (deleted, hidden, its thread or category closed to her) says it is gone and
 * shows nothing of it, her own note aside.
 */
async function listBookmarks(app: FastifyInstance, user: CurrentUser, where: SQL | undefined, limit: number): Promise<(Bookmark & { cursor: [string, number] })[]> {
  // Moderators read everything: no condition at all.
  const readable = and(threadVisibleTo(user, categories), postTextVisibleTo(user));
  const rows = await app.db
    .select({
      id: bookmarks.id,
      postId: bookmarks.postId,
      note: bookmarks.note,
      remindAt: bookmarks.remindAt,
      remindedAt: bookmarks.remindedAt,
      createdAt: bookmarks.createdAt,
      available: (readable ? sql<boolean>`(${readable})` : sql<boolean>`true`).mapWith(Boolean),
      threadId: threads.id,
      threadTitle: threads.title,
      authorId: users.id,
      authorName: users.displayName,
      bodyHtml: posts.bodyHtml,
      postCreatedAt: posts.createdAt,
    })
    .from(bookmarks)
    .innerJoin(posts, eq(posts.id, bookmarks.postId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(bookmarks.userId, user.id), where))
    .orderBy(desc(bookmarks.createdAt), desc(bookmarks.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    postId: r.postId,
    available: r.available,
    threadId: r.available ? r.threadId : null,
    threadTitle: r.available ? r.threadTitle : null,
    author: r.available ? { id: r.authorId, displayName: r.authorName } : null,
    excerpt: r.available ? toPlainText(r.bodyHtml).slice(0, EXCERPT_CHARS) : null,
    postCreatedAt: r.available ? r.postCreatedAt.toISOString() : null,
    note: r.note,
    remindAt: r.remindAt?.toISOString() ?? null,
    remindedAt: r.remindedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    cursor: [r.createdAt.toISOString(), r.id],
  }));
}

/** A reminder is in the future and at most LIMITS.reminderMaxDays ahead; null: none. */
function reminderTime(value: string | null | undefined, now: Date): Date | null {
  if (value === null || value === undefined) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || at <= now || at.getTime() > now.getTime() + LIMITS.reminderMaxDays * DAY_MS) {
    throw badRequest('invalid_reminder', `Kies een herinnering in de toekomst, hoogstens ${LIMITS.reminderMaxDays} dagen vooruit.`, 'remindAt');
  }
  return at;
}

export default async function bookmarkRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/api/bookmarks', { config: { auth: 'member' }, schema: { summary: 'Bewaarde berichten', tags: ['bookmarks'], querystring: PageQuery, response: { 200: BookmarkList } } }, async (request) => {
    const size = pageSize(request.query.limit);
    const after = decodeCursor(request.query.cursor, ['date', 'number'] as const);
    const rows = await listBookmarks(
      app,
      request.user!,
      after ? sql`(${bookmarks.createdAt}, ${bookmarks.id}) < (${after[0].toISOString()}::timestamptz, ${after[1]})` : undefined,
      size + 1,
    );
    const page = rows.slice(0, size);
    const last = page[page.length - 1];
    return { bookmarks: page.map(({ cursor: _, ...b }) => b), nextCursor: rows.length > size && last ? encodeCursor(last.cursor) : null };
  });

  // Her bookmark of one post (the thread page's dialog shows her note and reminder); null when she has none.
  api.get('/api/posts/:id/bookmark', { config: { auth: 'member' }, schema: { summary: 'Bladwijzer bij een bericht', tags: ['bookmarks'], params: IdParams, response: { 200: MaybeBookmark } } }, async (request) => {
    const [bookmark] = await listBookmarks(app, request.user!, eq(bookmarks.postId, request.params.id), 1);
    if (!bookmark) return { bookmark: null };
    const { cursor: _, ...answer } = bookmark;
    return { bookmark: answer };
  });

  api.put(
    '/api/posts/:id/bookmark',
    { config: { auth: 'member' }, schema: { summary: 'Bericht bewaren, met notitie of herinnering', tags: ['bookmarks'], params: IdParams, body: BookmarkBody, response: { 200: BookmarkAnswer } } },
    async (request) => {
      const user = request.user!;
      const { post } = await findReadablePost(app.db, request.params.id, user);
      // A reminder left as it was may lie in the past (delivered already): changing only the note keeps it.
      const [kept] = await app.db
        .select({ remindAt: bookmarks.remindAt })
        .from(bookmarks)
        .where(and(eq(bookmarks.userId, user.id), eq(bookmarks.postId, post.id)));
      const unchanged = request.body.remindAt && kept?.remindAt && new Date(request.body.remindAt).getTime() === kept.remindAt.getTime();
      const remindAt = unchanged ? kept.remindAt : reminderTime(request.body.remindAt, new Date());
      const note = request.body.note?.trim() ?? '';
      await app.db.transaction(async (tx) => {
        // Her saves take turns, so two at once cannot both pass the limit.
        await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update');
        const [saved] = await tx.select({ n: count() }).from(bookmarks).where(eq(bookmarks.userId, user.id));
        const [existing] = await tx.select({ id: bookmarks.id }).from(bookmarks).where(and(eq(bookmarks.userId, user.id), eq(bookmarks.postId, post.id)));
        if (!existing && (saved?.n ?? 0) >= LIMITS.bookmarksMax) {
          throw conflict('too_many_bookmarks', `Je kunt hoogstens ${LIMITS.bookmarksMax} berichten bewaren; haal er eerst een paar weg.`);
        }
        // A new or changed reminder is delivered again; an unchanged one keeps whether it was.
        await tx
          .insert(bookmarks)
          .values({ userId: user.id, postId: post.id, note, remindAt })
          .onConflictDoUpdate({
            target: [bookmarks.userId, bookmarks.postId],
            set: {
              note,
              remindAt,
              remindedAt: sql`case when ${bookmarks.remindAt} is not distinct from excluded.remind_at then ${bookmarks.remindedAt} end`,
            },
          });
      });
      const [bookmark] = await listBookmarks(app, user, eq(bookmarks.postId, post.id), 1);
      const { cursor: _, ...answer } = bookmark!;
      return { bookmark: answer };
    },
  );

  // Also for a post she can no longer read: removing what is gone must always be possible.
  api.delete('/api/posts/:id/bookmark', { config: { auth: 'member' }, schema: { summary: 'Bladwijzer verwijderen', tags: ['bookmarks'], params: IdParams } }, async (request, reply) => {
    const deleted = await app.db
      .delete(bookmarks)
      .where(and(eq(bookmarks.userId, request.user!.id), eq(bookmarks.postId, request.params.id)))
      .returning({ id: bookmarks.id });
    if (deleted.length === 0) throw notFound('Je hebt dit bericht niet bewaard.');
    return reply.code(204).send();
  });
}
