import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import { enqueueMail } from '../../server/mail/outbox.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { addTestTemplates } from './test-templates.js';

addTestTemplates();

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Plein <forum@plein.test>', PUBLIC_ORIGIN: 'https://plein.test' } });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});
beforeEach(async () => {
  // Each test counts its own messages and rows.
  await t.db.execute(sql`delete from mail_outbox`);
  smtp.messages.length = 0;
  smtp.recipients.length = 0;
});

/** The header as sent, unfolded (mailparser turns some list headers into objects). */
const rawHeader = (mail: ParsedMail, key: string) => (mail.headerLines.find((h) => h.key === key)?.line ?? '').replace(/\r?\n\s+/g, ' ');
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);
const outboxRows = () => queryRows<{ id: number; kind: string; attempts: number }>(t.db, sql`select id::int as id, kind, attempts from mail_outbox order by id`);

describe('the mail worker over SMTP', () => {
  it('sends a queued mail with a plain-text and an HTML part, Dutch, with a Message-ID from its row, and deletes the row', async () => {
    const user = await makeUser(t.db, { displayName: 'Anna <de> Vries' });
    await enqueueMail(t.db, { userId: user.id, kind: 'test_account', data: { n: 1 } });
    const [row] = await outboxRows();

    expect(await t.app.mail.drain()).toEqual({ sent: 1, dropped: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(smtp.recipients[0]).toEqual([user.email]);
    expect(mail.subject).toBe('Testbericht 1');
    expect(mail.from?.value).toEqual([{ name: 'Plein', address: 'forum@plein.test' }]);
    expect(mail.messageId).toBe(`<mail-${row!.id}@plein.test>`);
    expect(mail.headers.get('content-language')).toBe('nl');
    expect(rawHeader(mail, 'list-unsubscribe')).toBe('');
    expect(mail.text).toContain('Hallo Anna <de> Vries,');
    expect(mail.text).toContain('Naar het forum:\nhttps://plein.test/forum');
    expect(mail.html).toContain('<html lang="nl">');
    // A member's name is text, never markup.
    expect(mail.html).toContain('Hallo Anna &lt;de&gt; Vries,');
    expect(mail.html).toContain('&lt;b&gt;niet vet&lt;/b&gt; &amp; zo.');
    expect(mail.html).not.toMatch(/<img|<script/);
    expect(await outboxRows()).toEqual([]);
  });

  it('gives notification mail a one-click List-Unsubscribe with a signed link and a footer link to the page', async () => {
    const user = await makeUser(t.db);
    await enqueueMail(t.db, { userId: user.id, kind: 'test_notice' });
    await t.app.mail.drain();
    const mail = smtp.messages[0]!;
    const link = /^List-Unsubscribe: <(.+)>$/.exec(rawHeader(mail, 'list-unsubscribe'))?.[1];
    expect(link).toMatch(/^https:\/\/plein\.test\/api\/mail\/unsubscribe\?token=[\w-]+\.[\w-]{43}$/);
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const token = new URL(link!).searchParams.get('token');
    expect(mail.text).toContain(`https://plein.test/afmelden?token=${token}`);
    expect(mail.html).toContain(`href="https://plein.test/afmelden?token=${token}"`);
  });

  it('queues nothing when the transaction that queued the mail rolls back', async () => {
    const user = await makeUser(t.db);
    await t.db
      .transaction(async (tx) => {
        await enqueueMail(tx, { userId: user.id, kind: 'test_account' });
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect(await outboxRows()).toEqual([]);
    expect(await t.app.mail.drain()).toEqual({ sent: 0, dropped: 0, failed: 0 });
  });

  it('keeps one pending notification mail per member and thread', async () => {
    const user = await makeUser(t.db);
    const other = await makeUser(t.db);
    const { threadId } = await makeThread(t.db, user);
    const { threadId: otherThread } = await makeThread(t.db, user);
    await enqueueMail(t.db, { userId: user.id, kind: 'notifications', threadId, notBefore: later(60) });
    await enqueueMail(t.db, { userId: user.id, kind: 'notifications', threadId, notBefore: later(60) });
    await enqueueMail(t.db, { userId: user.id, kind: 'notifications', threadId: otherThread, notBefore: later(60) });
    await enqueueMail(t.db, { userId: other.id, kind: 'notifications', threadId, notBefore: later(60) });
    // Other kinds are never merged.
    await enqueueMail(t.db, { userId: user.id, kind: 'test_account' });
    await enqueueMail(t.db, { userId: user.id, kind: 'test_account' });
    expect((await outboxRows()).map((r) => r.kind).sort()).toEqual(['notifications', 'notifications', 'notifications', 'test_account', 'test_account']);
  });

  it('waits for notBefore', async () => {
    const user = await makeUser(t.db);
    await enqueueMail(t.db, { userId: user.id, kind: 'test_account', notBefore: later(60) });
    expect(await t.app.mail.drain()).toEqual({ sent: 0, dropped: 0, failed: 0 });
    expect(await t.app.mail.drain({ now: later(61) })).toEqual({ sent: 1, dropped: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
  });

  it('drops a row whose template answers null, whose kind has no template, or whose member has no address, and sends the rest', async () => {
    const user = await makeUser(t.db);
    const noAddress = await makeUser(t.db);
    await t.db.execute(sql`update users set email = '' where id = ${noAddress.id}`);
    await enqueueMail(t.db, { userId: user.id, kind: 'test_nothing' });
    await enqueueMail(t.db, { userId: user.id, kind: 'no_such_kind' });
    await enqueueMail(t.db, { userId: user.id, kind: 'constructor' });
    await enqueueMail(t.db, { userId: noAddress.id, kind: 'test_account' });
    await enqueueMail(t.db, { userId: user.id, kind: 'test_account', data: { n: 2 } });

    expect(await t.app.mail.drain()).toEqual({ sent: 1, dropped: 4, failed: 0 });
    expect(smtp.messages.map((m) => m.subject)).toEqual(['Testbericht 2']);
    expect(await outboxRows()).toEqual([]);
  });

  it('loses nothing and sends nothing twice when the mail server stops mid-run, and reports mail degraded meanwhile', async () => {
    const user = await makeUser(t.db);
    for (let n = 1; n <= 6; n++) await enqueueMail(t.db, { userId: user.id, kind: 'test_account', data: { n } });
    smtp.stopAfter(2);

    const first = await t.app.mail.drain();
    expect(first).toEqual({ sent: 2, dropped: 0, failed: 1 });
    expect((await t.guest().get<{ ok: boolean; mail: string }>('/api/ready')).body).toMatchObject({ ok: true, mail: 'degraded' });
    // The failed row backs off (its attempt counted); the rest of the batch was handed back untouched.
    const waiting = await outboxRows();
    expect(waiting).toHaveLength(4);
    expect(waiting.map((r) => r.attempts)).toEqual([1, 0, 0, 0]);

    // Still down: the next try fails again, nothing is deleted.
    expect(await t.app.mail.drain()).toEqual({ sent: 0, dropped: 0, failed: 1 });
    expect((await outboxRows()).map((r) => r.attempts)).toEqual([1, 1, 0, 0]);

    await smtp.restart();
    // The untried rows go at once; the failed ones wait for their backoff (30 s after the first failure).
    expect(await t.app.mail.drain()).toEqual({ sent: 2, dropped: 0, failed: 0 });
    expect(await t.app.mail.drain({ now: later(31) })).toEqual({ sent: 2, dropped: 0, failed: 0 });
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Testbericht ${n}`));
    expect(await outboxRows()).toEqual([]);
    expect((await t.guest().get<{ mail: string }>('/api/ready')).body.mail).toBe('ok');
  });
});
