import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import type { ReactionKind } from '../../shared/constants.js';
import { categories, posts, threads } from '../db/schema.js';

/**
 * The forum's denormalized counters, and the only code that changes them:
 * threads.post_count counts the posts members can see (not hidden, not deleted), categories.thread_count the
 * threads members can see (not hidden, not deleted), posts.thanks_count / useful_count the reactions to a post, and
 * threads.reaction_count the reactions to the thread's posts members can see (so hiding or deleting a post takes
 * its reactions out of the thread's, and showing it again brings them back). Decrements stop at zero (the columns'
 * checks forbid less).
 */

/** A new thread starts with its opening post counted. */
export const NEW_THREAD_COUNTS = { postCount: 1 } as const;

/**
 * A reply counted, and the thread's activity moved to now (the transaction's start, so also the post's created_at).
 * This UPDATE locks the thread row before the post gets its id: see createReply.
 */
export async function countReply(tx: Tx, threadId: number): Promise<void> {
  await tx
    .update(threads)
    .set({ postCount: sql`${threads.postCount} + 1`, lastPostAt: sql`now()` })
    .where(eq(threads.id, threadId));
}

/** The reactions a post holds, as SQL. */
const reactionsOf = (postId: number) => sql`(select ${posts.thanksCount} + ${posts.usefulCount} from ${posts} where ${posts.id} = ${postId})`;

/** A post members could see is counted again (restored), with its reactions. */
export async function countPost(tx: Tx, threadId: number, postId: number): Promise<void> {
  await tx
    .update(threads)
    .set({ postCount: sql`${threads.postCount} + 1`, reactionCount: sql`${threads.reactionCount} + ${reactionsOf(postId)}` })
    .where(eq(threads.id, threadId));
}

/** A post members could see is no longer counted (deleted or hidden), nor its reactions. */
export async function uncountPost(tx: Tx, threadId: number, postId: number): Promise<void> {
  await tx
    .update(threads)
    .set({
      postCount: sql`greatest(${threads.postCount} - 1, 0)`,
      reactionCount: sql`greatest(${threads.reactionCount} - ${reactionsOf(postId)}, 0)`,
    })
    .where(eq(threads.id, threadId));
}

const REACTION_COLUMN = { thanks: posts.thanksCount, useful: posts.usefulCount } as const;

/**
 * One reaction added (+1) or taken back (-1): the post's count of its kind, and its thread's when members can see
 * the post (a hidden post's reactions are out of the thread's count until it is shown again).
 */
export async function countReaction(tx: Tx, postId: number, kind: ReactionKind, delta: 1 | -1): Promise<void> {
  const column = REACTION_COLUMN[kind];
  const [post] = await tx
    .update(posts)
    .set({ [kind === 'thanks' ? 'thanksCount' : 'usefulCount']: sql`greatest(${column} + ${delta}, 0)` })
    .where(eq(posts.id, postId))
    .returning({ threadId: posts.threadId, hiddenAt: posts.hiddenAt, deletedAt: posts.deletedAt });
  if (!post || post.hiddenAt || post.deletedAt) return;
  await tx
    .update(threads)
    .set({ reactionCount: sql`greatest(${threads.reactionCount} + ${delta}, 0)` })
    .where(eq(threads.id, post.threadId));
}

/** A thread members can see (again) in this category. */
export async function countThread(tx: Tx, categoryId: number): Promise<void> {
  await tx
    .update(categories)
    .set({ threadCount: sql`${categories.threadCount} + 1` })
    .where(eq(categories.id, categoryId));
}

/** A thread members no longer see in this category (hidden, deleted, or moved away). */
export async function uncountThread(tx: Tx, categoryId: number): Promise<void> {
  await tx
    .update(categories)
    .set({ threadCount: sql`greatest(${categories.threadCount} - 1, 0)` })
    .where(eq(categories.id, categoryId));
}
