import type { Tx } from '../db/client.js';
import { searchOutbox } from '../db/schema.js';

/**
 * Tells the search index, through the outbox, that a post (or every post of a thread) changed.
 * Written in the caller's transaction: the change and the note about it commit together or not at all.
 */
export async function enqueueSearch(tx: Tx, kind: 'post' | 'thread', targetId: number): Promise<void> {
  await tx.insert(searchOutbox).values({ kind, targetId });
}
