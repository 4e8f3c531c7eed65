import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { backlog, claimDue, deleteRows, retryLater } from '../db/outbox-lease.js';
import { searchOutbox } from '../db/schema.js';
import { postIdsOfThreads } from './documents.js';
import type { SearchIndex } from './types.js';
import { DrainLoop } from '../db/drain-loop.js';

interface OutboxRow {
  id: number;
  kind: 'post' | 'thread';
  target_id: number;
  attempts: number;
}

/** The one thing the worker logs: a refused batch (a warning, since it is retried). Fastify's logger fits. */
export interface OutboxLog {
  warn(obj: object, msg: string): void;
}

export interface DrainResult {
  /** Outbox rows handled and deleted. */
  processed: number;
  indexed: number;
  removed: number;
  /** True when the engine refused a batch; its rows wait for their next attempt. */
  failed: boolean;
}

export interface OutboxOptions {
  batchSize?: number;
  pollMs?: number;
  /** How long a claimed batch is reserved for this worker; after that another may take it over. */
  leaseSeconds?: number;
}

/**
 * Drains search_outbox into the search index. Rows are claimed with a lease (db/outbox-lease.ts: UPDATE … WHERE
 * id IN (SELECT … FOR UPDATE SKIP LOCKED)), so several servers (and `npm run reindex`) can work side by side without
 * holding a transaction open while the engine works. For every row the engine syncs the CURRENT post (the
 * engine's `sync`), so an edit that raced an older row ends in the newer text; rows are deleted only after the
 * engine accepted the batch.
 */
export class OutboxWorker {
  private readonly batchSize: number;
  private readonly leaseSeconds: number;
  private readonly loop: DrainLoop<DrainResult>;

  constructor(
    private readonly db: Db,
    private readonly currentIndex: () => SearchIndex,
    private readonly log: OutboxLog,
    options: OutboxOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.loop = new DrainLoop((now) => this.drainNow(now), options.pollMs ?? 500, (err: unknown) => this.log.warn({ err }, 'search outbox: drain failed'));
    this.leaseSeconds = options.leaseSeconds ?? 60;
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling and waits for a drain that is running. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Processes every due row; `now` lets tests step past a backoff without waiting. */
  drain(options: { now?: Date } = {}): Promise<DrainResult> {
    return this.loop.drain(options.now);
  }

  private async drainNow(fixedNow?: Date): Promise<DrainResult> {
    const total: DrainResult = { processed: 0, indexed: 0, removed: 0, failed: false };
    for (;;) {
      const now = fixedNow ?? new Date();
      const rows = await this.claim(now);
      if (rows.length === 0) return total;
      try {
        const result = await this.process(rows);
        await deleteRows(this.db, searchOutbox, ids(rows));
        total.processed += rows.length;
        total.indexed += result.indexed;
        total.removed += result.removed;
      } catch (err) {
        const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
        this.log.warn({ err, rows: rows.length, attempts }, 'search outbox: the index refused a batch; retrying later');
        // Exponential backoff: 1, 2, 4 … seconds, at most 5 minutes.
        await retryLater(this.db, searchOutbox, ids(rows), now, { baseSeconds: 1, maxSeconds: 300 });
        total.failed = true;
        return total;
      }
      if (this.loop.closing) return total;
    }
  }

  private claim(now: Date): Promise<OutboxRow[]> {
    return claimDue<OutboxRow>(this.db, searchOutbox, sql`id::int as id, kind, target_id::int as target_id, attempts`, {
      now,
      limit: this.batchSize,
      leaseSeconds: this.leaseSeconds,
    });
  }

  private async process(rows: OutboxRow[]): Promise<{ indexed: number; removed: number }> {
    const postIds = new Set(rows.filter((r) => r.kind === 'post').map((r) => r.target_id));
    for (const id of await postIdsOfThreads(this.db, rows.filter((r) => r.kind === 'thread').map((r) => r.target_id))) postIds.add(id);
    return this.currentIndex().sync(this.db, [...postIds]);
  }

  /** How many changes wait, and how old the oldest is: readiness reports degraded when search lags. */
  backlog(): Promise<{ count: number; oldestSeconds: number }> {
    return backlog(this.db, searchOutbox);
  }
}

function ids(rows: OutboxRow[]): number[] {
  return rows.map((r) => r.id);
}
