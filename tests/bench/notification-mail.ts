import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase, queryRows } from '../../server/db/client.js';
import { enqueueMail } from '../../server/mail/outbox.js';
import { TestClient } from '../helpers/client.js';
import { BENCH_PASSWORD, memberEmail } from './corpus.js';
import type { BenchDatabase } from './database.js';
import { skipped, type CaseResult } from './load.js';

/**
 * Two cases of the members' loop, run in this process after the HTTP server is stopped (they need the workers'
 * drains and a clock they can step, which the forked server does not offer):
 *
 * - watchers: replies in a thread with `watchers` members following it. Per reply: the POST's latency (what the
 *   writer waits for: the notification outbox row is one statement, whatever the number of watchers) and the
 *   notification worker's drain (notifications for every watcher, their live event and their mail, set-based).
 * - mail: the mail worker sending to a local SMTP sink (smtp-server, no parsing): first the notification mails the
 *   replies queued (one per watcher: each rendered from the database at send time), then plain account mails.
 */

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);
const round = (n: number) => Math.round(n * 100) / 100;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const stats = () => {
  const memory = process.memoryUsage();
  return { rssMb: mb(memory.rss), peakRssMb: mb(memory.rss), heapUsedMb: mb(memory.heapUsed), eventLoopP50Ms: 0, eventLoopP99Ms: 0, eventLoopMaxMs: 0, cpuMs: 0 };
};

/** An SMTP server that accepts and discards: the transport's real work without a parser on the other end. */
async function smtpSink(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // A reverse DNS lookup of 127.0.0.1 per connection would be measured instead of the worker.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface NotificationMailOptions {
  watchers: number;
  replies: number;
  accountMails: number;
  cases: { watchers: boolean; mail: boolean };
}

