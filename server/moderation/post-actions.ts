import { and, eq, isNotNull, isNull, min, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { categories, posts, threads } from '../db/schema.js';
import { notifyForumEvent } from '../live/notify.js';
import { enqueueSearch } from '../search/enqueue.js';
import { notifyUser } from '../notifications/notify.js';
import { logAction } from './record.js';

/**
 * Hiding and restoring a post, with everything that follows from it in the same transaction:
 * the thread's visible post count, the thread itself when its opening post is concerned (hidden_at and the
 * category's thread count), the search outbox, the live events, the log row and the author's notification.
 */

interface Target {
  postId: number;
  threadId: number;
  authorId: number;
  deleted: boolean;
  categoryId: number;
  title: string;
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

/** Returns false when the post was already hidden (nothing changed, nothing logged). */
export async function hidePost(
  tx: Tx,
  postId: number,
  by: { moderatorId: number | null; reason: string; details?: Record<string, unknown> },
): Promise<boolean> {
  const target = await loadTarget(tx, postId);
  if (!target) return false;
  const updated = await tx
    .update(posts)
    .set({ hiddenAt: sql`now()`, hiddenReason: by.reason })
    .where(and(eq(posts.id, postId), isNull(posts.hiddenAt)))
    .returning({ id: posts.id });
  if (updated.length === 0) return false;
  // A deleted post was already out of the count.
  if (!target.deleted) {
    await tx.update(threads).set({ postCount: sql`greatest(${threads.postCount} - 1, 0)` }).where(eq(threads.id, target.threadId));
  }
  if (target.opening && !target.threadHidden) {
    await tx.update(threads).set({ hiddenAt: sql`now()` }).where(eq(threads.id, target.threadId));
    if (!target.threadDeleted) {
      await tx
        .update(categories)
        .set({ threadCount: sql`greatest(${categories.threadCount} - 1, 0)` })
        .where(eq(categories.id, target.categoryId));
    }
    await enqueueSearch(tx, 'thread', target.threadId);
    await notifyForumEvent(tx, { type: 'thread.updated', threadId: target.threadId, categoryId: target.categoryId });
  }
  await enqueueSearch(tx, 'post', postId);
  await notifyForumEvent(tx, { type: 'post.updated', threadId: target.threadId, postId, categoryId: target.categoryId });
  const auto = by.moderatorId === null;
  await logAction(tx, {
    moderatorId: by.moderatorId,
    action: auto ? 'auto_hide' : 'hide_post',
    targetUserId: target.authorId,
    targetPostId: postId,
    targetThreadId: target.threadId,
    reason: by.reason,
    details: by.details ?? null,
  });
  await notifyUser(
    tx,
    target.authorId,
    'post_hidden',
    auto
      ? `Je bericht in "${target.title}" is verborgen omdat meerdere leden het hebben gemeld. Een moderator bekijkt het.`
      : `Je bericht in "${target.title}" is verborgen omdat: ${by.reason}`,
    { postId, threadId: target.threadId },
  );
  return true;
}

/** Returns false when the post was not hidden. */
export async function restorePost(tx: Tx, postId: number, by: { moderatorId: number; reason?: string | null; details?: Record<string, unknown> }): Promise<boolean> {
  const target = await loadTarget(tx, postId);
  if (!target) return false;
  const updated = await tx
    .update(posts)
    .set({ hiddenAt: null, hiddenReason: null })
    .where(and(eq(posts.id, postId), isNotNull(posts.hiddenAt)))
    .returning({ id: posts.id });
  if (updated.length === 0) return false;
  if (!target.deleted) {
    await tx.update(threads).set({ postCount: sql`${threads.postCount} + 1` }).where(eq(threads.id, target.threadId));
  }
  if (target.opening && target.threadHidden) {
    await tx.update(threads).set({ hiddenAt: null }).where(eq(threads.id, target.threadId));
    if (!target.threadDeleted) {
      await tx.update(categories).set({ threadCount: sql`${categories.threadCount} + 1` }).where(eq(categories.id, target.categoryId));
    }
    await enqueueSearch(tx, 'thread', target.threadId);
    await notifyForumEvent(tx, { type: 'thread.updated', threadId: target.threadId, categoryId: target.categoryId });
  }
  await enqueueSearch(tx, 'post', postId);
  await notifyForumEvent(tx, { type: 'post.updated', threadId: target.threadId, postId, categoryId: target.categoryId });
  await logAction(tx, {
    moderatorId: by.moderatorId,
    action: 'restore_post',
    targetUserId: target.authorId,
    targetPostId: postId,
    targetThreadId: target.threadId,
    reason: by.reason ?? null,
    details: by.details ?? null,
  });
  await notifyUser(tx, target.authorId, 'post_restored', `Je bericht in "${target.title}" is weer zichtbaar.`, { postId, threadId: target.threadId });
  return true;
}
