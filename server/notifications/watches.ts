import { sql } from 'drizzle-orm';
import type { CategoryWatchLevel, ThreadWatchLevel } from '../../shared/constants.js';
import type { DbOrTx } from '../db/client.js';
import { categoryWatches, threadWatches } from '../db/schema.js';

/**
 * A member's watch levels. A chosen level is always stored, Normaal included: writing in a thread makes the writer
 * follow it only when she has no row (events/notification-outbox.ts, `on conflict do nothing`), so her choice stays.
 */

export async function setThreadWatch(db: DbOrTx, userId: number, threadId: number, level: ThreadWatchLevel): Promise<void> {
  await db
    .insert(threadWatches)
    .values({ userId, threadId, level })
    .onConflictDoUpdate({ target: [threadWatches.userId, threadWatches.threadId], set: { level, updatedAt: sql`now()` } });
}

export async function setCategoryWatch(db: DbOrTx, userId: number, categoryId: number, level: CategoryWatchLevel): Promise<void> {
  await db
    .insert(categoryWatches)
    .values({ userId, categoryId, level })
    .onConflictDoUpdate({ target: [categoryWatches.userId, categoryWatches.categoryId], set: { level, updatedAt: sql`now()` } });
}
