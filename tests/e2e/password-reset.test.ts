import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../server/dev/factories.js';
import { linkIn, mailsTo } from '../auth/account-mail.js';
import { startSmtp } from '../helpers/smtp.js';
import { e2e, expectNoAxeViolations, loginThroughForm, useE2e } from './browser.js';

// A real SMTP server: the mail is sent and read back as a member's mail program would get it.
const smtp = await startSmtp();

/** A forgotten password, reset from the login page through the link in the mail, as a member would. */
describe('wachtwoord vergeten', () => {
  useE2e({ SMTP_URL: smtp.url });
  afterAll(() => smtp.stop());

  const NEW_PASSWORD = 'mijn-nieuwe-zin-van-woorden';
  let resetPath: string;

  /** The path and query of the link in the newest mail to `email` (the mail names the configured site, not the test's port). */
  async function linkFromMail(email: string): Promise<string> {
    await e2e.testApp.app.mail.drain();
    const mails = mailsTo(smtp, email);
    expect(mails).toHaveLength(1);
    const { url } = linkIn(mails[0]!, e2e.testApp.config.mail.siteUrl, '/wachtwoord-herstellen');
    const link = new URL(url);
    return `${link.pathname}${link.search}`;
  }

  async function fillNewPassword(page: Page, password: string, repeat: string) {
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(password);
    await page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill(repeat);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  }

  it('asks for a link from the login page, sets a new password through it and logs in with it', async () => {
    const member = await makeUser(e2e.testApp.db, { displayName: 'Rita Reset' });
    const page = await (await e2e.context()).newPage();
    await page.goto('/inloggen');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await expectNoAxeViolations(page, 'login');

    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await expectNoAxeViolations(page, 'forgot password');
    await page.getByLabel('E-mailadres').fill(member.email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kijk in je mail' }).waitFor();
    await page.getByRole('status').getByText('Als dit adres bij ons bekend is').waitFor();
    await expectNoAxeViolations(page, 'forgot password, sent');

    resetPath = await linkFromMail(member.email);
    await page.goto(resetPath);
    await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await expectNoAxeViolations(page, 'reset password');

    // Two different passwords: said at the second field, which gets focus; nothing is sent.
    await fillNewPassword(page, NEW_PASSWORD, 'iets-anders-getypt');
    await page.getByText('De twee wachtwoorden zijn niet gelijk.').waitFor();
    expect(await page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'reset password, mismatch');

    await fillNewPassword(page, NEW_PASSWORD, NEW_PASSWORD);
    await page.waitForURL('**/inloggen');
    await page.getByRole('status').getByText('Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.').waitFor();
    await expectNoAxeViolations(page, 'login after reset');

    await loginThroughForm(page, member.email, NEW_PASSWORD);
  });

  it('says a used link no longer works, and offers a new one', async () => {
    const page = await (await e2e.context()).newPage();
    await page.goto(resetPath);
    await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await fillNewPassword(page, 'nog-weer-een-ander-wachtwoord', 'nog-weer-een-ander-wachtwoord');
    await page.getByRole('alert').getByText('Deze link werkt niet (meer)').waitFor();
    await page.getByRole('link', { name: 'Vraag een nieuwe link aan' }).waitFor();
    await expectNoAxeViolations(page, 'reset password, used link');
  });
});
