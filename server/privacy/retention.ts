import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { purgeUnconfirmedRegistrations } from '../auth/email-confirmation.js';
import { queryRows, type Db } from '../db/client.js';

/**
 * How long Plein keeps what it keeps without need (AVG art. 5(1)(e), storage limitation): one list of rules, run by the
 * privacy plugin at start and then every RETENTION_INTERVAL_MS (and by its tests with a chosen `now`). Each rule says
 * why its period is what it is; the privacy statement (client/src/pages/privacy-statement.tsx) says the same to members.
 * What is not here is kept while the account exists (her profile, posts, bookmarks …) or for good (the moderation
 * log, which names a deleted account no longer: migration 0007).
 */

const DAY_MS = 24 * 3600_000;

/** How often the round runs. Nothing here is urgent to the minute. */
export const RETENTION_INTERVAL_MS = 3600_000;

/** A session is useless once expired (idle 14 days or 30 days after login, auth/session-lifetime.ts): no grace. */
export const EXPIRED_SESSIONS_AFTER_MS = 0;
/** A password-reset or address link works once and for hours; used or expired, the row only says she asked. A day lets a "link used" answer stay right for a late click. */
export const ACCOUNT_TOKENS_AFTER_MS = DAY_MS;
/** A used recovery code only counts against the ten: gone after a month, the list then shows what is left. */
export const USED_RECOVERY_CODES_AFTER_MS = 30 * DAY_MS;
/** Where she stopped reading a thread she has not opened for a year: of no use to her any more (she sees the thread as one she never opened), and a record of what she read. */
export const READ_MARKERS_AFTER_MS = 365 * DAY_MS;
/** Read notifications older than a year: she has seen them; the forum itself keeps what they were about. */
export const READ_NOTIFICATIONS_AFTER_MS = 365 * DAY_MS;
/** When she was last mailed about a thread is needed for 15 minutes (mail-schedule.ts); a month leaves room to look into a complaint about mail. */
export const MAIL_THREAD_LOG_AFTER_MS = 30 * DAY_MS;
/** Mail that could not be sent in 30 days will not be: its row (her address through user_id, the mail's data) goes. */
export const UNSENT_MAIL_AFTER_MS = 30 * DAY_MS;
/** Sent mail written as .eml files (no SMTP_URL: a trial or development): a copy of what was mailed, a month at most. */
export const MAIL_FILES_AFTER_MS = 30 * DAY_MS;
/** A ready export expires after 7 days (exports.ts) and goes then; a failed one a week after it was asked for. */
export const FAILED_EXPORTS_AFTER_MS = 7 * DAY_MS;

const before = (now: Date, ms: number) => sql`${new Date(now.getTime() - ms).toISOString()}::timestamptz`;

/** Each rule deletes and answers how many rows went. */
const RULES = {
  sessions: (now) => sql`delete from sessions where expires_at < ${before(now, EXPIRED_SESSIONS_AFTER_MS)}`,
  accountTokens: (now) =>
    sql`delete from account_tokens where (used_at < ${before(now, ACCOUNT_TOKENS_AFTER_MS)}) or expires_at < ${before(now, ACCOUNT_TOKENS_AFTER_MS)}`,
  recoveryCodes: (now) => sql`delete from recovery_codes where used_at < ${before(now, USED_RECOVERY_CODES_AFTER_MS)}`,
  readMarkers: (now) => sql`delete from thread_reads where updated_at < ${before(now, READ_MARKERS_AFTER_MS)}`,
  readNotifications: (now) => sql`delete from notifications where read_at < ${before(now, READ_NOTIFICATIONS_AFTER_MS)}`,
  mailThreadLog: (now) => sql`delete from mail_thread_log where last_sent_at < ${before(now, MAIL_THREAD_LOG_AFTER_MS)}`,
  unsentMail: (now) => sql`delete from mail_outbox where created_at < ${before(now, UNSENT_MAIL_AFTER_MS)}`,
  exports: (now) =>
    sql`delete from data_exports where expires_at <= ${now.toISOString()}::timestamptz
          or (status = 'failed' and created_at < ${before(now, FAILED_EXPORTS_AFTER_MS)})`,
} satisfies Record<string, (now: Date) => SQL>;

export type RetentionResult = Record<keyof typeof RULES | 'unconfirmedRegistrations' | 'mailFiles', number>;

/** .eml files older than MAIL_FILES_AFTER_MS in the mail folder (none when mail goes over SMTP). */
async function purgeMailFiles(dir: string, now: Date): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.eml')) continue;
    const file = join(dir, name);
    if ((await stat(file)).mtimeMs < now.getTime() - MAIL_FILES_AFTER_MS) {
      await unlink(file);
      removed++;
    }
  }
  return removed;
}

/** One round of every rule; `now` for tests. */
export async function runRetention(db: Db, options: { mailDir: string; now?: Date }): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const result = {} as Record<string, number>;
  for (const [name, rule] of Object.entries(RULES)) {
    const [row] = await queryRows<{ n: number }>(db, sql`with gone as (${rule(now)} returning 1) select count(*)::int as n from gone`);
    result[name] = row!.n;
  }
  // Registrations never confirmed whose links all expired: the rule lives with the registration code that knows a link's lifetime.
  result.unconfirmedRegistrations = await purgeUnconfirmedRegistrations(db, now);
  result.mailFiles = await purgeMailFiles(options.mailDir, now);
  return result as RetentionResult;
}
