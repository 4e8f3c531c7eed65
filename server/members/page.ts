import { and, count, desc, eq, sql, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { MEMBER_EXCERPT_MAX, MEMBER_LIST_MAX, type MemberPost, type MemberProfileBody } from '../../shared/api/members.js';
import type { CurrentUser } from '../auth/types.js';
import { toPlainText } from '../content/render.js';
import type { Db } from '../db/client.js';
import { categories, posts, threads, users } from '../db/schema.js';
import { publicMemberColumns, toPublicMember } from './public-member.js';
import { solvedSql } from '../forum/solved.js';
import { postReadByMembersCondition, threadCondition, threadSeenByMembersCondition, viewerKind, type ViewerKind } from '../forum/visibility.js';
import { cleanText, decodeEntities } from '../search/text.js';
import { blockColumns } from '../conversations/blocks.js';

/**
 * A member's page (GET /api/members/:id): who she is and what she wrote, as the ASKER may see it.
 *
 * What counts and shows, for every number and every list alike (forum/visibility.ts holds the rules used here):
 * - threads in a category the asker enters (threadVisibleTo's category part, per kind of asker), and only in a state
 *   every member sees: a moderator's wider view (hidden threads) belongs to the moderation tools, not to the page a
 *   member shows of herself;
 * - posts every member reads (postReadByMembersCondition): never a hidden or deleted one, not even for a moderator or
 *   for herself, for the same reason;
 * - a best answer is her post marked as the solution of its thread while that thread counts as solved (solvedSql).
 * So a number never tells anyone that something exists in a category closed to her, or that something was removed.
 *
 * Five statements whatever she wrote (the member; the counts; three lists of at most MEMBER_LIST_MAX), no N+1.
 */

/** Threads the page may show to a kind of asker; `table`/`joined` may be aliases of threads and its categories. */
function shownThread(kind: ViewerKind, table: { categoryId: Column; hiddenAt: Column; deletedAt: Column } = threads, joined: { access: Column } = categories): SQL {
  return and(threadCondition(kind, table, joined), threadSeenByMembersCondition(table))!;
}

/** The start of a post as plain text, at most MEMBER_EXCERPT_MAX characters, cut at a word where one is near. */
export function excerptOf(html: string): string {
  const text = cleanText(decodeEntities(toPlainText(html)));
  if (text.length <= MEMBER_EXCERPT_MAX) return text;
  const room = MEMBER_EXCERPT_MAX - 2; // for " …"
  let cut = text.slice(0, room);
  // Never half an emoji (a surrogate pair cut in two is not text).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return `${(space > room / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

const postItemColumns = {
  id: posts.id,
  threadId: posts.threadId,
  threadTitle: threads.title,
  bodyHtml: posts.bodyHtml,
  createdAt: posts.createdAt,
};

const toPostItem = (row: { id: number; threadId: number; threadTitle: string; bodyHtml: string; createdAt: Date }): MemberPost => ({
  id: row.id,
  threadId: row.threadId,
  threadTitle: row.threadTitle,
  excerpt: excerptOf(row.bodyHtml),
  createdAt: row.createdAt.toISOString(),
});

/** The page of an ACTIVE member, or null (no such member, or her account is not active: "not found" alike). */
export async function loadMemberPage(db: Db, asker: CurrentUser, memberId: number): Promise<MemberProfileBody | null> {
  const [member] = await db
    .select({ ...publicMemberColumns, approvedAt: users.approvedAt, createdAt: users.createdAt, ...blockColumns(asker.id, memberId) })
    .from(users)
    .where(and(eq(users.id, memberId), eq(users.status, 'active')))
    .limit(1);
  if (!member) return null;

  const kind = viewerKind(asker);
  const readable = and(eq(posts.authorId, memberId), postReadByMembersCondition(posts), shownThread(kind));
  const isBestAnswer = and(eq(threads.solutionPostId, posts.id), solvedSql(threads.solutionPostId))!;
  // Her threads counted in the same statement as her posts: their own names, apart from the outer threads/categories.
  const ownThreads = alias(threads, 'own_threads');
  const ownCategories = alias(categories, 'own_categories');
  const threadCount = db
    .select({ n: count() })
    .from(ownThreads)
    .innerJoin(ownCategories, eq(ownCategories.id, ownThreads.categoryId))
    .where(and(eq(ownThreads.authorId, memberId), shownThread(kind, ownThreads, ownCategories)));

  const postsWithThread = () => db.select(postItemColumns).from(posts).innerJoin(threads, eq(threads.id, posts.threadId)).innerJoin(categories, eq(categories.id, threads.categoryId));

  const [[stats], ownThreadRows, recentPosts, bestAnswers] = await Promise.all([
    db
      .select({
        threads: sql<number>`(${threadCount})`.mapWith(Number),
        posts: count(),
        bestAnswers: sql<number>`count(*) filter (where ${isBestAnswer})`.mapWith(Number),
        thanksReceived: sql<number>`coalesce(sum(${posts.thanksCount} + ${posts.usefulCount}), 0)`.mapWith(Number),
      })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      .where(readable),
    db
      .select({
        id: threads.id,
        title: threads.title,
        categorySlug: categories.slug,
        postCount: threads.postCount,
        lastPostAt: threads.lastPostAt,
        solved: sql<boolean>`${solvedSql(threads.solutionPostId)}`.mapWith(Boolean),
      })
      .from(threads)
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      .where(and(eq(threads.authorId, memberId), shownThread(kind)))
      .orderBy(desc(threads.lastPostAt), desc(threads.id))
      .limit(MEMBER_LIST_MAX),
    postsWithThread().where(readable).orderBy(desc(posts.createdAt), desc(posts.id)).limit(MEMBER_LIST_MAX),
    postsWithThread()
      .where(and(readable, isBestAnswer))
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(MEMBER_LIST_MAX),
  ]);

  return {
    // Her own answers from /api/me still carry her party and municipality; others see them only if she chose so.
    member: { ...toPublicMember(member), memberSince: (member.approvedAt ?? member.createdAt).toISOString() },
    stats: { threads: stats?.threads ?? 0, posts: stats?.posts ?? 0, bestAnswers: stats?.bestAnswers ?? 0, thanksReceived: stats?.thanksReceived ?? 0 },
    threads: ownThreadRows.map((t) => ({ ...t, lastPostAt: t.lastPostAt.toISOString() })),
    posts: recentPosts.map(toPostItem),
    bestAnswers: bestAnswers.map(toPostItem),
    // Whether the asker may write to her (conversations/blocks.ts): never to herself, nor when either blocked the other.
    canMessage: asker.id !== memberId && !member.blockedAsker && !member.blockedByAsker,
    blockedByMe: member.blockedByAsker,
  };
}
