import { describe, expect, it } from 'vitest';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** A moderator finds members by what she knows of them and orders the list. */
describe('the members list', () => {
  useE2e();

  it('searches by party or municipality, sorts by posts, and says when each was last active and how much they wrote', async () => {
    const db = e2e.testApp.db;
    const moderator = await makeUser(db, { role: 'moderator' });
    const writer = await makeUser(db, { displayName: 'Wim Schrijver', party: 'Gouds Belang', municipality: 'Gouda' });
    await makeUser(db, { displayName: 'Gea Stil', party: 'Gouds Belang', municipality: 'Gouda' });
    await makeUser(db, { displayName: 'Ruud Elders', party: 'Rotterdams Belang', municipality: 'Rotterdam' });
    const { threadId } = await makeThread(db, writer);
    await makePost(db, writer, threadId);

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, moderator.email);
    await page.goto('/moderatie/leden');
    await page.getByRole('row', { name: /Ruud Elders/ }).waitFor();
    await page.getByRole('columnheader', { name: 'Laatst actief' }).waitFor();

    await page.getByLabel('Zoek op naam, e-mail, partij of gemeente').fill('gouda');
    await page.getByRole('row', { name: /Ruud Elders/ }).waitFor({ state: 'detached' });
    await page.getByLabel('Sorteren').selectOption({ label: 'Meeste berichten' });
    await expect.poll(async () => (await page.getByRole('rowheader').allTextContents()).slice(0, 2)).toEqual(['Wim Schrijver', 'Gea Stil']);
    const wim = page.getByRole('row', { name: /Wim Schrijver/ });
    await wim.getByText('2 berichten').waitFor();
    await page.getByRole('row', { name: /Gea Stil/ }).getByText('0 berichten').waitFor();
    await expectNoAxeViolations(page, 'members searched and sorted');
    await screenshot(page, 'members-search-desktop');
  });
});
