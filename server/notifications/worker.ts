import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { backlog, claimDue, deleteRows, retryLater } from '../db/outbox-lease.js';
import { notificationOutbox } from '../db/schema.js';
import type { ForumChange } from '../events/types.js';
import { notifyNotificationsChanged } from '../live/notify.js';
import { deliverReminders } from '../bookmarks/reminders.js';
import { expandAcknowledgement } from './acknowledgements.js';
import { expandChange } from './expand.js';
import { expandMessage } from './messages.js';
import { expandHelpdesk } from './helpdesk.js';
import { scheduleHelpdeskMail } from '../helpdesk/mail.js';
import { scheduleMessageMail } from '../conversations/mail.js';
import { scheduleNotificationMail } from './mail-schedule.js';
import { DrainLoop } from '../db/drain-loop.js';

interface OutboxRow {
  id: number;
  change: ForumChange;
  attempts: number;
}

export interface WorkerLog {
  warn(obj: object, msg: string): void;
}

export interface NotificationDrainResult {
  /** Outbox rows handled and deleted. */
  processed: number;
  /** Notifications made or added to (a group growing counts once per event). */
  notified: number;
  /** True when a row failed; it waits for its next attempt (backoff 1 s … 5 min). */
  failed: boolean;
}

export interface NotificationWorkerOptions {
  batchSize?: number;
  pollMs?: number;
  leaseSeconds?: number;
}

/**
 * Drains notification_outbox (written by publish() in the forum write's transaction, events/notification-outbox.ts)
 * into notifications. Rows are claimed with a lease (db/outbox-lease.ts), so several processes work side by side.
 * Each row is then done in one transaction of its own: its notifications (expand.ts), the live event for their
 * receivers, their mail (mail-schedule.ts) and the deletion of the row commit together, so a change is notified
 * exactly once even when a process dies halfway; a failing row backs off without holding up the others.
 */
/** A reminder is for a day, not a second: looking for due ones twice a minute is soon enough. */
const REMINDER_EVERY_MS = 30_000;

export class NotificationWorker {
  private readonly batchSize: number;
  private readonly leaseSeconds: number;
  private readonly loop: DrainLoop<NotificationDrainResult>;
  private remindersAt = 0;

  constructor(
    private readonly db: Db,
    private readonly log: WorkerLog,
    options: NotificationWorkerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.loop = new DrainLoop((now) => this.drainNow(now), options.pollMs ?? 500, (err: unknown) => this.log.warn({ err }, 'notification outbox: drain failed'));
    this.leaseSeconds = options.leaseSeconds ?? 60;
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling and waits for a drain that is running. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Handles every due row; `now` lets tests step past a backoff without waiting. */
  drain(options: { now?: Date } = {}): Promise<NotificationDrainResult> {
    return this.loop.drain(options.now);
  }

  private async drainNow(fixedNow?: Date): Promise<NotificationDrainResult> {
    const total: NotificationDrainResult = { processed: 0, notified: 0, failed: false };
    // Bookmark reminders come due by time, not by a change: delivered every REMINDER_EVERY_MS (a test's fixed `now`: every drain).
    if (fixedNow || Date.now() - this.remindersAt >= REMINDER_EVERY_MS) {
      this.remindersAt = Date.now();
      total.notified += await deliverReminders(this.db, fixedNow ?? new Date());
    }
    for (;;) {
      const now = fixedNow ?? new Date();
      const rows = await claimDue<OutboxRow>(this.db, notificationOutbox, sql`id::int as id, change, attempts`, {
        now,
        limit: this.batchSize,
        leaseSeconds: this.leaseSeconds,
      });
      if (rows.length === 0) return total;
      for (const row of rows) {
        try {
          total.notified += await this.handle(row);
          total.processed += 1;
        } catch (err) {
          this.log.warn({ err, attempts: row.attempts + 1 }, 'notification outbox: a change failed; retrying later');
          await retryLater(this.db, notificationOutbox, [row.id], now, { baseSeconds: 1, maxSeconds: 300 });
          total.failed = true;
        }
      }
      // A failed row is not due again at this `now`; a test's fixed `now` must not loop over it.
      if (this.loop.closing || total.failed) return total;
    }
  }

  private handle(row: OutboxRow): Promise<number> {
    return this.db.transaction(async (tx) => {
      const made = await expandChange(tx, row.change);
      const acknowledged = await expandAcknowledgement(tx, row.change);
      const messaged = await expandMessage(tx, row.change);
      const asked = await expandHelpdesk(tx, row.change);
      const told = [...made.map((m) => m.userId), ...acknowledged, ...messaged.map((m) => m.userId), ...asked.map((m) => m.userId)];
      await notifyNotificationsChanged(tx, [...new Set(told)]);
      await scheduleNotificationMail(tx, made);
      await scheduleMessageMail(tx, messaged);
      await scheduleHelpdeskMail(tx, asked);
      await deleteRows(tx, notificationOutbox, [row.id]);
      return told.length;
    });
  }

  /** How many changes wait, and how old the oldest is. */
  backlog(): Promise<{ count: number; oldestSeconds: number }> {
    return backlog(this.db, notificationOutbox);
  }
}
