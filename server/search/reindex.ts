import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { recordAnalysisVersion } from './analyzer-version.js';
import type { OutboxWorker } from './outbox.js';

/**
 * Rebuilds the index from the database: every post goes through the outbox, in batches, and is drained at once.
 * Going through the outbox keeps it idempotent and safe while the forum runs: each post is indexed from its
 * current state, edits made meanwhile add their own rows, and a running server shares the work (SKIP LOCKED).
 */
export async function reindexAll(
  db: Db,
  worker: OutboxWorker,
  onProgress: (done: number, total: number) => void = () => {},
  batchSize = 1000,
): Promise<{ total: number; failed: boolean }> {
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from posts`);
  const total = count?.n ?? 0;
  let done = 0;
  let lastId = 0;
  let lastOutboxId = 0;
  onProgress(0, total);
  for (;;) {
    const rows = await queryRows<{ id: number; outboxId: number }>(
      db,
      sql`insert into search_outbox (kind, target_id)
          select 'post', id from posts where id > ${lastId} order by id limit ${batchSize}
          returning target_id::int as id, id::int as "outboxId"`,
    );
    if (rows.length === 0) break;
    lastId = Math.max(...rows.map((r) => r.id));
    lastOutboxId = Math.max(lastOutboxId, ...rows.map((r) => r.outboxId));
    const result = await worker.drain();
    if (result.failed) return { total, failed: true };
    done = Math.min(done + rows.length, total);
    onProgress(done, total);
  }
  const failed = !(await settled(db, worker, lastOutboxId));
  // Every post now has this version's terms: a server starting later need not queue them all again.
  if (!failed) await recordAnalysisVersion(db);
  return { total, failed };
}

/**
 * A running server's worker may hold some of our rows (SKIP LOCKED lets it share the work): reindexing is
 * finished only when every row it wrote is gone, not when our own worker finds nothing left to claim.
 */
async function settled(db: Db, worker: OutboxWorker, lastOutboxId: number, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [left] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from search_outbox where id <= ${lastOutboxId}`);
    if (!left?.n) return true;
    if (Date.now() > deadline) return false;
    const result = await worker.drain();
    if (result.failed) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
