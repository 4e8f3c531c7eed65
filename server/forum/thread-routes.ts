import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../shared/api/common.js';
import {
  CategoryThreadsParams,
  CreateThreadBody,
  ReadMarkerBody,
  RecentThreadsQuery,
  ThreadList,
  ThreadListQuery,
  type ThreadSort,
  ThreadPage,
  ThreadPageQuery,
  ThreadWithPost,
} from '../../shared/api/forum.js';
import type { Config } from '../config.js';
import { categories, threadReads, threads, users } from '../db/schema.js';
import { categoryArchived, findOpenCategory } from './categories.js';
import { badRequest, notFound } from '../http/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.js';
import { findPost, findPostFor, findThreadForReader, findVisibleThread, threadColumns, toPostDto, toThreadDto, type ThreadRow } from './queries.js';
import { markReadUpTo, recentThreads, threadWindow, unreadCountColumn } from './reading.js';
import { solvedSql } from './solved.js';
import { mayMarkSolution } from './solutions.js';
import { threadVisibleTo } from './visibility.js';
import { assertMayPost } from './anti-abuse.js';
import { createThread } from './writes.js';

/**
 * The two orders of a category's list, each keyset-paginated: every sort key descending, so one row comparison pages
 * through it. Activity: pinned first, then last activity (the threads_category_listing_idx order). Reactions ("meest
 * gewaardeerd"): most reactions first, pinned or not, newest first among equals.
 */
function listOrder(sort: ThreadSort, cursor: string | undefined): { orderBy: SQL; after: SQL | undefined; cursorOf: (row: ThreadRow) => (string | number | boolean)[] } {
  if (sort === 'reactions') {
    const after = decodeCursor(cursor, ['number', 'number'] as const);
    return {
      orderBy: sql`${threads.reactionCount} desc, ${threads.id} desc`,
      after: after ? sql`(${threads.reactionCount}, ${threads.id}) < (${after[0]}, ${after[1]})` : undefined,
      cursorOf: (row) => [row.reactionCount, row.id],
    };
  }
  const after = decodeCursor(cursor, ['boolean', 'date', 'number'] as const);
  return {
    orderBy: sql`${threads.pinned} desc, ${threads.lastPostAt} desc, ${threads.id} desc`,
    after: after ? sql`(${threads.pinned}, ${threads.lastPostAt}, ${threads.id}) < (${after[0]}, ${after[1].toISOString()}::timestamptz, ${after[2]})` : undefined,
    cursorOf: (row) => [row.pinned, row.lastPostAt.toISOString(), row.id],
  };
}

