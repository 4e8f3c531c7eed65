import { and, count, countDistinct, eq, isNull, sql } from 'drizzle-orm';
import type { ThreadImpact } from '../../shared/api/moderation.js';
import type { DbOrTx, Tx } from '../db/client.js';
import { posts, threads } from '../db/schema.js';
import { publish } from '../events/publish.js';
import { countThread, uncountThread } from './counters.js';
import { openingPostId } from './queries.js';
import { postReadByMembersCondition } from './visibility.js';

/**
 * Hiding a whole thread from members and showing it again: the forum's side of moderation's most far-reaching
 * act, in the caller's transaction. It takes every post along (forum/visibility.ts), so moderation first shows
 * what it would take (threadImpact) and asks for a reason; hiding one post never does this (post-hiding.ts).
 */

/** What hiding a thread takes away from members: its posts they read, and how many members wrote them. */
export async function threadImpact(db: DbOrTx, threadId: number): Promise<ThreadImpact> {
  const [row] = await db
    .select({ posts: count(), members: countDistinct(posts.authorId) })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), postReadByMembersCondition()));
  return { posts: row?.posts ?? 0, members: row?.members ?? 0 };
}

/** The thread that was hidden or shown again, as moderation needs it for its log row and its message to the starter. */
export interface HiddenThread {
  threadId: number;
  authorId: number;
  categoryId: number;
  title: string;
  openingPostId: number | null;
  impact: ThreadImpact;
}

/** Sets or clears threads.hidden_at; null when there is no such (undeleted) thread or it already was so. */
async function setHidden(tx: Tx, threadId: number, hidden: boolean): Promise<HiddenThread | null> {
  // Locks the thread: concurrent hides, restores, moves and deletes of one thread take turns.
  const [thread] = await tx
    .select({ authorId: threads.authorId, categoryId: threads.categoryId, title: threads.title, hiddenAt: threads.hiddenAt })
    .from(threads)
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)))
    .for('update');
  if (!thread || (thread.hiddenAt !== null) === hidden) return null;
  await tx
    .update(threads)
    .set({ hiddenAt: hidden ? sql`now()` : null })
    .where(eq(threads.id, threadId));
  if (hidden) await uncountThread(tx, thread.categoryId);
  else await countThread(tx, thread.categoryId);
  await publish(tx, { type: 'thread.updated', threadId, categoryId: thread.categoryId, changed: ['hidden', 'counts'] });
  return { threadId, authorId: thread.authorId, categoryId: thread.categoryId, title: thread.title, openingPostId: await openingPostId(tx, threadId), impact: await threadImpact(tx, threadId) };
}

export const hideThread = (tx: Tx, threadId: number) => setHidden(tx, threadId, true);
export const restoreThread = (tx: Tx, threadId: number) => setHidden(tx, threadId, false);

