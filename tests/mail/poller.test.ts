import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { makeUser } from '../../server/dev/factories.js';
import { enqueueMail } from '../../server/mail/outbox.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { addTestTemplates } from './test-templates.js';

addTestTemplates();

/** The app as it runs (mailWorker on, as buildApp's default): the poller sends without anyone draining by hand. */
let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ env: { SMTP_URL: smtp.url }, mailWorker: true });
});
let closed = false;
afterAll(async () => {
  if (!closed) await t.close();
  else await t.database.drop();
  await smtp.stop();
});

describe('the mail poller', () => {
  it('sends queued mail by itself, and closing the app waits for the send it is doing', async () => {
    const user = await makeUser(t.db);
    await enqueueMail(t.db, { userId: user.id, kind: 'test_account', data: { n: 1 } });
    await smtp.waitFor(1);
    expect(smtp.messages[0]?.subject).toBe('Testbericht 1');

    await enqueueMail(t.db, { userId: user.id, kind: 'test_account', data: { n: 2 } });
    await smtp.waitFor(2);
    // close() stops the poller and waits for a drain in progress, which deletes a row only after its mail went out.
    await t.app.close();
    closed = true;
    const [left] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from mail_outbox`);
    expect(left!.n).toBe(0);
    expect(smtp.messages.map((m) => m.subject)).toEqual(['Testbericht 1', 'Testbericht 2']);
  });
});