export default async function threadRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const postLimit = { max: opts.config.rateLimit.postMax, timeWindow: '1 minute' };
  // A reader reports what she saw at most about once a second per open thread page; a few tabs at once stay under it.
  const readLimit = { max: 240, timeWindow: '1 minute' };

  api.get(
    '/api/categories/:slug/threads',
    { config: { auth: 'member' }, schema: { summary: 'Discussies in een categorie', tags: ['forum'], params: CategoryThreadsParams, querystring: ThreadListQuery, response: { 200: ThreadList } } },
    async (request) => {
      const user = request.user!;
      const category = await findOpenCategory(app.db, request.params.slug, user);
      if (!category) throw notFound('Deze categorie bestaat niet.');
      const { filter, sort = 'activity' } = request.query;
      const size = pageSize(request.query.limit);
      const order = listOrder(sort, request.query.cursor);
      const rows = await app.db
        .select({
          ...threadColumns,
          unreadCount: unreadCountColumn,
        })
        .from(threads)
        .innerJoin(categories, eq(categories.id, threads.categoryId))
        .innerJoin(users, eq(users.id, threads.authorId))
        .leftJoin(threadReads, and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, user.id)))
        .where(
          and(
            eq(threads.categoryId, category.id),
            threadVisibleTo(user, categories),
            filter === undefined ? undefined : filter === 'solved' ? solvedSql(threads.solutionPostId) : sql`not ${solvedSql(threads.solutionPostId)}`,
            order.after,
          ),
        )
        .orderBy(order.orderBy)
        .limit(size + 1);
      const page = rows.slice(0, size);
      const last = page[page.length - 1];
      return {
        threads: page.map((row) => toThreadDto(row, row.unreadCount)),
        nextCursor: rows.length > size && last ? encodeCursor(order.cursorOf(last)) : null,
      };
    },
  );

  api.post(
    '/api/threads',
    { config: { auth: 'member', rateLimit: postLimit }, schema: { summary: 'Nieuwe discussie', tags: ['forum'], body: CreateThreadBody, response: { 201: ThreadWithPost } } },
    async (request, reply) => {
      const user = request.user!;
      const { categorySlug, title, body } = request.body;
      const category = await findOpenCategory(app.db, categorySlug, user);
      if (!category) throw badRequest('unknown_category', 'Deze categorie bestaat niet.', 'categorySlug');
      if (category.archivedAt) throw categoryArchived();
      await assertMayPost(app.db, user, body);
      const { threadId, postId } = await createThread(app.db, user, category.id, title.trim(), body, { origin: opts.config.mail.siteUrl });
      const thread = await findVisibleThread(app.db, threadId, user);
      const post = await findPost(app.db, postId);
      return reply.code(201).send({ thread: toThreadDto(thread!), post: toPostDto(post!, user) });
    },
  );

  api.get(
    '/api/threads/:id',
    { config: { auth: 'member' }, schema: { summary: 'Discussie met een pagina berichten', tags: ['forum'], params: IdParams, querystring: ThreadPageQuery, response: { 200: ThreadPage } } },
    async (request) => {
      const user = request.user!;
      const thread = await findThreadForReader(app.db, request.params.id, user);
      if (!thread) throw notFound('Deze discussie bestaat niet of is verwijderd.');
      const { before, start, after, cursor } = request.query;
      if (before !== undefined && (after !== undefined || cursor || start)) {
        throw badRequest('invalid_input', 'Vraag berichten vóór een bericht óf erna, niet allebei.', 'before');
      }
      const size = pageSize(request.query.limit);
      const afterId = Math.max(decodeCursor(cursor, ['number'] as const)?.[0] ?? 0, after ?? 0);
      // Reading a page moves nothing: the read marker follows what was on her screen (POST /api/threads/:id/read).
      const { rows: page, nextCursor, hasEarlier } = await threadWindow(app.db, user.id, thread, { before, afterId, unread: start === 'unread' }, size);
      // The best answer is shown under the question on every page: from this page when it is on it, else one query.
      const answerId = thread.solved ? thread.solutionPostId : null;
      const answer = answerId === null ? null : (page.find((row) => row.id === answerId) ?? (await findPostFor(app.db, user.id, answerId)));
      return {
        thread: toThreadDto(thread),
        posts: page.map((row) => toPostDto(row, user)),
        nextCursor,
        watch: thread.watch,
        solution: answer ? toPostDto(answer, user) : null,
        canMarkSolution: mayMarkSolution(user, thread),
        lastReadPostId: thread.lastReadPostId,
        hasEarlier,
      };
    },
  );

  // A static segment: find-my-way matches it before the parametric /api/threads/:id, whatever the order of registration.
  api.get(
    '/api/threads/recent',
    { config: { auth: 'member' }, schema: { summary: 'Nieuwe en ongelezen discussies', tags: ['forum'], querystring: RecentThreadsQuery, response: { 200: ThreadList } } },
    async (request) => recentThreads(app.db, request.user!, request.query.tab ?? 'latest', request.query.cursor, pageSize(request.query.limit)),
  );

  api.post(
    '/api/threads/:id/read',
    { config: { auth: 'member', rateLimit: readLimit }, schema: { summary: 'Gelezen tot en met een bericht', tags: ['forum'], params: IdParams, body: ReadMarkerBody, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const outcome = await markReadUpTo(app.db, request.user!, request.params.id, request.body.postId);
      if (outcome === 'no_thread') throw notFound('Deze discussie bestaat niet of is verwijderd.');
      if (outcome === 'not_in_thread') throw badRequest('invalid_post', 'Dit bericht hoort niet bij deze discussie.', 'postId');
      return reply.code(204).send(null);
    },
  );
}

