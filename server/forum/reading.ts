import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RecentTab, Thread } from '../../shared/api/forum.js';
import { FORUM_NOTIFICATION_KINDS, POST_NOTIFICATION_KINDS } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import { queryRows, type Db } from '../db/client.js';
import { preparedOnce } from '../db/prepared.js';
import { categories, notifications, posts, threadReads, threads, users } from '../db/schema.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { ownStateColumns, postColumns, selectThreadPageFor, threadColumns, toThreadDto, type OwnPostState, type PostRow, type ReaderThreadRow } from './queries.js';
import { postReadByMembersCondition, threadVisibleTo } from './visibility.js';

/**
 * "Where you left off": a member's read marker per thread (thread_reads.last_read_post_id), the thread page window
 * that starts there, the marker moved by what was on her screen, and the lists of what is new to her.
 * The marker moves forward only, and only through POST /api/threads/:id/read (what the client saw at least half on
 * screen) and through her own posts (writes.ts markRead); loading a page never moves it, so a page of twenty posts
 * she scrolled past unread stays unread.
 */

/** The unread count's own name for posts (`p`), apart from the outer query's threads and posts. */
const unreadPost = alias(posts, 'p');

/**
 * Her unread posts in the row's thread, for a list that joins `thread_reads` for her: posts newer than her marker
 * that members can read (a hidden or deleted one is nothing to catch up on); null when she never read the thread.
 */
export const unreadCountColumn = sql<number | null>`case when ${threadReads.lastReadPostId} is null then null else (
  select count(*)::int from ${posts} p
  where p.thread_id = ${threads.id} and p.id > ${threadReads.lastReadPostId} and ${postReadByMembersCondition(unreadPost)}
) end`;

// ——— the thread page's window ———

/** Up to `limit` posts before `beforeId`, newest first (the caller turns them round), with her own state of each. */
const earlierPageForReader = preparedOnce((db: Db) =>
  db
    .select({ ...postColumns, ...ownStateColumns(sql.placeholder('userId').getSQL()) })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.threadId, sql.placeholder('threadId')), lt(posts.id, sql.placeholder('beforeId'))))
    .orderBy(desc(posts.id))
    .limit(sql.placeholder('limit'))
    .prepare('thread_page_before_for_reader'),
);

export interface WindowRequest {
  /** Posts with smaller ids ("Eerdere berichten"); the others are then unused. */
  before?: number;
  /** Posts with larger ids (after=, or a cursor). */
  afterId: number;
  /** Start after her read marker when neither before nor afterId says where. */
  unread: boolean;
}

export interface ThreadWindow {
  rows: (PostRow & OwnPostState)[];
  nextCursor: string | null;
  hasEarlier: boolean;
}

/**
 * One page of a thread for her, oldest first. `before` pages backwards: a later refetch of the pages she holds
 * starts at the earliest and follows each page's nextCursor, so that page too says whether posts follow it.
 * `unread` starts after her marker; with no marker, or nothing after it, from the beginning as a plain page does.
 * Costs one statement (two when she asked to start at unread and nothing is unread).
 */
export async function threadWindow(db: Db, userId: number, thread: ReaderThreadRow, request: WindowRequest, size: number): Promise<ThreadWindow> {
  if (request.before !== undefined) {
    const newestFirst = await earlierPageForReader(db).execute({ userId, threadId: thread.id, beforeId: request.before, limit: size + 1 });
    const rows = newestFirst.slice(0, size).reverse();
    const last = rows[rows.length - 1];
    return {
      rows,
      nextCursor: last && thread.lastPostId !== null && thread.lastPostId > last.id ? encodeCursor([last.id]) : null,
      hasEarlier: newestFirst.length > size,
    };
  }
  const fromMarker = request.unread && request.afterId === 0 && thread.lastReadPostId !== null;
  let afterId = fromMarker ? thread.lastReadPostId! : request.afterId;
  let fetched = await selectThreadPageFor(db, userId, thread.id, afterId, size + 1);
  if (fromMarker && fetched.length === 0) {
    // Nothing unread: she gets the thread from its start, as an ordinary visit would.
    afterId = 0;
    fetched = await selectThreadPageFor(db, userId, thread.id, afterId, size + 1);
  }
  const rows = fetched.slice(0, size);
  const last = rows[rows.length - 1];
  return {
    rows,
    nextCursor: fetched.length > size && last ? encodeCursor([last.id]) : null,
    hasEarlier: thread.firstPostId !== null && thread.firstPostId <= afterId,
  };
}

// ——— the read marker ———

