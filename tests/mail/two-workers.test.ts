import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { openDatabase, queryRows, type Database } from '../../server/db/client.js';
import { makeUser } from '../../server/dev/factories.js';
import { enqueueMail } from '../../server/mail/outbox.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { usingRealPostgres } from '../helpers/database.js';
import { captureStream } from '../helpers/log-capture.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { addTestTemplates } from './test-templates.js';

addTestTemplates();

/**
 * Two server processes sending one outbox: on PostgreSQL two buildApp instances, each with its own pool, as two Node
 * processes would have; on PGlite (one process by nature) two apps over the same database.
 */
let t: TestApp;
let smtp: TestSmtp;
let second: { app: FastifyInstance; database: Database | null };
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
  const database = usingRealPostgres ? await openDatabase({ databaseUrl: t.database.url }) : null;
  const app = await buildApp({ config: t.config, database: database ?? t.database, logger: { level: 'error', stream: captureStream() }, mailWorker: false, searchWorker: false });
  await app.ready();
  second = { app, database };
});
afterAll(async () => {
  await second.app.close();
  await second.database?.close();
  await t.close();
  await smtp.stop();
});

describe('two mail workers on one database', () => {
  it('send every mail exactly once when they drain at the same time', async () => {
    const users = await Promise.all([1, 2, 3].map(() => makeUser(t.db)));
    for (let n = 1; n <= 30; n++) await enqueueMail(t.db, { userId: users[n % 3]!.id, kind: 'test_account', data: { n } });

    const [a, b] = await Promise.all([t.app.mail.drain(), second.app.mail.drain()]);
    expect(a.sent + b.sent).toBe(30);
    expect(a.failed + b.failed).toBe(0);
    expect(smtp.messages).toHaveLength(30);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(30);
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `Testbericht ${i + 1}`).sort());
    const [left] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from mail_outbox`);
    expect(left!.n).toBe(0);
  });
});
