import { describe, expect, it } from 'vitest';
import { makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** The admins' synonym list for search (/beheer/synoniemen). */
describe('the synonym list for admins', () => {
  useE2e();

  it('lets admins keep the synonym list; others do not get in', async () => {
    const db = e2e.testApp.db;
    const admin = await makeUser(db, { role: 'admin', displayName: 'Beheerder Synoniem' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, admin.email);
    await page.goto('/moderatie');
    await page.getByRole('navigation', { name: 'Moderatie-onderdelen' }).getByRole('link', { name: 'Synoniemen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Synoniemen voor zoeken' }).waitFor();
    await page.getByText('Zoeken op één van deze woorden vindt ook de andere.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Groep alv, algemene ledenvergadering, ledenvergadering wijzigen' }).waitFor();
    await expectNoAxeViolations(page, 'synonyms page');
    await screenshot(page, 'synonyms-desktop');

    const field = page.getByLabel('Woorden of uitdrukkingen');
    // One word is no group; a quote cannot be searched for: told on the field, nothing saved.
    await field.fill('Raad, raad');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText('Vul minstens twee verschillende woorden of uitdrukkingen in, gescheiden door komma’s.').waitFor();
    await field.fill('raad, "gemeenteraad"');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText('„"gemeenteraad"” bevat een aanhalingsteken; laat dat weg.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'synonyms page with an error');

    await field.fill('Kascontrole,  Kascommissie ');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: 'De groep „kascontrole, kascommissie” is toegevoegd.' }).waitFor();
    expect(await field.inputValue()).toBe('');

    await page.getByRole('button', { name: 'Groep kascontrole, kascommissie wijzigen' }).click();
    const edit = page.getByRole('dialog', { name: 'Groep wijzigen' });
    await edit.waitFor();
    const editField = edit.getByLabel('Woorden of uitdrukkingen');
    expect(await editField.inputValue()).toBe('kascontrole, kascommissie');
    await editField.fill('kascontrole, kascommissie, kascontrolecommissie');
    await expectNoAxeViolations(page, 'synonyms: edit dialog');
    await edit.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De groep „kascontrole, kascommissie, kascontrolecommissie” is gewijzigd.' }).waitFor();
    await edit.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Groep kascontrole, kascommissie, kascontrolecommissie verwijderen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Groep verwijderen' });
    await confirm.getByText('Weet je zeker dat je de groep „kascontrole, kascommissie, kascontrolecommissie” wilt verwijderen?', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'synonyms: delete confirmation');
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    const outcome = page.getByRole('status').filter({ hasText: 'De groep „kascontrole, kascommissie, kascontrolecommissie” is verwijderd.' });
    await outcome.waitFor();
    // The row and its button are gone: focus is on the message, not lost at the top of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('is verwijderd.');
    expect(await page.getByRole('button', { name: /kascontrolecommissie/ }).count()).toBe(0);

    // A moderator sees no link and no page.
    const moderator = await makeUser(db, { role: 'moderator' });
    const modPage = await (await e2e.context()).newPage();
    await loginThroughForm(modPage, moderator.email);
    await modPage.goto('/moderatie');
    await modPage.getByRole('navigation', { name: 'Moderatie-onderdelen' }).getByRole('link', { name: 'Logboek' }).waitFor();
    expect(await modPage.getByRole('link', { name: 'Synoniemen' }).count()).toBe(0);
    await modPage.goto('/beheer/synoniemen');
    await modPage.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
  });
});
