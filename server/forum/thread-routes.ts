import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { FORUM_NOTIFICATION_KINDS, POST_NOTIFICATION_KINDS } from '../../shared/constants.js';
import { CategoryThreadsParams, CreateThreadBody, ThreadList, ThreadListQuery, type ThreadSort, ThreadPage, ThreadPageQuery, ThreadWithPost } from '../../shared/api/forum.js';
import type { Config } from '../config.js';
import { categories, notifications, posts, threadReads, threads, users } from '../db/schema.js';
import { categoryArchived, findOpenCategory } from './categories.js';
import { badRequest, notFound } from '../http/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.js';
import { findPost, findPostFor, findThreadForReader, findVisibleThread, selectThreadPageFor, threadColumns, toPostDto, toThreadDto, type ThreadRow } from './queries.js';
import { solvedSql } from './solved.js';
import { mayMarkSolution } from './solutions.js';
import { postReadByMembersCondition, threadVisibleTo } from './visibility.js';
import { assertMayPost } from './anti-abuse.js';
import { createThread } from './writes.js';

/** The unread count's own name for posts (`p`), apart from the outer query's threads and posts. */
const unreadPost = alias(posts, 'p');

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

  api.get(
    '/api/categories/:slug/threads',
    { config: { auth: 'member' }, schema: { params: CategoryThreadsParams, querystring: ThreadListQuery, response: { 200: ThreadList } } },
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
          unreadCount: sql<number | null>`case when ${threadReads.lastReadPostId} is null then null else (
            select count(*)::int from ${posts} p
            where p.thread_id = ${threads.id} and p.id > ${threadReads.lastReadPostId} and ${postReadByMembersCondition(unreadPost)}
          ) end`,
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
    { config: { auth: 'member', rateLimit: postLimit }, schema: { body: CreateThreadBody, response: { 201: ThreadWithPost } } },
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
    { config: { auth: 'member' }, schema: { params: IdParams, querystring: ThreadPageQuery, response: { 200: ThreadPage } } },
    async (request) => {
      const user = request.user!;
      const thread = await findThreadForReader(app.db, request.params.id, user);
      if (!thread) throw notFound('Deze discussie bestaat niet of is verwijderd.');
      const size = pageSize(request.query.limit);
      const cursor = decodeCursor(request.query.cursor, ['number'] as const);
      const afterId = Math.max(cursor?.[0] ?? 0, request.query.after ?? 0);
      const rows = await selectThreadPageFor(app.db, user.id, thread.id, afterId, size + 1);
      const page = rows.slice(0, size);
      const last = page[page.length - 1];
      if (last) {
        // A read marker is not worth a disk flush: set_config(…, true) in the statement's own CTE makes just this
        // one-statement transaction commit asynchronously, in one round trip, instead of waiting 5–12 ms for fsync
        // on every page view (docs/benchmarks.md). A crash can lose the last fraction of a second of markers, never a post.
        // Only a newer page moves the marker; re-reading page 1 leaves it where it was (and writes nothing).
        // Reading a post is reading what notified her of it: when she has unread notifications in this thread, those
        // up to the last post on the page are marked read in the same statement (a group counts as read once its
        // first unread post has been shown; the thread's own unread marker still counts the rest).
        const seen = thread.notified
          ? sql`, seen as (
              update ${notifications} set read_at = now()
               where user_id = ${user.id} and thread_id = ${thread.id} and read_at is null and post_id <= ${last.id}
                 and kind in (${sql.join([...FORUM_NOTIFICATION_KINDS, ...POST_NOTIFICATION_KINDS].map((kind) => sql`${kind}`), sql`, `)}))`
          : sql``;
        await app.db.execute(sql`
          with async_commit as (select set_config('synchronous_commit', 'off', true))${seen}
          insert into ${threadReads} (user_id, thread_id, last_read_post_id)
          select ${user.id}::int, ${thread.id}::int, ${last.id}::int from async_commit
          on conflict (user_id, thread_id) do update
            set last_read_post_id = excluded.last_read_post_id, ${sql.identifier(threadReads.updatedAt.name)} = now()
            where ${threadReads.lastReadPostId} < excluded.last_read_post_id`);
      }
      // The best answer is shown under the question on every page: from this page when it is on it, else one query.
      const answerId = thread.solved ? thread.solutionPostId : null;
      const answer = answerId === null ? null : (page.find((row) => row.id === answerId) ?? (await findPostFor(app.db, user.id, answerId)));
      return {
        thread: toThreadDto(thread),
        posts: page.map((row) => toPostDto(row, user)),
        nextCursor: rows.length > size && last ? encodeCursor([last.id]) : null,
        watch: thread.watch,
        solution: answer ? toPostDto(answer, user) : null,
        canMarkSolution: mayMarkSolution(user, thread),
      };
    },
  );
}

