import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from './client.js';
import type { mailOutbox, notificationOutbox, searchOutbox } from './schema.js';

/**
 * The lease pattern every outbox worker shares (search, notifications, mail): rows are claimed by moving their
 * next_attempt_at a lease ahead (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)), so several processes can
 * drain one table side by side without holding a transaction open while they work. A worker that dies leaves its
 * rows to be claimed again when the lease ends; a failed try backs off exponentially.
 */
export type OutboxTable = typeof searchOutbox | typeof notificationOutbox | typeof mailOutbox;

const idList = (ids: readonly number[]) => sql`(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint)`;

/**
 * Claims up to `limit` due rows and answers them oldest first; `returning` is the column list, with `id`, e.g.
 * sql`id::int as id, attempts`. The order is asked for again outside the UPDATE: RETURNING gives rows in the order
 * the table held them, which after earlier updates is not the order they were chosen in.
 */
export function claimDue<T>(db: DbOrTx, table: OutboxTable, returning: SQL, options: { now: Date; limit: number; leaseSeconds: number }): Promise<T[]> {
  const at = options.now.toISOString();
  return queryRows<T>(
    db,
    sql`with claimed as (
          update ${table}
             set next_attempt_at = ${at}::timestamptz + make_interval(secs => ${options.leaseSeconds})
           where id in (select id from ${table}
                         where next_attempt_at <= ${at}::timestamptz
                         order by id
                         limit ${options.limit}
                         for update skip locked)
       returning ${returning})
        select * from claimed order by id`,
  );
}

/** Deletes handled rows; inside the transaction that did their work where possible, so the work is done once. */
export async function deleteRows(db: DbOrTx, table: OutboxTable, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await db.execute(sql`delete from ${table} where id in ${idList(ids)}`);
}

/** A failed try: one more attempt, next at now + baseSeconds · 2^attempts, at most maxSeconds. */
export async function retryLater(db: DbOrTx, table: OutboxTable, ids: readonly number[], now: Date, backoff: { baseSeconds: number; maxSeconds: number }): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update ${table}
       set attempts = attempts + 1,
           next_attempt_at = ${now.toISOString()}::timestamptz
             + make_interval(secs => least(${backoff.baseSeconds}::float8 * power(2, attempts), ${backoff.maxSeconds}::float8))
     where id in ${idList(ids)}`);
}

/** How many rows wait, and how old the oldest is (readiness reports degraded when a worker lags). */
export async function backlog(db: DbOrTx, table: OutboxTable): Promise<{ count: number; oldestSeconds: number }> {
  const [row] = await queryRows<{ count: number; oldest: number | null }>(
    db,
    sql`select count(*)::int as count, extract(epoch from (now() - min(created_at)))::float8 as oldest from ${table}`,
  );
  return { count: row?.count ?? 0, oldestSeconds: row?.oldest ?? 0 };
}
