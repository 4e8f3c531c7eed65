import { sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { queryRows, type Db } from '../db/client.js';
import { claimDue, deleteRows, retryLater } from '../db/outbox-lease.js';
import { mailOutbox } from '../db/schema.js';
import { SEND_TIMEOUT_SECONDS, type MailTransport } from './transport.js';
import type { MailTemplate, MailUser, RenderedMail } from './types.js';
import { unsubscribeToken } from './unsubscribe.js';
import { DrainLoop } from '../db/drain-loop.js';

/**
 * Sends mail_outbox. Each round claims a batch of due rows with a lease (db/outbox-lease.ts), loads their members as
 * they are now, renders each row with the template of its kind and hands it to the transport; a row is deleted only
 * after the transport accepted its mail, so a crash or a mail server that is down loses nothing (at worst, a crash
 * between acceptance and the delete sends one mail again, with the same Message-ID).
 *
 * Two processes never send one row: a row is claimed by one UPDATE … FOR UPDATE SKIP LOCKED, and a send is only
 * started while the row's lease has at least SEND_TIMEOUT_SECONDS left (the transport's SMTP timeouts), so no send
 * outlives its lease; rows of the batch that are not reached in time are handed back at once.
 *
 * Rows dropped without sending: the member is gone or has no address, the kind has no template (a bug, logged once
 * per kind), or the template answered null (nothing left to say).
 */

interface MailRow {
  id: number;
  user_id: number;
  kind: string;
  data: Record<string, unknown> | null;
  thread_id: number | null;
  attempts: number;
}

/** The worker logs warnings only (a failed send, a kind without a template); Fastify's logger fits. */
export interface MailLog {
  warn(obj: object, msg: string): void;
}

export interface MailDrainResult {
  /** Mails the transport accepted (their rows deleted). */
  sent: number;
  /** Rows deleted without a mail: no member or address, no template, or the template answered null. */
  dropped: number;
  /** Rows that failed and wait for their next attempt (30 s, 1 min, 2 min … at most 1 h). */
  failed: number;
}

export interface MailBacklog {
  count: number;
  failing: number;
  lateSeconds: number;
}

export interface MailWorkerOptions {
  batchSize?: number;
  pollMs?: number;
  leaseSeconds?: number;
}

/** Backoff after a failed try: 30 s · 2^attempts, at most an hour. */
const BACKOFF = { baseSeconds: 30, maxSeconds: 3600 };

export class MailWorker {
  private readonly batchSize: number;
  private readonly leaseSeconds: number;
  private readonly loop: DrainLoop<MailDrainResult>;
  private readonly unknownKinds = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly templates: Readonly<Record<string, MailTemplate>>,
    private readonly transport: MailTransport,
    private readonly log: MailLog,
    options: MailWorkerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 20;
    this.loop = new DrainLoop((now) => this.drainNow(now), options.pollMs ?? 1000, (err: unknown) => this.log.warn({ err }, 'mail outbox: drain failed'));
    // Room for the whole batch at the slowest send, so a batch is normally finished well inside its lease.
    this.leaseSeconds = options.leaseSeconds ?? Math.max(300, 2 * SEND_TIMEOUT_SECONDS);
    if (this.leaseSeconds <= SEND_TIMEOUT_SECONDS) throw new Error('mail worker: the lease must be longer than one send');
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling and waits for a drain that is running. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Sends every due mail; `now` lets tests step past a delay or a backoff. Drains in this process run one after the other. */
  drain(options: { now?: Date } = {}): Promise<MailDrainResult> {
    return this.loop.drain(options.now);
  }

  /**
   * What waits: every row (`count`), the rows whose last try failed (`failing`), and how long the longest-due row has
   * been due (`lateSeconds`). Rows held back on purpose (a batching delay) are not late.
   */
  async backlog(): Promise<MailBacklog> {
    const [row] = await queryRows<MailBacklog>(
      this.db,
      sql`select count(*)::int as count,
                 (count(*) filter (where attempts > 0))::int as failing,
                 coalesce(extract(epoch from (now() - min(next_attempt_at) filter (where next_attempt_at <= now()))), 0)::float8 as "lateSeconds"
            from mail_outbox`,
    );
    return row ?? { count: 0, failing: 0, lateSeconds: 0 };
  }

  private async drainNow(fixedNow?: Date): Promise<MailDrainResult> {
    const total: MailDrainResult = { sent: 0, dropped: 0, failed: 0 };
    for (;;) {
      const now = fixedNow ?? new Date();
      const claimedAt = Date.now();
      const rows = await claimDue<MailRow>(this.db, mailOutbox, sql`id::int as id, user_id, kind, data, thread_id, attempts`, {
        now,
        limit: this.batchSize,
        leaseSeconds: this.leaseSeconds,
      });
      if (rows.length === 0) return total;
      const users = await this.loadUsers(rows.map((r) => r.user_id));
      for (const [index, row] of rows.entries()) {
        // Real time, not `now`: the lease runs on the clock even when a test fixes `now`.
        const leaseLeft = this.leaseSeconds - (Date.now() - claimedAt) / 1000;
        if (leaseLeft < SEND_TIMEOUT_SECONDS || this.loop.closing) {
          await this.handBack(rows.slice(index), now);
          return total;
        }
        const outcome = await this.handle(row, users.get(row.user_id), now);
        total[outcome === 'refused' ? 'failed' : outcome] += 1;
        // The mail server refused or did not answer: the rest of the batch would most likely fail the same way.
        if (outcome === 'refused') {
          await this.handBack(rows.slice(index + 1), now);
          return total;
        }
      }
      if (this.loop.closing) return total;
    }
  }

  /** 'failed': this row's template threw; 'refused': the transport did not accept the mail. */
  private async handle(row: MailRow, user: MailUser | undefined, now: Date): Promise<keyof MailDrainResult | 'refused'> {
    if (!user || user.email === '') {
      await deleteRows(this.db, mailOutbox, [row.id]);
      return 'dropped';
    }
    // Own keys only: a kind such as 'constructor' must not find Object.prototype's.
    const template = Object.hasOwn(this.templates, row.kind) ? this.templates[row.kind] : undefined;
    if (!template) {
      if (!this.unknownKinds.has(row.kind)) {
        this.unknownKinds.add(row.kind);
        this.log.warn({ kind: row.kind }, 'mail outbox: no template for this kind; its mail is dropped');
      }
      await deleteRows(this.db, mailOutbox, [row.id]);
      return 'dropped';
    }
    let rendered: RenderedMail | null;
    try {
      rendered = await template({ db: this.db, config: this.config, user, data: row.data ?? {}, threadId: row.thread_id, url: this.url });
    } catch (err) {
      this.log.warn({ err, id: row.id, kind: row.kind, attempts: row.attempts + 1 }, 'mail outbox: a template failed; retrying later');
      await retryLater(this.db, mailOutbox, [row.id], now, BACKOFF);
      return 'failed';
    }
    if (rendered === null) {
      await deleteRows(this.db, mailOutbox, [row.id]);
      return 'dropped';
    }
    const unsubscribeUrl =
      rendered.unsubscribe === undefined
        ? null
        : this.url(`/api/mail/unsubscribe?token=${unsubscribeToken(this.config.sessionSecret, { userId: user.id, kind: rendered.unsubscribe })}`);
    try {
      await this.transport.send({ id: row.id, to: user.email, rendered, unsubscribeUrl });
    } catch (err) {
      // The error's message can hold the address (a refused recipient); the log serializer keeps only its code.
      this.log.warn({ err, id: row.id, kind: row.kind, attempts: row.attempts + 1 }, 'mail outbox: sending failed; retrying later');
      await retryLater(this.db, mailOutbox, [row.id], now, BACKOFF);
      return 'refused';
    }
    await deleteRows(this.db, mailOutbox, [row.id]);
    return 'sent';
  }

  private readonly url = (path: string): string => new URL(path, this.config.mail.siteUrl).toString();

  /** Claimed rows not tried: due again at once, attempts unchanged, for this or another process. */
  private async handBack(rows: MailRow[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    await this.db.execute(
      sql`update mail_outbox set next_attempt_at = ${now.toISOString()}::timestamptz
           where id in (select jsonb_array_elements_text(${JSON.stringify(rows.map((r) => r.id))}::jsonb)::bigint)`,
    );
  }

  private async loadUsers(ids: number[]): Promise<Map<number, MailUser>> {
    const rows = await queryRows<MailUser>(
      this.db,
      sql`select id, email, display_name as "displayName", status, role, representative_verified as "representativeVerified",
                  totp_enabled_at as "totpEnabledAt" from users
           where id in (select jsonb_array_elements_text(${JSON.stringify([...new Set(ids)])}::jsonb)::int)`,
    );
    return new Map(rows.map((u) => [u.id, u]));
  }
}
