import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../db/client.js';
import { ANALYSIS_VERSION } from './analysis/index.js';

const KEY = 'analyzer';

/**
 * The index holds the terms of the Dutch analysis that wrote it. When that is not this code's ANALYSIS_VERSION (a
 * new analysis, or a database just migrated to application-written tsvectors), every post is queued in the outbox
 * and the version recorded, in one transaction: the row lock makes a second server starting at the same moment wait
 * and then find the version already recorded, so the posts are queued once. The outbox worker does the rest while
 * the forum runs; until it has, search finds what the old terms still match.
 */
export async function reindexIfAnalysisChanged(db: Db, log: { info(obj: object, msg: string): void }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into search_state (key, value) values (${KEY}, '') on conflict (key) do nothing`);
    const [row] = await queryRows<{ value: string }>(tx, sql`select value from search_state where key = ${KEY} for update`);
    if (row?.value === ANALYSIS_VERSION) return;
    const [queued] = await queryRows<{ n: number }>(
      tx,
      sql`with q as (insert into search_outbox (kind, target_id) select 'post', id from posts order by id returning 1) select count(*)::int as n from q`,
    );
    await recordAnalysisVersion(tx);
    log.info({ from: row?.value || null, to: ANALYSIS_VERSION, posts: queued?.n ?? 0 }, 'search: the Dutch analysis changed; every post queued for reindexing');
  });
}

/** After a full reindex (reindex.ts) or at the switch above: the index now holds this version's terms. */
export async function recordAnalysisVersion(db: DbOrTx): Promise<void> {
  await db.execute(sql`insert into search_state (key, value) values (${KEY}, ${ANALYSIS_VERSION}) on conflict (key) do update set value = excluded.value`);
}
