import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { DrainLoop } from '../db/drain-loop.js';
import { centreEventSignups, users } from '../db/schema.js';
import { queryRows } from '../db/client.js';
import { enqueueMail } from '../mail/outbox.js';

/** How far ahead a training gets its reminder: "the day before". */
export const REMINDER_AHEAD = '24 hours';
/** How often each process looks for trainings that are due. */
export const REMINDER_POLL_MS = 5 * 60_000;

/**
 * Queues the day-before reminder mail of every training that starts within REMINDER_AHEAD of `now`, once: the
 * training is claimed by setting reminder_sent_at in the statement that selects it (rows another process holds are
 * skipped), and its participants' mails are queued in the same transaction. Waiting members get none (they have no
 * place); a training called off gets none. Returns how many mails were queued.
 */
export async function queueTrainingReminders(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const at = now.toISOString();
    const due = await queryRows<{ id: number }>(
      tx,
      sql`update centre_events set reminder_sent_at = ${at}::timestamptz
           where id in (select id from centre_events
                         where reminder_sent_at is null and cancelled_at is null
                           and starts_at > ${at}::timestamptz and starts_at <= ${at}::timestamptz + ${REMINDER_AHEAD}::interval
                         for update skip locked)
          returning id`,
    );
    if (due.length === 0) return 0;
    const participants = await tx
      .select({ eventId: centreEventSignups.eventId, userId: centreEventSignups.userId })
      .from(centreEventSignups)
      .innerJoin(users, and(eq(users.id, centreEventSignups.userId), eq(users.status, 'active')))
      .where(and(inArray(centreEventSignups.eventId, due.map((d) => d.id)), eq(centreEventSignups.status, 'participant')));
    for (const p of participants) await enqueueMail(tx, { userId: p.userId, kind: 'training_reminder', data: { trainingId: p.eventId } });
    return participants.length;
  });
}

export interface ReminderLog {
  warn(obj: object, msg: string): void;
}

/** Runs queueTrainingReminders every REMINDER_POLL_MS (db/drain-loop.ts: an unref'd timer, one round at a time). */
export class TrainingReminderScheduler {
  private readonly loop: DrainLoop<number>;

  constructor(db: Db, log: ReminderLog, pollMs = REMINDER_POLL_MS) {
    this.loop = new DrainLoop((now) => queueTrainingReminders(db, now ?? new Date()), pollMs, (err: unknown) =>
      log.warn({ err }, 'trainings: queueing reminders failed; trying again at the next round'),
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  run(options: { now?: Date } = {}): Promise<number> {
    return this.loop.drain(options.now);
  }
}