const READ_NOTIFICATION_KINDS = [...FORUM_NOTIFICATION_KINDS, ...POST_NOTIFICATION_KINDS];

/**
 * Moves her read marker forward to `postId` (never back) and marks read her notifications about posts of this thread
 * up to it: reading a post is reading what notified her of it (a group counts as read once its first unread post
 * has been seen; the thread's own unread count still counts the rest).
 * One statement: the thread's visibility to her and the post's place in it are checked in it, so a refused request
 * writes nothing and costs no more round trips than an accepted one. A read marker is not worth a disk flush:
 * set_config(…, true) in the statement's own CTE makes just this one-statement transaction commit asynchronously,
 * instead of waiting 5–12 ms for fsync on every report (docs/benchmarks.md). A crash can lose the last fraction of a
 * second of markers, never a post.
 */
export async function markReadUpTo(db: Db, user: CurrentUser, threadId: number, postId: number): Promise<'read' | 'no_thread' | 'not_in_thread'> {
  const [row] = await queryRows<{ visible: boolean; in_thread: boolean }>(
    db,
    sql`
    with async_commit as (select set_config('synchronous_commit', 'off', true)),
    visible as (
      select ${threads.id} as id from ${threads} inner join ${categories} on ${categories.id} = ${threads.categoryId}
       where ${threads.id} = ${threadId} and ${threadVisibleTo(user, categories) ?? sql`true`}),
    target as (select p.id from ${posts} p where p.id = ${postId} and p.thread_id in (select id from visible)),
    seen as (
      update ${notifications} set read_at = now()
       where user_id = ${user.id} and thread_id = ${threadId} and read_at is null and post_id <= (select id from target)
         and kind in (${sql.join(
           READ_NOTIFICATION_KINDS.map((kind) => sql`${kind}`),
           sql`, `,
         )})),
    marked as (
      insert into ${threadReads} (user_id, thread_id, last_read_post_id)
      select ${user.id}::int, ${threadId}::int, target.id from target, async_commit
      on conflict (user_id, thread_id) do update
        set last_read_post_id = excluded.last_read_post_id, ${sql.identifier(threadReads.updatedAt.name)} = now()
        where ${threadReads.lastReadPostId} < excluded.last_read_post_id)
    select exists (select 1 from visible) as visible, exists (select 1 from target) as in_thread`,
  );
  if (!row?.visible) return 'no_thread';
  return row.in_thread ? 'read' : 'not_in_thread';
}

// ——— "Nieuw en ongelezen" ———

/** How far back the "Nieuw" tab looks for threads she never opened. */
export const NEW_THREAD_DAYS = 30;

/**
 * Each tab's order and rows, keyset-paginated on (its time, id), both descending. latest: every thread she may see,
 * by last activity; unread: threads she read before with newer posts members can read, by last activity; new:
 * threads she never opened (no marker) started in the last 30 days, newest first.
 */
function recentTab(tab: RecentTab): { time: typeof threads.lastPostAt | typeof threads.createdAt; where: SQL | undefined } {
  switch (tab) {
    case 'latest':
      return { time: threads.lastPostAt, where: undefined };
    case 'unread':
      return {
        time: threads.lastPostAt,
        where: sql`${threadReads.lastReadPostId} is not null and exists (
          select 1 from ${posts} p
          where p.thread_id = ${threads.id} and p.id > ${threadReads.lastReadPostId} and ${postReadByMembersCondition(unreadPost)})`,
      };
    case 'new':
      return { time: threads.createdAt, where: sql`${threadReads.lastReadPostId} is null and ${threads.createdAt} > now() - make_interval(days => ${NEW_THREAD_DAYS})` };
  }
}

export async function recentThreads(db: Db, user: CurrentUser, tab: RecentTab, cursor: string | undefined, size: number): Promise<{ threads: Thread[]; nextCursor: string | null }> {
  const { time, where } = recentTab(tab);
  const after = decodeCursor(cursor, ['date', 'number'] as const);
  const rows = await db
    .select({ ...threadColumns, unreadCount: unreadCountColumn, time })
    .from(threads)
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .leftJoin(threadReads, and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, user.id)))
    .where(and(threadVisibleTo(user, categories), where, after ? sql`(${time}, ${threads.id}) < (${after[0].toISOString()}::timestamptz, ${after[1]})` : undefined))
    .orderBy(sql`${time} desc, ${threads.id} desc`)
    .limit(size + 1);
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    threads: page.map((row) => toThreadDto(row, row.unreadCount)),
    nextCursor: rows.length > size && last ? encodeCursor([last.time.toISOString(), last.id]) : null,
  };
}
