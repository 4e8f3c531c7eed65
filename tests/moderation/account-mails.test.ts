import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import { mailOutbox } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { mailsTo } from '../auth/account-mail.js';

let smtp: TestSmtp;
let t: TestApp;
let mod: TestClient;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ env: { SMTP_URL: smtp.url, CONTACT_EMAIL: 'vragen@kenniscentrum.example.nl' } });
  mod = (await t.login({ role: 'moderator' })).client;
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

/** Sends the outbox and returns every mail that reached `email`. */
async function mailsOf(email: string) {
  await t.app.mail.drain();
  return mailsTo(smtp, email);
}

describe('mail about decisions on an account', () => {
  it('tells an applicant she was approved', async () => {
    const applicant = await makeUser(t.db, { status: 'pending', displayName: 'Goedgekeurde Greet' });
    expect((await mod.post(`/api/admin/users/${applicant.id}/approve`)).status).toBe(200);
    const [mail, ...more] = await mailsOf(applicant.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Je account op Plein is goedgekeurd');
    expect(mail!.text).toContain('Hallo Goedgekeurde Greet,');
    expect(mail!.text).toContain(`${t.config.mail.siteUrl}/forum`);
    expect(mail!.headers.get('list-unsubscribe')).toBeUndefined();
  });

  it('tells an applicant she was rejected, and why', async () => {
    const applicant = await makeUser(t.db, { status: 'pending' });
    expect((await mod.post(`/api/admin/users/${applicant.id}/reject`, { reason: 'Geen lid van een lokale partij <b>echt niet</b>' })).status).toBe(200);
    const [mail] = await mailsOf(applicant.email);
    expect(mail!.subject).toBe('Je aanmelding bij Plein is afgewezen');
    expect(mail!.text).toContain('Geen lid van een lokale partij <b>echt niet</b>');
    // The reason is text, never markup.
    expect(String(mail!.html)).toContain('Geen lid van een lokale partij &lt;b&gt;echt niet&lt;/b&gt;');
    // Where to go with a question: the address this forum configured (CONTACT_EMAIL).
    expect(mail!.text).toContain('Neem dan contact op met het kenniscentrum voor lokale politieke partijen: mail naar vragen@kenniscentrum.example.nl.');
  });

  it('tells a member she was suspended, why and until when; and when it is lifted', async () => {
    const member = await makeUser(t.db);
    const res = await mod.post<{ user: { suspendedUntil: string } }>(`/api/admin/users/${member.id}/suspend`, { reason: 'Herhaaldelijk beledigend', days: 3 });
    expect(res.status).toBe(200);
    const [mail] = await mailsOf(member.email);
    expect(mail!.subject).toBe('Je account op Plein is geschorst');
    expect(mail!.text).toContain('Herhaaldelijk beledigend');
    const until = new Date(res.body.user.suspendedUntil).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
    expect(mail!.text).toContain(`geschorst tot ${until}`);
    expect(mail!.text).toContain('kenniscentrum');

    expect((await mod.post(`/api/admin/users/${member.id}/lift`)).status).toBe(200);
    const mails = await mailsOf(member.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe('Je schorsing op Plein is opgeheven');
  });

  it('says a suspension without an end is for an undetermined time', async () => {
    const member = await makeUser(t.db);
    await mod.post(`/api/admin/users/${member.id}/suspend`, { reason: 'Spam' });
    const [mail] = await mailsOf(member.email);
    expect(mail!.text).toContain('voor onbepaalde tijd');
  });

  it('sends no suspension mail once the suspension was lifted before it went out', async () => {
    const member = await makeUser(t.db);
    await mod.post(`/api/admin/users/${member.id}/suspend`, { reason: 'Vergissing' });
    await mod.post(`/api/admin/users/${member.id}/lift`);
    const mails = await mailsOf(member.email);
    expect(mails.map((m) => m.subject)).toEqual(['Je schorsing op Plein is opgeheven']);
  });

  it('queues no mail for a decision that was refused', async () => {
    const admin = await makeUser(t.db, { role: 'admin' });
    const refused = await mod.post<ErrorBody>(`/api/admin/users/${admin.id}/suspend`, { reason: 'Mag niet' });
    expect(refused.status).toBe(403);
    const member = await t.login();
    const notModerator = await member.client.post<ErrorBody>(`/api/admin/users/${admin.id}/approve`);
    expect(notModerator.status).toBe(403);
    expect(await t.db.$count(mailOutbox, eq(mailOutbox.userId, admin.id))).toBe(0);
    expect(await mailsOf(admin.email)).toHaveLength(0);
  });
});
