import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { drafts } from '../db/schema.js';

/** Posting what she drafted: the draft goes, in the transaction of the post (forum/writes.ts). null: a new thread's. */
export async function discardDraft(tx: Tx, userId: number, threadId: number | null): Promise<void> {
  await tx.delete(drafts).where(and(eq(drafts.userId, userId), threadId === null ? isNull(drafts.threadId) : eq(drafts.threadId, threadId)));
}
