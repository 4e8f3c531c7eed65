import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import {
  ACCOUNT_TOKENS_AFTER_MS,
  FAILED_EXPORTS_AFTER_MS,
  MAIL_FILES_AFTER_MS,
  MAIL_THREAD_LOG_AFTER_MS,
  READ_MARKERS_AFTER_MS,
  READ_NOTIFICATIONS_AFTER_MS,
  runRetention,
  UNSENT_MAIL_AFTER_MS,
  USED_RECOVERY_CODES_AFTER_MS,
} from '../../server/privacy/retention.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/**
 * Each retention rule deletes what is past its period and keeps what is not. Times are set explicitly around a fixed
 * `now` (a minute either side of the limit); the round runs with that `now`, so nothing waits.
 */
let t: TestApp;
let mailDir: string;
const now = new Date('2026-06-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MINUTE = 60_000;
/** Just past the period, and just within it. */
const old = (period: number) => ago(period + MINUTE);
const recent = (period: number) => ago(period - MINUTE);

beforeAll(async () => {
  t = await buildTestApp();
  mailDir = mkdtempSync(join(tmpdir(), 'plein-retention-'));
});
afterAll(async () => {
  await t.close();
  rmSync(mailDir, { recursive: true, force: true });
});

const ids = async (query: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(t.db, query)).map((r) => String(r.id)).sort();
const run = () => runRetention(t.db, { mailDir, now });

describe('the retention round', () => {
  it('deletes expired sessions and keeps running ones', async () => {
    const user = await makeUser(t.db);
    await t.db.execute(sql`insert into sessions (id_hash, user_id, data, expires_at) values
      ('ret-old', ${user.id}, '{}', ${ago(MINUTE)}), ('ret-new', ${user.id}, '{}', ${ago(-MINUTE)})`);
    await run();
    expect(await ids(sql`select id_hash as id from sessions where id_hash like 'ret-%'`)).toEqual(['ret-new']);
  });

  it('deletes account tokens a day after they were used or expired, and keeps the rest', async () => {
    const user = await makeUser(t.db);
    const future = ago(-3600_000);
    await t.db.execute(sql`insert into account_tokens (token_hash, user_id, purpose, expires_at, used_at) values
      ('tok-used-old', ${user.id}, 'password_reset', ${future}, ${old(ACCOUNT_TOKENS_AFTER_MS)}),
      ('tok-used-new', ${user.id}, 'password_reset', ${future}, ${recent(ACCOUNT_TOKENS_AFTER_MS)}),
      ('tok-expired-old', ${user.id}, 'email_confirm', ${old(ACCOUNT_TOKENS_AFTER_MS)}, null),
      ('tok-expired-new', ${user.id}, 'email_confirm', ${recent(ACCOUNT_TOKENS_AFTER_MS)}, null),
      ('tok-live', ${user.id}, 'password_reset', ${future}, null)`);
    await run();
    expect(await ids(sql`select token_hash as id from account_tokens where token_hash like 'tok-%'`)).toEqual(['tok-expired-new', 'tok-live', 'tok-used-new']);
  });

  it('deletes used recovery codes after a month and keeps unused ones', async () => {
    const user = await makeUser(t.db);
    await t.db.execute(sql`insert into recovery_codes (user_id, code_hash, used_at) values
      (${user.id}, 'rc-old', ${old(USED_RECOVERY_CODES_AFTER_MS)}), (${user.id}, 'rc-new', ${recent(USED_RECOVERY_CODES_AFTER_MS)}), (${user.id}, 'rc-unused', null)`);
    await run();
    expect(await ids(sql`select code_hash as id from recovery_codes where user_id = ${user.id}`)).toEqual(['rc-new', 'rc-unused']);
  });

  it('deletes read markers untouched for a year', async () => {
    const author = await makeUser(t.db);
    const user = await makeUser(t.db);
    const a = await makeThread(t.db, author);
    const b = await makeThread(t.db, author);
    await t.db.execute(sql`insert into thread_reads (user_id, thread_id, last_read_post_id, updated_at) values
      (${user.id}, ${a.threadId}, ${a.postId}, ${old(READ_MARKERS_AFTER_MS)}), (${user.id}, ${b.threadId}, ${b.postId}, ${recent(READ_MARKERS_AFTER_MS)})`);
    await run();
    expect(await ids(sql`select thread_id as id from thread_reads where user_id = ${user.id}`)).toEqual([String(b.threadId)]);
  });

  it('deletes notifications read over a year ago, keeps unread and recently read ones', async () => {
    const user = await makeUser(t.db);
    await t.db.execute(sql`insert into notifications (user_id, kind, message, read_at, created_at) values
      (${user.id}, 'account_approved', 'oud', ${old(READ_NOTIFICATIONS_AFTER_MS)}, ${old(READ_NOTIFICATIONS_AFTER_MS)}),
      (${user.id}, 'account_approved', 'recent', ${recent(READ_NOTIFICATIONS_AFTER_MS)}, ${old(READ_NOTIFICATIONS_AFTER_MS)}),
      (${user.id}, 'account_approved', 'ongelezen', null, ${old(READ_NOTIFICATIONS_AFTER_MS)})`);
    await run();
    expect(await ids(sql`select message as id from notifications where user_id = ${user.id}`)).toEqual(['ongelezen', 'recent']);
  });

  it('deletes the mail log and unsendable mail after a month', async () => {
    const user = await makeUser(t.db);
    const a = await makeThread(t.db, user);
    const b = await makeThread(t.db, user);
    await t.db.execute(sql`insert into mail_thread_log (user_id, thread_id, last_sent_at) values
      (${user.id}, ${a.threadId}, ${old(MAIL_THREAD_LOG_AFTER_MS)}), (${user.id}, ${b.threadId}, ${recent(MAIL_THREAD_LOG_AFTER_MS)})`);
    await t.db.execute(sql`insert into mail_outbox (user_id, kind, data, created_at, next_attempt_at) values
      (${user.id}, 'account_approved', '{"n":"old"}', ${old(UNSENT_MAIL_AFTER_MS)}, ${ago(-3600_000)}),
      (${user.id}, 'account_approved', '{"n":"new"}', ${recent(UNSENT_MAIL_AFTER_MS)}, ${ago(-3600_000)})`);
    await run();
    expect(await ids(sql`select thread_id as id from mail_thread_log where user_id = ${user.id}`)).toEqual([String(b.threadId)]);
    expect(await ids(sql`select data->>'n' as id from mail_outbox where user_id = ${user.id}`)).toEqual(['new']);
  });

  it('deletes expired exports and failed ones after a week, keeps the rest', async () => {
    const user = await makeUser(t.db);
    await t.db.execute(sql`insert into data_exports (user_id, status, content, ready_at, expires_at, created_at) values
      (${user.id}, 'ready', 'expired', ${ago(8 * 86_400_000)}, ${ago(MINUTE)}, ${ago(8 * 86_400_000)}),
      (${user.id}, 'ready', 'valid', ${ago(86_400_000)}, ${ago(-MINUTE)}, ${ago(86_400_000)}),
      (${user.id}, 'failed', 'failed-old', null, null, ${old(FAILED_EXPORTS_AFTER_MS)}),
      (${user.id}, 'failed', 'failed-new', null, null, ${recent(FAILED_EXPORTS_AFTER_MS)}),
      (${user.id}, 'pending', 'pending', null, null, ${old(FAILED_EXPORTS_AFTER_MS)})`);
    await run();
    expect(await ids(sql`select content as id from data_exports where user_id = ${user.id}`)).toEqual(['failed-new', 'pending', 'valid']);
  });

  it('deletes mail files older than a month and leaves other files alone', async () => {
    const write = (name: string, ageMs: number) => {
      const file = join(mailDir, name);
      writeFileSync(file, 'mail');
      const at = new Date(now.getTime() - ageMs);
      utimesSync(file, at, at);
    };
    write('old.eml', MAIL_FILES_AFTER_MS + MINUTE);
    write('new.eml', MAIL_FILES_AFTER_MS - MINUTE);
    write('notes.txt', MAIL_FILES_AFTER_MS + MINUTE);
    const result = await run();
    expect(result.mailFiles).toBe(1);
    expect(readdirSync(mailDir).sort()).toEqual(['new.eml', 'notes.txt']);
  });

  it('is what the app runs: app.privacy.retention counts what each rule deleted', async () => {
    const user = await makeUser(t.db);
    await t.db.execute(sql`insert into sessions (id_hash, user_id, data, expires_at) values ('ret-app', ${user.id}, '{}', ${ago(MINUTE)})`);
    const result = await t.app.privacy.retention({ now });
    expect(result.sessions).toBeGreaterThanOrEqual(1);
    expect(Object.keys(result).sort()).toEqual(['accountTokens', 'exports', 'mailFiles', 'mailThreadLog', 'readMarkers', 'readNotifications', 'recoveryCodes', 'sessions', 'unconfirmedRegistrations', 'unsentMail']);
  });
});
