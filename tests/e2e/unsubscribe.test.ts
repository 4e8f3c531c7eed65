import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { unsubscribeToken } from '../../server/mail/unsubscribe.js';
import { e2e, expectNoAxeViolations, screenshot, useE2e } from './browser.js';

/** The page behind the footer link of a notification mail: no login, opening it changes nothing, the button does. */
describe('unsubscribing from a mail link', () => {
  useE2e();

  const preferencesOf = async (id: number) => (await e2e.testApp.db.select({ mail: users.mailPreferences }).from(users).where(eq(users.id, id)))[0]?.mail;

  it('shows what the link switches off, and switches it off only on the button', async () => {
    const member = await makeUser(e2e.testApp.db);
    const token = unsubscribeToken(e2e.testApp.config.sessionSecret, { userId: member.id, kind: 'replies' });
    const page = await (await e2e.context()).newPage();
    await page.goto(`/afmelden?token=${token}`);
    await page.getByRole('heading', { level: 1, name: 'Afmelden voor mail' }).waitFor();
    await page.getByText('Met deze link meld je je af voor mail over reacties op je berichten.').waitFor();
    expect(await preferencesOf(member.id)).toEqual({});
    await expectNoAxeViolations(page, 'unsubscribe page');
    await screenshot(page, 'unsubscribe');

    await page.getByRole('button', { name: 'Afmelden' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Je bent afgemeld. Je krijgt geen mail over reacties op je berichten meer.' });
    await done.waitFor();
    // The button is gone: focus is on the confirmation, not lost on <body>.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Je bent afgemeld.');
    expect(await preferencesOf(member.id)).toEqual({ replies: 'never' });
    await expectNoAxeViolations(page, 'unsubscribe page, done');
  });

  it('says so when the link is broken or missing, and changes nothing', async () => {
    const member = await makeUser(e2e.testApp.db);
    const token = unsubscribeToken(e2e.testApp.config.sessionSecret, { userId: member.id, kind: 'all' });
    const page = await (await e2e.context()).newPage();
    await page.goto(`/afmelden?token=${token.slice(0, -2)}xx`);
    await page.getByRole('alert').filter({ hasText: 'Deze afmeldlink klopt niet.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Afmelden' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'unsubscribe page, bad link');

    await page.goto('/afmelden');
    await page.getByText('Deze pagina hoort bij de afmeldlink in een mail van Plein.').waitFor();
    await expectNoAxeViolations(page, 'unsubscribe page, no link');
    expect(await preferencesOf(member.id)).toEqual({});
  });
});
