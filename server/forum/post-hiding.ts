import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { posts, threads } from '../db/schema.js';
import { publish } from '../events/publish.js';
import { countPost, uncountPost } from './counters.js';
import { announceIfSolution } from './solutions.js';

/**
 * Hiding a post's text from members and showing it again, with the forum state that follows: the thread's count
 * of posts members read, and the announcement (publish). That is all, also for the opening post: the thread and
 * its replies stay (forum/visibility.ts); hiding a whole thread is forum/thread-hiding.ts. Moderation decides and
 * puts it on record; this is only the forum's side, in its transaction.
 */

/** The post that was hidden or restored, as moderation needs it for its log row and its message to the author. */
export interface HiddenPost {
  postId: number;
  threadId: number;
  authorId: number;
  categoryId: number;
  title: string;
}

interface Target extends HiddenPost {
  deleted: boolean;
}

async function loadTarget(tx: Tx, postId: number): Promise<Target | null> {
  // Locks the post row: concurrent hides, restores and reports of one post take turns.
  const [row] = await tx
    .select({ threadId: posts.threadId, authorId: posts.authorId, deletedAt: posts.deletedAt, categoryId: threads.categoryId, title: threads.title })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(eq(posts.id, postId))
    .for('update', { of: posts });
  if (!row) return null;
  return { postId, threadId: row.threadId, authorId: row.authorId, categoryId: row.categoryId, title: row.title, deleted: row.deletedAt !== null };
}

const hiddenPost = ({ postId, threadId, authorId, categoryId, title }: Target): HiddenPost => ({ postId, threadId, authorId, categoryId, title });

/** Returns null when there is no such post or it was already hidden (nothing changed). */
export async function hide(tx: Tx, postId: number, reason: string): Promise<HiddenPost | null> {
  const target = await loadTarget(tx, postId);
  if (!target) return null;
  const updated = await tx
    .update(posts)
    .set({ hiddenAt: sql`now()`, hiddenReason: reason })
    .where(and(eq(posts.id, postId), isNull(posts.hiddenAt)))
    .returning({ id: posts.id });
  if (updated.length === 0) return null;
  // A deleted post was already out of the count.
  if (!target.deleted) await uncountPost(tx, target.threadId, postId);
  await publish(tx, { type: 'post.updated', threadId: target.threadId, postId, categoryId: target.categoryId });
  await announceIfSolution(tx, target.threadId, target.categoryId, postId);
  return hiddenPost(target);
}

/** Returns null when there is no such post or it was not hidden (nothing changed). */
export async function restore(tx: Tx, postId: number): Promise<HiddenPost | null> {
  const target = await loadTarget(tx, postId);
  if (!target) return null;
  const updated = await tx
    .update(posts)
    .set({ hiddenAt: null, hiddenReason: null })
    .where(and(eq(posts.id, postId), isNotNull(posts.hiddenAt)))
    .returning({ id: posts.id });
  if (updated.length === 0) return null;
  if (!target.deleted) await countPost(tx, target.threadId, postId);
  await publish(tx, { type: 'post.updated', threadId: target.threadId, postId, categoryId: target.categoryId });
  await announceIfSolution(tx, target.threadId, target.categoryId, postId);
  return hiddenPost(target);
}

/**
 * A post that is already hidden gets a new reason (a moderator confirming an automatic hide): nothing members
 * see changes, so nothing is announced.
 */
export async function rehide(tx: Tx, postId: number, reason: string): Promise<void> {
  await tx.update(posts).set({ hiddenReason: reason }).where(and(eq(posts.id, postId), sql`${posts.hiddenAt} is not null`));
}
