import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { categories, threads } from '../db/schema.js';

/**
 * The forum's two denormalized counters, and the only code that changes them:
 * threads.post_count counts the posts members can see (not hidden, not deleted), and categories.thread_count the
 * threads members can see (not hidden, not deleted). Decrements stop at zero (the columns' checks forbid less).
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

/** A post members could see is counted again (restored). */
export async function countPost(tx: Tx, threadId: number): Promise<void> {
  await tx.update(threads).set({ postCount: sql`${threads.postCount} + 1` }).where(eq(threads.id, threadId));
}

/** A post members could see is no longer counted (deleted or hidden). */
export async function uncountPost(tx: Tx, threadId: number): Promise<void> {
  await tx
    .update(threads)
    .set({ postCount: sql`greatest(${threads.postCount} - 1, 0)` })
    .where(eq(threads.id, threadId));
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