export async function runNotificationMail(target: BenchDatabase, options: NotificationMailOptions, log: (line: string) => void): Promise<CaseResult[]> {
  const sink = await smtpSink();
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.databaseUrl ? undefined : `${target.dataDir}/pglite` });
  const config = loadConfig({
    DATA_DIR: target.dataDir,
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
    SMTP_URL: sink.url,
    RATE_LIMIT_MAX: '1000000',
    RATE_LIMIT_POST_MAX: '1000000',
    SERVE_CLIENT: 'false',
    LOG_LEVEL: 'warn',
  });
  const app = await buildApp({ config, database, searchWorker: false, mailWorker: false, notificationWorker: false });
  await app.ready();
  const results: CaseResult[] = [];
  try {
    const { db } = database;
    // The watchers: members of their own (they never log in, so none of them was "seen"), following one thread.
    const [{ hash } = { hash: '' }] = await queryRows<{ hash: string }>(db, sql`select password_hash as hash from users where email = ${memberEmail(1)}`);
    await db.execute(sql`
      insert into users (email, password_hash, display_name, party, municipality, role, status, approved_at, created_at, email_confirmed_at)
      select 'volger' || g || '-' || ${Date.now()} || '@bench.example.nl', ${hash}, 'Volger ' || g || ' ' || ${Date.now().toString(36)},
             'Lokaal Belang', 'Utrecht', 'member', 'active', now() - interval '100 days', now() - interval '100 days', now() - interval '100 days'
        from generate_series(1, ${options.watchers}) g`);
    const [{ threadId } = { threadId: 0 }] = await queryRows<{ threadId: number }>(db, sql`select min(id)::int as "threadId" from threads`);
    await db.execute(sql`
      insert into thread_watches (user_id, thread_id, level)
      select id, ${threadId}, 'watching' from users where email like 'volger%@bench.example.nl'
      on conflict do nothing`);
    await app.notifications.drain();
    await app.mail.drain({ now: new Date(Date.now() + 3600_000) });

    const writer = new TestClient(app);
    const login = await writer.login(memberEmail(2), BENCH_PASSWORD);
    if (login.status !== 200) throw new Error(`bench login answered ${login.status}`);

    const requestMs: number[] = [];
    const workerMs: number[] = [];
    let notified = 0;
    for (let n = 0; n < options.replies; n++) {
      const started = performance.now();
      const res = await writer.post(`/api/threads/${threadId}/posts`, { body: `Reactie ${n} voor ${options.watchers} volgers: wij doen dit **ook** zo (${Date.now()}).` });
      requestMs.push(performance.now() - started);
      if (res.status !== 201) throw new Error(`bench reply answered ${res.status}`);
      const drained = performance.now();
      notified += (await app.notifications.drain()).notified;
      workerMs.push(performance.now() - drained);
    }
    requestMs.sort((a, b) => a - b);
    workerMs.sort((a, b) => a - b);
    if (options.cases.watchers) {
      results.push({
        name: 'watchers',
        what: `POST a reply in a thread with ${options.watchers} watchers (in-process inject); worker drain per reply`,
        connections: 1,
        requests: requestMs.length,
        rps: 0,
        p50: round(percentile(requestMs, 50)),
        p975: round(percentile(requestMs, 97.5)),
        p99: round(percentile(requestMs, 99)),
        errors: 0,
        non2xx: 0,
        ratio: null,
        server: stats(),
        extra: {
          replies: options.replies,
          notifiedPerReply: Math.round(notified / Math.max(1, options.replies)),
          workerP50Ms: round(percentile(workerMs, 50)),
          workerMaxMs: round(workerMs[workerMs.length - 1] ?? 0),
          workerMsPerWatcher: round(percentile(workerMs, 50) / options.watchers),
        },
      });
      log(`  watchers   ${options.replies} replies: request p50 ${round(percentile(requestMs, 50))} ms, worker p50 ${round(percentile(workerMs, 50))} ms for ${options.watchers} watchers`);
    }

    if (options.cases.mail) {
      // The replies queued one notification mail per watcher (one per thread, however many replies); due after a minute.
      const before = sink.received();
      let started = performance.now();
      const notificationRun = await app.mail.drain({ now: new Date(Date.now() + 16 * 60_000) });
      const notificationSeconds = (performance.now() - started) / 1000;
      // Account mail: the worker and the transport without the notification queries.
      const ids = await queryRows<{ id: number }>(db, sql`select id from users where email like 'volger%@bench.example.nl' order by id`);
      await db.transaction(async (tx) => {
        for (let i = 0; i < options.accountMails; i++) await enqueueMail(tx, { userId: ids[i % ids.length]!.id, kind: 'account_approved' });
      });
      started = performance.now();
      const accountRun = await app.mail.drain();
      const accountSeconds = (performance.now() - started) / 1000;
      const received = sink.received() - before;
      results.push({
        name: 'mail',
        what: 'mail outbox → SMTP sink: notification mails (rendered per member) then account mails',
        connections: 1,
        requests: notificationRun.sent + accountRun.sent,
        rps: Math.round((notificationRun.sent + accountRun.sent) / (notificationSeconds + accountSeconds)),
        p50: 0,
        p975: 0,
        p99: 0,
        errors: notificationRun.failed + accountRun.failed,
        non2xx: 0,
        ratio: null,
        server: stats(),
        extra: {
          notificationMails: notificationRun.sent,
          notificationMailsPerSecond: Math.round(notificationRun.sent / notificationSeconds),
          accountMails: accountRun.sent,
          accountMailsPerSecond: Math.round(accountRun.sent / accountSeconds),
          receivedBySink: received,
        },
      });
      log(`  mail       ${notificationRun.sent} notification mails in ${notificationSeconds.toFixed(1)} s, ${accountRun.sent} account mails in ${accountSeconds.toFixed(1)} s`);
    }
  } catch (error) {
    results.push(skipped('watchers', 'reply in a thread with many watchers', `failed: ${(error as Error).message}`));
  } finally {
    await app.close();
    await database.close();
    await sink.close();
  }
  return results;
}
