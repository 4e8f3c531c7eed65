import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';

/**
 * users.last_seen_at: when a member was last here (a signed-in request, a live socket opening or sending). The
 * notification mail (templates/notification-mail.ts) is not sent for what she was here to see after it happened.
 *
 * Written at most once a minute per member and process: an in-memory map of the last write, and the value her
 * session loaded with her row (so a member seen by another process a moment ago is not written again). The write
 * is one UPDATE that the request never waits for; a failure is logged and the next request tries again.
 */

/** How stale last_seen_at may get while she is here. The mail waits a minute, so it is still told the truth. */
export const LAST_SEEN_INTERVAL_MS = 60_000;
/** Above this many remembered members, entries older than the interval are forgotten (they would be written anyway). */
const PRUNE_ABOVE = 10_000;

export interface LastSeenLog {
  warn(obj: object, msg: string): void;
}

export class LastSeenTracker {
  private readonly written = new Map<number, number>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: DbOrTx,
    private readonly log: LastSeenLog,
    /** The time it writes; tests move it past the interval instead of waiting a minute. */
    public clock: () => number = Date.now,
  ) {}

  /**
   * She is here now. `known` is last_seen_at as already loaded with her (the session's row), when there is one.
   * Never throws and never makes the caller wait.
   */
  touch(userId: number, known?: Date | null): void {
    const now = this.clock();
    const last = Math.max(this.written.get(userId) ?? 0, known?.getTime() ?? 0);
    if (now - last < LAST_SEEN_INTERVAL_MS) return;
    if (this.written.size >= PRUNE_ABOVE) this.prune(now);
    this.written.set(userId, now);
    const write = this.db
      .execute(
        // greatest(): a slower write from another process never moves it back.
        sql`update users set last_seen_at = greatest(last_seen_at, ${new Date(now).toISOString()}::timestamptz) where id = ${userId}`,
      )
      .then(
        () => undefined,
        (err: unknown) => {
          // Forget the write, so the next request tries again.
          if (this.written.get(userId) === now) this.written.delete(userId);
          this.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'last_seen_at not written');
        },
      );
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
  }

  /** Waits for the writes under way: before the database closes, and in tests before they look. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private prune(now: number): void {
    for (const [userId, at] of this.written) if (now - at >= LAST_SEEN_INTERVAL_MS) this.written.delete(userId);
  }
}
