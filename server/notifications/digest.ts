import { sql, type SQL } from 'drizzle-orm';
import { MAIL_KINDS } from '../../shared/constants.js';
import { queryRows, type Db } from '../db/client.js';
import { frequencySql, mailKindSql } from './mail-preferences.js';
import { DrainLoop } from '../db/drain-loop.js';

/**
 * The daily and weekly digest. Every few minutes each process runs `queueDigests`: one statement claims the members
 * whose digest is due, moves their clock (users.last_digest_at for the daily kinds, last_weekly_digest_at for the
 * weekly ones) and queues one 'digest' mail for each who has unread notifications of those kinds in the window. The
 * claim is `FOR UPDATE SKIP LOCKED` and re-checks the clock, so with several processes each member is taken once.
 *
 * Due: a member with a kind at that frequency whose last digest of it (or, never had one, her account) is a day
 * (a week) old. The window runs from her previous digest (or her account's start) to the claim, so consecutive
 * digests neither overlap nor leave a gap; only unread notifications are told, so a first digest stays short. The mail is made when sent (mail/templates/notification-mail.ts), from
 * the notifications still unread then and the kinds she still wants at that frequency.
 */

export const DIGEST_PERIOD = { daily: '24 hours', weekly: '7 days' } as const;
type Frequency = keyof typeof DIGEST_PERIOD;
const CLOCK: Record<Frequency, SQL> = { daily: sql.raw('last_digest_at'), weekly: sql.raw('last_weekly_digest_at') };
/** Members claimed per statement; a run repeats until fewer come back. */
const CLAIM_BATCH = 500;

/** Whether `u` has a kind at `frequency` whose digest is due at `now`. */
function dueSql(frequency: Frequency, now: SQL): SQL {
  const hasKind = sql`exists (select 1 from jsonb_array_elements_text(${JSON.stringify(MAIL_KINDS)}::jsonb) k(kind)
                               where ${frequencySql(sql`u.mail_preferences`, sql`k.kind`)} = ${frequency})`;
  return sql`(${hasKind} and coalesce(u.${CLOCK[frequency]}, u.created_at) <= ${now} - interval '${sql.raw(DIGEST_PERIOD[frequency])}')`;
}

/** Whether claimed member `c` has an unread notification of a kind at `frequency` that changed in the window. */
function somethingSql(frequency: Frequency, now: SQL): SQL {
  return sql`(c.${sql.raw(frequency)} and exists (
    select 1 from notifications n
     where n.user_id = c.id and n.read_at is null
       and n.updated_at > c.${sql.raw(frequency)}_since
       and n.updated_at <= ${now}
       and ${frequencySql(sql`c.mail_preferences`, mailKindSql(sql`n.kind`))} = ${frequency}))`;
}

export interface DigestRun {
  /** Members whose digest clock moved. */
  claimed: number;
  /** Digest mails queued (members with something unread in the window). */
  queued: number;
}

/** Claims every member whose digest is due at `now` and queues their digests. */
export async function queueDigests(db: Db, now: Date = new Date()): Promise<DigestRun> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const total: DigestRun = { claimed: 0, queued: 0 };
  for (;;) {
    const [row] = await queryRows<{ claimed: number; queued: number }>(
      db,
      sql`
      with due as (
        select u.id, u.mail_preferences, coalesce(u.last_digest_at, u.created_at) as daily_since,
               coalesce(u.last_weekly_digest_at, u.created_at) as weekly_since,
               ${dueSql('daily', at)} as daily, ${dueSql('weekly', at)} as weekly
          from users u
         where u.status = 'active' and (${dueSql('daily', at)} or ${dueSql('weekly', at)})
         order by u.id
         limit ${CLAIM_BATCH}
           for update of u skip locked
      ),
      c as (
        update users u
           set last_digest_at = case when due.daily then ${at} else u.last_digest_at end,
               last_weekly_digest_at = case when due.weekly then ${at} else u.last_weekly_digest_at end
          from due
         where u.id = due.id
        returning due.*
      ),
      queued as (
        insert into mail_outbox (user_id, kind, data)
        select c.id, 'digest', jsonb_build_object('sections', to_jsonb(array_remove(array[
                 case when ${somethingSql('daily', at)} then jsonb_build_object('frequency', 'daily',
                   'since', c.daily_since, 'until', ${at}) end,
                 case when ${somethingSql('weekly', at)} then jsonb_build_object('frequency', 'weekly',
                   'since', c.weekly_since, 'until', ${at}) end
               ], null)))
          from c
         where ${somethingSql('daily', at)} or ${somethingSql('weekly', at)}
        returning 1
      )
      select (select count(*) from c)::int as claimed, (select count(*) from queued)::int as queued`,
    );
    total.claimed += row?.claimed ?? 0;
    total.queued += row?.queued ?? 0;
    if ((row?.claimed ?? 0) < CLAIM_BATCH) return total;
  }
}

export interface DigestLog {
  warn(obj: object, msg: string): void;
}

/** How often each process looks for digests that are due. */
export const DIGEST_POLL_MS = 5 * 60_000;

/** Runs queueDigests every DIGEST_POLL_MS (db/drain-loop.ts: an unref'd timer, one round at a time). */
export class DigestScheduler {
  private readonly loop: DrainLoop<DigestRun>;

  constructor(
    private readonly db: Db,
    private readonly log: DigestLog,
    pollMs = DIGEST_POLL_MS,
  ) {
    this.loop = new DrainLoop((now) => queueDigests(this.db, now ?? new Date()), pollMs, (err: unknown) =>
      this.log.warn({ err }, 'digest: queueing failed; trying again at the next round'),
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One round now (or at `now`, for tests); rounds in this process run one after the other. */
  run(options: { now?: Date } = {}): Promise<DigestRun> {
    return this.loop.drain(options.now);
  }
}
