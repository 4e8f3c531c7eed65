import { and, asc, eq, gt, min, sql, type SQL } from 'drizzle-orm';
import type { Post, Thread } from '../../shared/api/forum.js';
import type { ReactionKind, RepresentativeRole, ThreadWatchLevel } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import type { Db, DbOrTx } from '../db/client.js';
import { preparedOnce } from '../db/prepared.js';
import { notFound } from '../http/errors.js';
import { bookmarks, categories, postReactions, posts, threadReads, threads, threadWatches, users } from '../db/schema.js';
import { avatarUrl } from '../members/avatar-url.js';
import { shownAffiliation } from '../members/public-member.js';
import { solvedSql } from './solved.js';
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
  categoryExpectsAnswers: categories.expectsAnswers,
  solutionPostId: threads.solutionPostId,
  solved: sql<boolean>`${solvedSql(threads.solutionPostId)}`.mapWith(Boolean),
  reactionCount: threads.reactionCount,
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
  categoryExpectsAnswers: boolean;
  /** The marked best answer, readable or not; `solved` says whether members can read it (forum/solved.ts). */
  solutionPostId: number | null;
  solved: boolean;
  reactionCount: number;
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
    solved: row.solved,
    ...(row.solved && row.solutionPostId !== null ? { solutionPostId: row.solutionPostId } : {}),
    reactionCount: row.reactionCount,
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
 * Normaal) and her read marker (null: never read), where a page "from where she left off" starts; and the ids of
 * its first and last post (two probes of posts_thread_id_id_idx), which tell whether posts lie before or after a page.
 */
const threadForReaderQuery = (kind: ViewerKind) =>
  preparedOnce((db: Db) =>
    db
      .select({
        ...threadColumns,
        watch: sql<ThreadWatchLevel | null>`(select w.level from ${threadWatches} w where w.thread_id = ${threads.id} and w.user_id = ${sql.placeholder('userId')})`,
        lastReadPostId: sql<number | null>`(select r.last_read_post_id from ${threadReads} r where r.thread_id = ${threads.id} and r.user_id = ${sql.placeholder('userId')})`,
        firstPostId: sql<number | null>`(select min(p.id) from ${posts} p where p.thread_id = ${threads.id})`,
        lastPostId: sql<number | null>`(select max(p.id) from ${posts} p where p.thread_id = ${threads.id})`,
      })
      .from(threads)
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      .innerJoin(users, eq(users.id, threads.authorId))
      .where(and(eq(threads.id, sql.placeholder('id')), threadCondition(kind, threads, categories)))
      .limit(1)
      .prepare(`thread_for_reader_${kind}`),
  );
const threadForReader = perViewerKind(threadForReaderQuery);

export type ReaderThreadRow = ThreadRow & { watch: ThreadWatchLevel; lastReadPostId: number | null; firstPostId: number | null; lastPostId: number | null };

export async function findThreadForReader(db: Db, id: number, user: CurrentUser): Promise<ReaderThreadRow | null> {
  const [row] = await threadForReader[viewerKind(user)](db).execute({ id, userId: user.id });
  return row ? { ...row, watch: row.watch ?? 'normal' } : null;
}

export async function findVisibleThread(db: Db, id: number, user: CurrentUser | null): Promise<ThreadRow | null> {
  const rows = await visibleThread[viewerKind(user)](db).execute({ id });
  return rows[0] ?? null;
}

/** The thread if `user` may see it; otherwise "not found" (never "forbidden": the answer tells nothing of it). */
export async function visibleThreadOrNotFound(db: Db, id: number, user: CurrentUser | null): Promise<ThreadRow> {
  const thread = await findVisibleThread(db, id, user);
  if (!thread) throw notFound('Deze discussie bestaat niet of is verwijderd.');
  return thread;
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
  authorShowsAffiliation: users.showAffiliation,
  authorAvatarAt: users.avatarUpdatedAt,
  body: posts.body,
  bodyHtml: posts.bodyHtml,
  createdAt: posts.createdAt,
  editedAt: posts.editedAt,
  replyToPostId: posts.replyToPostId,
  hiddenAt: posts.hiddenAt,
  hiddenReason: posts.hiddenReason,
  deletedAt: posts.deletedAt,
  thanksCount: posts.thanksCount,
  usefulCount: posts.usefulCount,
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
  authorShowsAffiliation: boolean;
  authorAvatarAt: Date | null;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  replyToPostId: number | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  deletedAt: Date | null;
  thanksCount: number;
  usefulCount: number;
};

