import { and, asc, eq, gt, min, sql } from 'drizzle-orm';
import type { Post, Thread } from '../../shared/api/forum.js';
import type { RepresentativeRole, ThreadWatchLevel } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import type { Db, DbOrTx } from '../db/client.js';
import { preparedOnce } from '../db/prepared.js';
import { categories, notifications, posts, threads, threadWatches, users } from '../db/schema.js';
import { perViewerKind, postTextVisible, threadCondition, viewerKind, type ViewerKind } from './visibility.js';

export const threadColumns = {
  id: threads.id,
  categoryId: threads.categoryId,
  categorySlug: categories.slug,
  categoryAccess: categories.access,
  categoryArchivedAt: categories.archivedAt,
  title: threads.title,
  authorId: threads.authorId,
  authorName: users.displayName,
  postCount: threads.postCount,
  pinned: threads.pinned,
  locked: threads.locked,
  createdAt: threads.createdAt,
  lastPostAt: threads.lastPostAt,
  hiddenAt: threads.hiddenAt,
  deletedAt: threads.deletedAt,
};

export type ThreadRow = {
  id: number;
  categoryId: number;
  categorySlug: string;
  categoryAccess: string;
  /** Set when its category is archived: read-only. */
  categoryArchivedAt: Date | null;
  title: string;
  authorId: number;
  authorName: string;
  postCount: number;
  pinned: boolean;
  locked: boolean;
  createdAt: Date;
  lastPostAt: Date;
  hiddenAt: Date | null;
  deletedAt: Date | null;
};

export function toThreadDto(row: ThreadRow, unreadCount?: number | null): Thread {
  return {
    id: row.id,
    categorySlug: row.categorySlug,
    title: row.title,
    author: { id: row.authorId, displayName: row.authorName },
    postCount: row.postCount,
    pinned: row.pinned,
    locked: row.locked,
    createdAt: row.createdAt.toISOString(),
    lastPostAt: row.lastPostAt.toISOString(),
    ...(unreadCount !== undefined ? { unreadCount } : {}),
    ...(row.hiddenAt ? { hidden: true } : {}),
    ...(row.categoryArchivedAt ? { archived: true } : {}),
  };
}

/** One prepared statement per kind of viewer: each kind sees different threads. */
const visibleThreadQuery = (kind: ViewerKind) =>
  preparedOnce((db: Db) =>
    db
      .select(threadColumns)
      .from(threads)
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      .innerJoin(users, eq(users.id, threads.authorId))
      .where(and(eq(threads.id, sql.placeholder('id')), threadCondition(kind, threads, categories)))
      .limit(1)
      .prepare(`visible_thread_${kind}`),
  );
const visibleThread = perViewerKind(visibleThreadQuery);

/**
 * The thread page's thread, with what the reader's own rows say of it in the same statement (a round trip and a
 * query plan fewer per page view, which the thread benchmark shows): her watch level (null: she never chose,
 * Normaal) and whether she has unread notifications in it, so the read marker marks them read only when there are.
 */
const threadForReaderQuery = (kind: ViewerKind) =>
  preparedOnce((db: Db) =>
    db
      .select({
        ...threadColumns,
        watch: sql<ThreadWatchLevel | null>`(select w.level from ${threadWatches} w where w.thread_id = ${threads.id} and w.user_id = ${sql.placeholder('userId')})`,
        notified: sql<boolean>`exists (select 1 from ${notifications} n where n.user_id = ${sql.placeholder('userId')} and n.thread_id = ${threads.id} and n.read_at is null)`,
      })
      .from(threads)
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      .innerJoin(users, eq(users.id, threads.authorId))
      .where(and(eq(threads.id, sql.placeholder('id')), threadCondition(kind, threads, categories)))
      .limit(1)
      .prepare(`thread_for_reader_${kind}`),
  );
const threadForReader = perViewerKind(threadForReaderQuery);

