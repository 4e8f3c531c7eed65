import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
const sectionNames = (page: Page) => page.locator('main h2').allTextContents();
/** The staff's editing code (vite.config.ts STAFF_CODE): its own chunk, never downloaded by a member. */
const STAFF_CHUNK = /\/assets\/guide-(editor|forms|staff)[\w-]*\.js$/;
const scriptsOf = (page: Page) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
};

const TITLE = 'Handreiking fuseren van lokale partijen';
const LINK_URL = 'https://www.example.nl/handreiking-fuseren';

/** The Wegwijzer (/wegwijzer): the kenniscentrum's staff keep it in the page itself, members read it and find it in search. */
describe('the Wegwijzer', () => {
  useE2e();

  it('staff add sections and a link; a member reads it and finds the link through search', async () => {
    const db = e2e.testApp.db;
    const staff = await makeUser(db, { centreTeam: true, displayName: 'Karin Kenniscentrum' });
    const member = await makeUser(db, { displayName: 'Gewoon Lid' });

    const page = await (await e2e.context()).newPage();
    const staffScripts = scriptsOf(page);
    await loginThroughForm(page, staff.email);
    // The header's one "Kenniscentrum" item leads to the hub, which leads on.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kenniscentrum' }).click();
    await page.getByRole('link', { name: 'Naar de Wegwijzer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wegwijzer' }).waitFor();
    const addSection = page.getByRole('button', { name: 'Onderwerp toevoegen' });
    await addSection.waitFor();
    await page.getByText('De Wegwijzer is nog leeg.').waitFor();
    // The check below, that a member loads none of it, can fail.
    expect(staffScripts.filter((s) => STAFF_CHUNK.test(s)).length).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'empty Wegwijzer, staff');

    // A section: an empty name is told beside the field, which takes focus.
    await addSection.click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw onderwerp' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Onderwerp toevoegen' }).click();
    await dialog.getByText('Vul „Naam” in.').waitFor();
    await expect.poll(() => isFocused(dialog.getByLabel('Naam'))).toBe(true);
    await expectNoAxeViolations(page, 'new section dialog with an error');
    await dialog.getByLabel('Naam').fill('Kiesraad');
    await dialog.getByRole('button', { name: 'Onderwerp toevoegen' }).click();
    await status(page, 'Onderwerp Kiesraad is toegevoegd.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => isFocused(addSection)).toBe(true);

    await addSection.click();
    await dialog.getByLabel('Naam').fill('Handreikingen');
    await dialog.getByRole('button', { name: 'Onderwerp toevoegen' }).click();
    await status(page, 'Onderwerp Handreikingen is toegevoegd.').waitFor();
    expect(await sectionNames(page)).toEqual(['Kiesraad', 'Handreikingen']);

    // Move Handreikingen up: the new place is told, focus stays on the button.
    const up = page.getByRole('button', { name: 'Handreikingen omhoog' });
    await up.click();
    await status(page, 'Handreikingen staat nu op plaats 1 van 2.').waitFor();
    await expect.poll(() => isFocused(up)).toBe(true);
    expect(await sectionNames(page)).toEqual(['Handreikingen', 'Kiesraad']);
    expect(await up.getAttribute('aria-disabled')).toBe('true');

    // A link: a javascript: address is refused on the field, before anything is sent.
    await page.getByRole('button', { name: 'Link toevoegen aan Handreikingen' }).click();
    const linkDialog = page.getByRole('dialog', { name: 'Nieuwe link in Handreikingen' });
    await linkDialog.waitFor();
    expect(await linkDialog.getByLabel('Onderwerp').inputValue()).not.toBe('');
    await linkDialog.getByLabel('Titel').fill(TITLE);
    await linkDialog.getByLabel('Webadres').fill('javascript:alert(1)');
    await linkDialog.getByLabel('Omschrijving').fill('Stappen, statuten en de ledenvergadering als twee partijen samengaan.');
    await linkDialog.getByRole('button', { name: 'Link toevoegen' }).click();
    await linkDialog.getByText('Vul een volledig webadres in dat begint met https:// (of http://).').waitFor();
    await expect.poll(() => isFocused(linkDialog.getByLabel('Webadres'))).toBe(true);
    await expectNoAxeViolations(page, 'new link dialog with an error');
    await screenshot(page, 'guide-new-link');
    await linkDialog.getByLabel('Webadres').fill(LINK_URL);
    await linkDialog.getByRole('button', { name: 'Link toevoegen' }).click();
    await status(page, `Link ${TITLE} is toegevoegd.`).waitFor();
    await linkDialog.waitFor({ state: 'hidden' });
    const link = page.getByRole('link', { name: TITLE });
    expect(await link.getAttribute('href')).toBe(LINK_URL);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // The section that holds a link cannot be deleted; the page says why instead of offering a button that would fail.
    expect(await page.getByRole('button', { name: 'Onderwerp Handreikingen verwijderen' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'Wegwijzer with a link, staff');
    await screenshot(page, 'guide-staff');

    // Edit: the form holds the link; moved to another section, its buttons are elsewhere and the message takes focus.
    const moveTo = async (section: string) => {
      await page.getByRole('button', { name: `${TITLE} bewerken` }).click();
      const edit = page.getByRole('dialog', { name: `Link ${TITLE} bewerken` });
      await edit.waitFor();
      expect(await edit.getByLabel('Webadres').inputValue()).toBe(LINK_URL);
      await edit.getByLabel('Onderwerp').selectOption({ label: section });
      await edit.getByRole('button', { name: 'Opslaan' }).click();
      await edit.waitFor({ state: 'hidden' });
      const told = status(page, `Link ${TITLE} is opgeslagen.`);
      await told.waitFor();
      await expect.poll(() => isFocused(told)).toBe(true);
      const holder = page.getByRole('region', { name: section });
      await holder.getByRole('link', { name: TITLE }).waitFor();
    };
    await moveTo('Kiesraad');
    await page.getByRole('button', { name: 'Onderwerp Handreikingen verwijderen' }).waitFor();
    await expectNoAxeViolations(page, 'Wegwijzer after moving a link');
    await moveTo('Handreikingen');

    // The empty section goes, after a confirmation; focus goes to the message.
    await page.getByRole('button', { name: 'Onderwerp Kiesraad verwijderen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Onderwerp Kiesraad verwijderen?' });
    await confirm.waitFor();
    await expectNoAxeViolations(page, 'delete section dialog');
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    const deleted = status(page, 'Onderwerp Kiesraad is verwijderd.');
    await deleted.waitFor();
    await expect.poll(() => isFocused(deleted)).toBe(true);
    expect(await sectionNames(page)).toEqual(['Handreikingen']);

    // A member reads it, without any of the staff's buttons, and finds the link by another form of a word.
    const memberPage = await (await e2e.context()).newPage();
    const memberScripts = scriptsOf(memberPage);
    await loginThroughForm(memberPage, member.email);
    await memberPage.goto('/wegwijzer');
    await memberPage.getByRole('heading', { level: 2, name: 'Handreikingen' }).waitFor();
    const shown = memberPage.getByRole('link', { name: TITLE });
    expect(await shown.getAttribute('href')).toBe(LINK_URL);
    expect(await shown.getAttribute('rel')).toBe('noopener noreferrer');
    await memberPage.getByText('example.nl', { exact: true }).waitFor();
    expect(await memberPage.getByRole('button', { name: 'Onderwerp toevoegen' }).count()).toBe(0);
    expect(memberScripts.filter((s) => STAFF_CHUNK.test(s))).toEqual([]);
    await expectNoAxeViolations(memberPage, 'Wegwijzer, member');
    await screenshot(memberPage, 'guide-member');

    await memberPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken' }).click();
    await memberPage.getByLabel('Zoekterm').fill('fusie');
    await memberPage.getByRole('button', { name: 'Zoeken' }).click();
    const found = memberPage.getByRole('complementary', { name: 'In de Wegwijzer' });
    await found.getByRole('link', { name: TITLE }).waitFor();
    await found.getByText('Onderwerp: Handreikingen').waitFor();
    await memberPage.getByRole('status').filter({ hasText: '1 link in de Wegwijzer.' }).waitFor();
    await expectNoAxeViolations(memberPage, 'search results with a Wegwijzer link');
    await screenshot(memberPage, 'guide-search');
  });
});