/** What the asking member's own rows say of a post: her reactions and whether she saved it (the thread page). */
export interface OwnPostState {
  myReactions: ReactionKind[];
  bookmarked: boolean;
}

/**
 * The post as `viewer` may see it (forum/visibility.ts): a deleted or hidden post is a placeholder without text,
 * except that moderators read both and the author still reads her hidden post, with moderation's reason.
 * The Markdown goes only to whom may edit it.
 */
export function toPostDto(row: PostRow & Partial<OwnPostState>, viewer: CurrentUser | null): Post {
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
      ...shownAffiliation({ showAffiliation: row.authorShowsAffiliation, party: row.authorParty, municipality: row.authorMunicipality }),
      avatarUrl: avatarUrl(row.authorId, row.authorAvatarAt),
    },
    bodyHtml: showText ? row.bodyHtml : '',
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    replyToPostId: row.replyToPostId,
    ...(deleted ? { deleted: true } : {}),
    ...(row.hiddenAt ? { hidden: true } : {}),
    ...(row.hiddenAt && row.hiddenReason && (own || moderator) ? { hiddenReason: row.hiddenReason } : {}),
    ...(mayEdit && showText ? { body: row.body } : {}),
    // Reactions belong to the text: a placeholder shows none.
    reactions: showText ? { thanks: row.thanksCount, useful: row.usefulCount } : { thanks: 0, useful: 0 },
    ...(row.myReactions ? { myReactions: row.myReactions } : {}),
    ...(row.bookmarked !== undefined ? { bookmarked: row.bookmarked } : {}),
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

/** Up to `limit` posts of a thread after `afterId`, oldest first (live catch-up; its thread is checked apart). */
export function selectThreadPage(db: Db, threadId: number, afterId: number, limit: number): Promise<PostRow[]> {
  return threadPage(db).execute({ threadId, afterId, limit });
}

/**
 * The thread page for one reader: the same posts with her own reactions and bookmarks, as columns of the same
 * statement (two index lookups per post), so showing them costs no round trip.
 */
export const ownStateColumns = (userId: SQL | number) => ({
  myReactions: sql<ReactionKind[]>`array(select r.kind from ${postReactions} r where r.post_id = ${posts.id} and r.user_id = ${userId} order by r.kind)`,
  bookmarked: sql<boolean>`exists (select 1 from ${bookmarks} b where b.post_id = ${posts.id} and b.user_id = ${userId})`,
});

const threadPageForReader = preparedOnce((db: Db) =>
  db
    .select({ ...postColumns, ...ownStateColumns(sql.placeholder('userId').getSQL()) })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.threadId, sql.placeholder('threadId')), gt(posts.id, sql.placeholder('afterId'))))
    .orderBy(asc(posts.id))
    .limit(sql.placeholder('limit'))
    .prepare('thread_page_for_reader'),
);

export function selectThreadPageFor(db: Db, userId: number, threadId: number, afterId: number, limit: number): Promise<(PostRow & OwnPostState)[]> {
  return threadPageForReader(db).execute({ userId, threadId, afterId, limit });
}

/** One post with the asking member's own state of it (the answers of the reaction and solution routes). */
export async function findPostFor(db: DbOrTx, userId: number, id: number): Promise<(PostRow & OwnPostState) | null> {
  const [row] = await db
    .select({ ...postColumns, ...ownStateColumns(userId) })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.id, id))
    .limit(1);
  return row ?? null;
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