export async function findThreadForReader(db: Db, id: number, user: CurrentUser): Promise<(ThreadRow & { watch: ThreadWatchLevel; notified: boolean }) | null> {
  const [row] = await threadForReader[viewerKind(user)](db).execute({ id, userId: user.id });
  return row ? { ...row, watch: row.watch ?? 'normal' } : null;
}

export async function findVisibleThread(db: Db, id: number, user: CurrentUser | null): Promise<ThreadRow | null> {
  const rows = await visibleThread[viewerKind(user)](db).execute({ id });
  return rows[0] ?? null;
}

export const postColumns = {
  id: posts.id,
  threadId: posts.threadId,
  authorId: posts.authorId,
  authorName: users.displayName,
  authorRole: users.representativeRole,
  authorVerified: users.representativeVerified,
  authorParty: users.party,
  authorMunicipality: users.municipality,
  body: posts.body,
  bodyHtml: posts.bodyHtml,
  createdAt: posts.createdAt,
  editedAt: posts.editedAt,
  replyToPostId: posts.replyToPostId,
  hiddenAt: posts.hiddenAt,
  hiddenReason: posts.hiddenReason,
  deletedAt: posts.deletedAt,
};

export type PostRow = {
  id: number;
  threadId: number;
  authorId: number;
  authorName: string;
  authorRole: string | null;
  authorVerified: boolean;
  authorParty: string;
  authorMunicipality: string;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  replyToPostId: number | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  deletedAt: Date | null;
};

/**
 * The post as `viewer` may see it (forum/visibility.ts): a deleted or hidden post is a placeholder without text,
 * except that moderators read both and the author still reads her hidden post, with moderation's reason.
 * The Markdown goes only to whom may edit it.
 */
export function toPostDto(row: PostRow, viewer: CurrentUser | null): Post {
  const moderator = isModerator(viewer);
  const deleted = row.deletedAt !== null;
  const showText = postTextVisible(row, viewer);
  const own = viewer !== null && viewer.id === row.authorId;
  const mayEdit = own || moderator;
  return {
    id: row.id,
    threadId: row.threadId,
    author: {
      id: row.authorId,
      displayName: row.authorName,
      representativeRole: row.authorRole as RepresentativeRole | null,
      representativeVerified: row.authorVerified,
      party: row.authorParty,
      municipality: row.authorMunicipality,
    },
    bodyHtml: showText ? row.bodyHtml : '',
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    replyToPostId: row.replyToPostId,
    ...(deleted ? { deleted: true } : {}),
    ...(row.hiddenAt ? { hidden: true } : {}),
    ...(row.hiddenAt && row.hiddenReason && (own || moderator) ? { hiddenReason: row.hiddenReason } : {}),
    ...(mayEdit && showText ? { body: row.body } : {}),
  };
}

export function selectPosts(db: DbOrTx) {
  return db.select(postColumns).from(posts).innerJoin(users, eq(users.id, posts.authorId));
}

/** Every post of the thread is in its page, hidden and deleted ones as toPostDto shows them to each viewer. */
const threadPage = preparedOnce((db: Db) =>
  selectPosts(db)
    .where(and(eq(posts.threadId, sql.placeholder('threadId')), gt(posts.id, sql.placeholder('afterId'))))
    .orderBy(asc(posts.id))
    .limit(sql.placeholder('limit'))
    .prepare('thread_page'),
);

/** Up to `limit` posts of a thread after `afterId`, oldest first (the thread page; its thread is checked apart). */
export function selectThreadPage(db: Db, threadId: number, afterId: number, limit: number): Promise<PostRow[]> {
  return threadPage(db).execute({ threadId, afterId, limit });
}

export async function findPost(db: DbOrTx, id: number): Promise<PostRow | null> {
  const rows = await selectPosts(db).where(eq(posts.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The first post of a thread (a moderation decision about the thread links to it). */
export async function openingPostId(db: DbOrTx, threadId: number): Promise<number | null> {
  const [row] = await db.select({ id: min(posts.id) }).from(posts).where(eq(posts.threadId, threadId));
  return row?.id ?? null;
}
