import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const NAME = 'Wethouders onder elkaar';
const SLUG = 'wethouders-onder-elkaar';
const RESTRICTED = 'Alleen geverifieerde volksvertegenwoordigers';
const ARCHIVED_NOTICE = 'Deze categorie is gearchiveerd: je kunt de discussies lezen, maar er kan niets meer bij.';

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
/** The category names on the overview or the admins' list, in the order shown. */
const shownNames = (page: Page, level: 2 | 3) => page.locator(`.category-card h${level}`).allTextContents();

/** The admins keep the categories (/beheer/categorieen); members see what they may enter, archived ones read-only. */
describe('categories kept by admins', () => {
  useE2e();

  it('creates, orders, edits, archives and deletes a category; members see only what they may enter', async () => {
    const db = e2e.testApp.db;
    const admin = await makeUser(db, { role: 'admin', displayName: 'Beheerder Categorie' });
    const member = await makeUser(db, { displayName: 'Gewoon Lid' });
    const wethouder = await makeUser(db, { displayName: 'Wendy Wethouder', representativeRole: 'wethouder', representativeVerified: true });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, admin.email);
    await page.goto('/moderatie');
    await page.getByRole('navigation', { name: 'Moderatie-onderdelen' }).getByRole('link', { name: 'Categorieën' }).click();
    await page.getByRole('heading', { level: 1, name: 'Categorieën beheren' }).waitFor();
    await page.getByRole('button', { name: 'Fuseren bewerken' }).waitFor();
    // The three fixed categories cannot go; the list says why instead of offering a button that would fail.
    const fuseren = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Fuseren' }) });
    await fuseren.getByText('Vaste categorie: kan niet worden verwijderd').waitFor();
    expect(await page.getByRole('button', { name: /^(Fuseren|Campagne|Kandidaatstelling) verwijderen$/ }).count()).toBe(0);
    // The first one cannot go up: said with aria-disabled, so the button stays where focus may be.
    expect(await page.getByRole('button', { name: 'Fuseren omhoog' }).getAttribute('aria-disabled')).toBe('true');
    await expectNoAxeViolations(page, 'categories admin page');
    await screenshot(page, 'categories-admin-desktop');

    // Create: an empty name is told on the field, which takes focus; a name in use comes back from the server.
    const create = page.getByRole('button', { name: 'Nieuwe categorie' });
    await create.click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe categorie' });
    await dialog.waitFor();
    const name = dialog.getByLabel('Naam');
    await dialog.getByRole('button', { name: 'Categorie aanmaken' }).click();
    await dialog.getByText('Vul een naam in van minstens 2 tekens.').waitFor();
    await expect.poll(() => isFocused(name)).toBe(true);
    await name.fill('fuseren');
    await dialog.getByRole('button', { name: 'Categorie aanmaken' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Er is al een categorie met deze naam.' }).waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'new category dialog with an error');

    await name.fill(NAME);
    // A new name: the server's answer about the old one no longer marks the field.
    expect(await name.getAttribute('aria-invalid')).toBeNull();
    await dialog.getByLabel('Omschrijving').fill('Voor wethouders van lokale partijen: het college, de portefeuille en de fractie.');
    await dialog.getByRole('radio', { name: 'Paars' }).check();
    await dialog.getByLabel('Pictogram').selectOption({ label: 'Vergadering' });
    await dialog.getByLabel('Wie mag erin').selectOption({ label: RESTRICTED });
    await expectNoAxeViolations(page, 'new category dialog, filled in');
    await screenshot(page, 'categories-admin-new');
    await dialog.getByRole('button', { name: 'Categorie aanmaken' }).click();
    await status(page, `De categorie „${NAME}” is aangemaakt.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    // Focus is back on the button that opened the dialog.
    await expect.poll(() => isFocused(create)).toBe(true);
    const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: NAME }) });
    await row.getByText(`/forum/${SLUG}`).waitFor();
    await row.getByText(RESTRICTED).waitFor();
    expect((await shownNames(page, 3)).at(-1)).toBe(NAME);
    expect(await row.getByRole('button', { name: `${NAME} omlaag` }).getAttribute('aria-disabled')).toBe('true');

    // Move up twice, by mouse and by keyboard: the list follows, the new place is told, focus stays on the button.
    const up = page.getByRole('button', { name: `${NAME} omhoog` });
    await up.click();
    await status(page, `${NAME} staat nu op plaats 9 van 10.`).waitFor();
    await expect.poll(() => isFocused(up)).toBe(true);
    expect((await shownNames(page, 3)).slice(-2)).toEqual([NAME, 'Algemeen']);
    await page.keyboard.press('Enter');
    await status(page, `${NAME} staat nu op plaats 8 van 10.`).waitFor();
    await expect.poll(() => isFocused(up)).toBe(true);
    expect((await shownNames(page, 3)).slice(-3)).toEqual([NAME, 'Fractie en raadswerk', 'Algemeen']);
    await expectNoAxeViolations(page, 'categories admin page after a move');

    // A plain member does not see it, nor get in by its address; a verified volksvertegenwoordiger does, in its place.
    const memberPage = await (await e2e.context()).newPage();
    await loginThroughForm(memberPage, member.email);
    await memberPage.getByRole('link', { name: 'Fractie en raadswerk' }).waitFor();
    expect(await memberPage.getByRole('link', { name: NAME }).count()).toBe(0);
    await memberPage.goto(`/forum/${SLUG}`);
    await memberPage.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();

    const repPage = await (await e2e.context()).newPage();
    await loginThroughForm(repPage, wethouder.email);
    await repPage.getByRole('link', { name: NAME }).waitFor();
    expect((await shownNames(repPage, 2)).slice(-3)).toEqual([NAME, 'Fractie en raadswerk', 'Algemeen']);
    const card = repPage.getByRole('listitem').filter({ has: repPage.getByRole('link', { name: NAME }) });
    await card.getByText(RESTRICTED).waitFor();
    await expectNoAxeViolations(repPage, 'overview with a restricted category');
    await screenshot(repPage, 'categories-with-restricted-desktop');
    await repPage.getByRole('link', { name: NAME }).click();
    await repPage.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await repPage.getByRole('link', { name: 'Nieuwe discussie' }).waitFor();

    // Edit: the form holds what was chosen; archive it.
    await page.getByRole('button', { name: `${NAME} bewerken` }).click();
    const edit = page.getByRole('dialog', { name: `Categorie ${NAME} bewerken` });
    await edit.waitFor();
    expect(await edit.getByLabel('Naam').inputValue()).toBe(NAME);
    expect(await edit.getByRole('radio', { name: 'Paars' }).isChecked()).toBe(true);
    expect(await edit.getByLabel('Pictogram').inputValue()).toBe('vergadering');
    expect(await edit.getByLabel('Wie mag erin').inputValue()).toBe('representatives');
    await edit.getByLabel('Omschrijving').fill('Voor wethouders: het college en de portefeuille.');
    await edit.getByRole('checkbox', { name: 'Archiveren (alleen-lezen)' }).check();
    await expectNoAxeViolations(page, 'edit category dialog');
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await status(page, `De categorie „${NAME}” is opgeslagen.`).waitFor();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => isFocused(page.getByRole('button', { name: `${NAME} bewerken` }))).toBe(true);
    await row.getByText('Gearchiveerd', { exact: true }).waitFor();
    await row.getByText('Voor wethouders: het college en de portefeuille.').waitFor();

    // Archived: read-only for the members, told on the overview and on its page, and not offered for a new thread.
    await repPage.goto('/forum');
    await card.getByText('Gearchiveerd', { exact: true }).waitFor();
    await repPage.goto(`/forum/${SLUG}`);
    await repPage.getByText(ARCHIVED_NOTICE).waitFor();
    await repPage.getByText('Er zijn geen discussies in deze categorie.').waitFor();
    expect(await repPage.getByRole('link', { name: 'Nieuwe discussie' }).count()).toBe(0);
    await expectNoAxeViolations(repPage, 'archived category page');
    await screenshot(repPage, 'category-archived-desktop');
    await repPage.goto(`/nieuw?categorie=${SLUG}`);
    const choice = repPage.getByLabel('Categorie');
    await choice.locator('option', { hasText: 'Algemeen' }).waitFor({ state: 'attached' });
    expect(await choice.locator('option').allTextContents()).not.toContain(NAME);
    expect(await choice.inputValue()).not.toBe(SLUG);

    // Escape closes the form without saving, focus back on "Bewerken"; then open the category again.
    const editButton = page.getByRole('button', { name: `${NAME} bewerken` });
    await editButton.click();
    await edit.waitFor();
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => isFocused(editButton)).toBe(true);
    await page.keyboard.press('Enter');
    await edit.waitFor();
    await edit.getByRole('checkbox', { name: 'Archiveren (alleen-lezen)' }).uncheck();
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await status(page, `De categorie „${NAME}” is opgeslagen.`).waitFor();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('Gearchiveerd', { exact: true }).waitFor({ state: 'detached' });
    await repPage.goto(`/forum/${SLUG}`);
    await repPage.getByRole('link', { name: 'Nieuwe discussie' }).waitFor();
    expect(await repPage.getByText(ARCHIVED_NOTICE).count()).toBe(0);

    // A thread in an archived category: read, not answered (no composer, no reply buttons).
    await makeCategory(db, { slug: 'oud-archief', name: 'Oud archief', archived: true });
    const { threadId } = await makeThread(db, member, { category: 'oud-archief', title: 'Wat deden we in 2018?', body: 'De campagne van toen, voor wie het wil nalezen.' });
    await memberPage.goto(`/discussie/${threadId}`);
    await memberPage.getByRole('heading', { level: 1, name: 'Wat deden we in 2018?' }).waitFor();
    await memberPage.getByText('Deze discussie staat in een gearchiveerde categorie', { exact: false }).waitFor();
    expect(await memberPage.getByRole('heading', { name: 'Reageer' }).count()).toBe(0);
    expect(await memberPage.getByRole('button', { name: 'Reageren' }).count()).toBe(0);
    expect(await memberPage.getByRole('button', { name: 'Bewerken' }).count()).toBe(0);
    // Her own words stay hers to take back, also in an archive.
    await memberPage.getByRole('button', { name: 'Verwijderen' }).waitFor();
    await expectNoAxeViolations(memberPage, 'thread in an archived category');

    // A category with threads cannot be deleted: the list says how many.
    await page.reload();
    const archive = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Oud archief' }) });
    await archive.getByText('Bevat 1 discussie', { exact: false }).waitFor();
    expect(await archive.getByRole('button', { name: 'Oud archief verwijderen' }).count()).toBe(0);

    // Delete the new, empty one after confirming: focus goes to the message, the row is gone for everyone.
    await page.getByRole('button', { name: `${NAME} verwijderen` }).click();
    const confirm = page.getByRole('dialog', { name: `Categorie ${NAME} verwijderen` });
    await confirm.getByText(`Weet je zeker dat je de categorie „${NAME}” wilt verwijderen?`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'delete category confirmation');
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await status(page, `De categorie „${NAME}” is verwijderd.`).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('is verwijderd.');
    await page.getByRole('heading', { level: 3, name: NAME }).waitFor({ state: 'detached' });
    await repPage.goto('/forum');
    await repPage.getByRole('link', { name: 'Fractie en raadswerk' }).waitFor();
    expect(await repPage.getByRole('link', { name: NAME }).count()).toBe(0);

    // At phone width the list still passes axe.
    const phone = await (await e2e.context({ width: 375, height: 812 })).newPage();
    await loginThroughForm(phone, admin.email);
    await phone.goto('/beheer/categorieen');
    await phone.getByRole('button', { name: 'Fuseren bewerken' }).waitFor();
    await expectNoAxeViolations(phone, 'categories admin page (phone)');
    await screenshot(phone, 'categories-admin-phone');
  });

  it('keeps the page for admins', async () => {
    const moderator = await makeUser(e2e.testApp.db, { role: 'moderator' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, moderator.email);
    await page.goto('/moderatie');
    await page.getByRole('navigation', { name: 'Moderatie-onderdelen' }).getByRole('link', { name: 'Logboek' }).waitFor();
    expect(await page.getByRole('link', { name: 'Categorieën' }).count()).toBe(0);
    await page.goto('/beheer/categorieen');
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
  });
});
