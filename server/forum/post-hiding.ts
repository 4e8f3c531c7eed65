import { and, eq, isNotNull, isNull, min, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { posts, threads } from '../db/schema.js';
import { publish } from '../events/publish.js';
import { countPost, countThread, uncountPost, uncountThread } from './counters.js';

/**
 * Hiding a post from members and showing it again, with the forum state that follows: the thread's visible post
 * count, the thread itself when its opening post is concerned (hidden_at and its category's thread count), and the
 * announcement (publish). Moderation decides and puts it on record; this is only the forum's side, in its transaction.
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
  opening: boolean;
  threadHidden: boolean;
  threadDeleted: boolean;
}

async function loadTarget(tx: Tx, postId: number): Promise<Target | null> {
  // Locks the post row: concurrent hides, restores and reports of one post take turns.
  const [post] = await tx
    .select({ threadId: posts.threadId, authorId: posts.authorId, deletedAt: posts.deletedAt })
    .from(posts)
    .where(eq(posts.id, postId))
    .for('update');
  if (!post) return null;
  const [thread] = await tx
    .select({ categoryId: threads.categoryId, title: threads.title, hiddenAt: threads.hiddenAt, deletedAt: threads.deletedAt })
    .from(threads)
    .where(eq(threads.id, post.threadId))
    .for('update');
  const [first] = await tx.select({ id: min(posts.id) }).from(posts).where(eq(posts.threadId, post.threadId));
  return {
    postId,
    threadId: post.threadId,
    authorId: post.authorId,
    deleted: post.deletedAt !== null,
    categoryId: thread!.categoryId,
    title: thread!.title,
    opening: first?.id === postId,
    threadHidden: thread!.hiddenAt !== null,
    threadDeleted: thread!.deletedAt !== null,
  };
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
  if (!target.deleted) await uncountPost(tx, target.threadId);
  if (target.opening && !target.threadHidden) {
    await tx.update(threads).set({ hiddenAt: sql`now()` }).where(eq(threads.id, target.threadId));
    if (!target.threadDeleted) await uncountThread(tx, target.categoryId);
    await publish(tx, { type: 'thread.updated', threadId: target.threadId, categoryId: target.categoryId, changed: ['hidden', 'counts'] });
  }
  await publish(tx, { type: 'post.updated', threadId: target.threadId, postId, categoryId: target.categoryId });
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
  if (!target.deleted) await countPost(tx, target.threadId);
  if (target.opening && target.threadHidden) {
    await tx.update(threads).set({ hiddenAt: null }).where(eq(threads.id, target.threadId));
    if (!target.threadDeleted) await countThread(tx, target.categoryId);
    await publish(tx, { type: 'thread.updated', threadId: target.threadId, categoryId: target.categoryId, changed: ['hidden', 'counts'] });
  }
  await publish(tx, { type: 'post.updated', threadId: target.threadId, postId, categoryId: target.categoryId });
  return hiddenPost(target);
}

/**
 * A post that is already hidden gets a new reason (a moderator confirming an automatic hide): nothing members
 * see changes, so nothing is announced.
 */
export async function rehide(tx: Tx, postId: number, reason: string): Promise<void> {
  await tx.update(posts).set({ hiddenReason: reason }).where(and(eq(posts.id, postId), sql`${posts.hiddenAt} is not null`));
}
