import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** The AVG on the profile page: "Mijn gegevens downloaden" and "Account verwijderen", and what others see afterwards. */
describe('privacy', () => {
  useE2e();

  it('downloads her data as a file holding her post, then deletes her account; her post stays by "Oud-lid"', async () => {
    const db = e2e.testApp.db;
    const her = await makeUser(db, { displayName: 'Pien Privacy' });
    const reader = await makeUser(db, { displayName: 'Rob Lezer' });
    const { threadId, postId } = await makeThread(db, her, { category: 'campagne', title: 'Folders voor de verkiezingen', body: 'Wij drukken dit jaar op gerecycled papier.' });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, her.email);
    await page.goto('/profiel');
    await page.getByRole('heading', { level: 2, name: 'Mijn gegevens downloaden' }).waitFor();
    await expectNoAxeViolations(page, 'profile with the privacy sections');

    await page.getByRole('button', { name: 'Gegevens opvragen' }).click();
    const ask = page.getByRole('dialog', { name: 'Je gegevens opvragen' });
    await ask.waitFor();
    await expectNoAxeViolations(page, 'export password dialog');
    await ask.getByLabel('Wachtwoord').fill(DEFAULT_PASSWORD);
    await ask.getByRole('button', { name: 'Gegevens opvragen' }).click();
    await page.getByRole('status').filter({ hasText: 'Gevraagd. We zetten je gegevens klaar.' }).waitFor();
    await page.getByText('Wordt klaargezet…').waitFor();
    await expectNoAxeViolations(page, 'export pending');
    await e2e.testApp.app.privacy.drainExports();
    const link = page.getByRole('link', { name: /^Downloaden: gegevens van/ });
    await link.waitFor();
    await expectNoAxeViolations(page, 'export ready');
    await screenshot(page, 'privacy-export-ready');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^plein-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { profile: { displayName: string }; posts: { id: number; body: string }[] };
    expect(data.profile.displayName).toBe('Pien Privacy');
    expect(data.posts).toEqual([expect.objectContaining({ id: postId, body: 'Wij drukken dit jaar op gerecycled papier.' })]);

    await page.getByRole('heading', { level: 2, name: 'Account verwijderen' }).waitFor();
    await page.getByRole('button', { name: 'Account verwijderen…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Je account definitief verwijderen' });
    await confirm.waitFor();
    await expectNoAxeViolations(page, 'account deletion dialog');
    await screenshot(page, 'privacy-delete-dialog');
    await confirm.getByLabel('Wachtwoord').fill('niet-het-goede-wachtwoord');
    await confirm.getByRole('button', { name: 'Definitief verwijderen' }).click();
    await confirm.getByText('Je wachtwoord klopt niet.').waitFor();
    await expectNoAxeViolations(page, 'account deletion with a wrong password');
    await confirm.getByLabel('Wachtwoord').fill(DEFAULT_PASSWORD);
    await confirm.getByRole('button', { name: 'Definitief verwijderen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Je account is verwijderd' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account-verwijderd');
    await expectNoAxeViolations(page, 'account deleted');

    const other = await (await e2e.context()).newPage();
    await loginThroughForm(other, reader.email);
    await other.goto(`/discussie/${threadId}`);
    const post = other.locator(`#bericht-${postId}`);
    await post.getByText('Wij drukken dit jaar op gerecycled papier.').waitFor();
    await post.getByText('Oud-lid').first().waitFor();
    expect(await other.getByText('Pien Privacy').count()).toBe(0);
    await expectNoAxeViolations(other, 'a thread with a post by "Oud-lid"');
    await screenshot(other, 'privacy-oud-lid');
  });

  it('a moderator deletes a member’s account on her request, from the members list', async () => {
    const db = e2e.testApp.db;
    const moderator = await makeUser(db, { role: 'moderator' });
    await makeUser(db, { displayName: 'Vera Verzoek' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, moderator.email);
    await page.goto('/moderatie/leden');
    const button = page.getByRole('button', { name: 'Wissen: account van Vera Verzoek' });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Account verwijderen: Vera Verzoek' });
    await dialog.waitFor();
    await dialog.getByLabel('Op wiens verzoek en hoe (komt in het logboek)').fill('Verzoek per mail van 1 december');
    await dialog.getByLabel('Ook de tekst van haar berichten verwijderen (zoals het lid vroeg)').check();
    await expectNoAxeViolations(page, 'moderator account deletion dialog');
    await dialog.getByRole('button', { name: 'Account verwijderen' }).click();
    await page.getByRole('status').filter({ hasText: 'Het account van Vera Verzoek is verwijderd.' }).waitFor();
    await button.waitFor({ state: 'detached' });
    await expectNoAxeViolations(page, 'members list after a deletion');
  });

  it('shows the privacy statement with the controller, every kind of data and its retention', async () => {
    const page = await (await e2e.context({ width: 375, height: 800 })).newPage();
    await page.goto('/privacy');
    await page.getByRole('heading', { level: 1, name: 'Privacyverklaring' }).waitFor();
    await page.getByText(/Verantwoordelijk voor je gegevens/).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Tot waar je een discussie gelezen hebt' }).waitFor();
    expect(await page.getByText('1 jaar nadat je de discussie voor het laatst las.').count()).toBe(1);
    await expectNoAxeViolations(page, 'privacy statement (phone)');
  });
});
