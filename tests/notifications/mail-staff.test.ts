import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enableTotpDirectly } from '../../server/auth/totp.js';
import { makeCategory, makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { setMentions, uniqueName } from './fixtures.js';
import { inMinutes, mailsTo } from './mail-fixtures.js';

/**
 * Where moderators need two-step login (STAFF_TOTP_REQUIRED), one without it is mailed as a member: nothing from a
 * category kept for moderators, until she has set it up (auth/totp-policy.ts, applied to the mail's receiver).
 */

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ searchWorker: false, env: { SMTP_URL: smtp.url, STAFF_TOTP_REQUIRED: 'true' } });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

describe('mail to staff without two-step login', () => {
  it('leaves out a moderators-only category until she has set it up', async () => {
    await makeCategory(t.db, { slug: 'mail-moderatoren', access: 'moderators' });
    const writer = await makeUser(t.db, { role: 'moderator', displayName: uniqueName('Schrijver') });
    const without = await makeUser(t.db, { role: 'moderator', displayName: uniqueName('Zonder') });
    const withIt = await makeUser(t.db, { role: 'moderator', displayName: uniqueName('Met') });
    await enableTotpDirectly(t.db, withIt.id);
    const { threadId } = await makeThread(t.db, writer, { category: 'mail-moderatoren', title: 'Overleg van de moderatoren' });
    await t.app.notifications.drain();
    const post = await makePost(t.db, writer, threadId, { body: 'Wat vinden jullie?' });
    await setMentions(t, post, [without.id, withIt.id]);
    await t.app.notifications.drain();
    await t.app.mail.drain({ now: inMinutes(1.1) });
    expect(mailsTo(smtp, withIt.email).map((m) => m.subject)).toEqual([expect.stringContaining('Overleg van de moderatoren')]);
    expect(mailsTo(smtp, without.email)).toHaveLength(0);
  });
});
