import { describe, expect, it } from 'vitest';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/**
 * The search page as a member uses it, in each of its states (search-similar.test.ts: the composer's "Vergelijkbare
 * discussies"; search-synonyms.test.ts: the admins' synonym list). Each test writes its own threads with words no
 * other test uses, and drains the search outbox itself (the index is fed after commit).
 */
describe('the search page', () => {
  useE2e();

  const drain = () => e2e.testApp.app.searchService.drainOutbox();
  const memberPage = async (options?: { width?: number; height?: number }) => {
    const member = await makeUser(e2e.testApp.db);
    const page = await (await e2e.context(options)).newPage();
    await loginThroughForm(page, member.email);
    return page;
  };

  it('shows threads, not posts: the best post, how many posts match, the author filter and the sort', async () => {
    const db = e2e.testApp.db;
    const sanne = await makeUser(db, { displayName: 'Sanne Zoekster' });
    const other = await makeUser(db, { displayName: 'Piet Anders' });
    const many = await makeThread(db, sanne, { category: 'fuseren', title: 'Wie zit er in de kascommissie?', body: 'Wij zoeken leden voor de kascommissie.' });
    await makePost(db, sanne, many.threadId, { body: 'De kascommissie controleert de boeken.' });
    await makePost(db, sanne, many.threadId, { body: 'Twee leden in de kascommissie is genoeg.' });
    const once = await makeThread(db, other, { title: 'Jaarverslag en kascommissie', body: 'Het verslag van de kascommissie staat online.' });
    await drain();

    const page = await memberPage();
    await page.goto('/zoeken');
    await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
    await expectNoAxeViolations(page, 'search page, empty');
    await page.getByLabel('Zoekterm').fill('kascommissie');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();

    const heading = page.getByRole('heading', { level: 2, name: 'Resultaten voor „kascommissie”' });
    await heading.waitFor();
    // Focus goes to the results, and the outcome is read out.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Resultaten voor „kascommissie”');
    await page.getByRole('status').filter({ hasText: '2 discussies gevonden.' }).waitFor({ state: 'attached' });
    const hits = page.locator('.search-hit');
    expect(await hits.count()).toBe(2);
    const manyHit = hits.filter({ has: page.getByRole('link', { name: 'Wie zit er in de kascommissie?' }) });
    expect(await manyHit.getByText('3 berichten komen overeen').count()).toBe(1);
    expect(await manyHit.getByRole('link', { name: 'Wie zit er in de kascommissie?' }).getAttribute('href')).toMatch(new RegExp(`^/discussie/${many.threadId}#bericht-\\d+$`));
    expect(await manyHit.locator('.snippet mark').first().textContent()).toMatch(/kascommissie/i);
    const onceHit = hits.filter({ has: page.getByRole('link', { name: 'Jaarverslag en kascommissie' }) });
    expect(await onceHit.getByText(/komen overeen/).count()).toBe(0);
    expect(await onceHit.getByRole('link', { name: 'Jaarverslag en kascommissie' }).getAttribute('href')).toBe(`/discussie/${once.threadId}#bericht-${once.postId}`);
    await expectNoAxeViolations(page, 'search results grouped per thread');
    await screenshot(page, 'search-grouped-desktop');

    // Newest first: the thread whose matching post is the latest leads.
    await page.getByLabel('Sorteren op').selectOption({ label: 'Nieuwste' });
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL('**/zoeken?q=kascommissie&sortering=nieuwste');
    await expect.poll(() => hits.locator('h3').allTextContents()).toEqual(['Jaarverslag en kascommissie', 'Wie zit er in de kascommissie?']);

    // The author filter: a name typed, chosen from the list with the keyboard, kept in the address as an id.
    const author = page.getByRole('combobox', { name: 'Schrijver' });
    await author.pressSequentially('Sanne Zoek');
    const list = page.getByRole('listbox', { name: 'Leden' });
    await list.getByRole('option', { name: 'Sanne Zoekster' }).waitFor();
    expect(await author.getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(page, 'search page with the author list open');
    await author.press('ArrowDown');
    await author.press('Enter');
    await list.waitFor({ state: 'detached' });
    expect(await author.inputValue()).toBe('Sanne Zoekster');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(`**/zoeken?q=kascommissie&schrijver=${sanne.id}&sortering=nieuwste`);
    await page.getByRole('status').filter({ hasText: '1 discussie gevonden.' }).waitFor({ state: 'attached' });
    expect(await hits.locator('h3').allTextContents()).toEqual(['Wie zit er in de kascommissie?']);

    // The address alone brings the same search back, the author's name in the field.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Resultaten voor „kascommissie”' }).waitFor();
    await expect.poll(() => author.inputValue()).toBe('Sanne Zoekster');
    expect(await page.getByLabel('Sorteren op').inputValue()).toBe('newest');
    // A name that was typed but not chosen is not searched for as if it were nobody.
    await page.getByRole('button', { name: 'Schrijver Sanne Zoekster wissen' }).click();
    expect(await author.inputValue()).toBe('');
    await author.fill('Niemand Bekend');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByText('Kies een schrijver uit de lijst, of maak het veld leeg.').waitFor();
    expect(page.url()).toContain(`schrijver=${sanne.id}`);
    await expectNoAxeViolations(page, 'search page with an author error');
  });

  it('never answers another question silently: corrected, partial, suggested and empty', async () => {
    const db = e2e.testApp.db;
    const writer = await makeUser(db, { displayName: 'Kees Schrijver' });
    await makeThread(db, writer, { title: 'De kandidatenlijst opstellen', body: 'Wie bepaalt de volgorde op de kandidatenlijst?' });
    await makeThread(db, writer, { title: 'Scholieren bereiken', body: 'Hoe bereik je scholieren op de markt?' });
    await makeThread(db, writer, { title: 'Vrijwilligers voor de markt', body: 'Genoeg vrijwilligers gevonden?' });
    // "thesaurier" is a synonym of "penningmeester" (the seeded list): one thread; "thesaurus", a word close to it, three.
    await makeThread(db, writer, { title: 'Taken van de penningmeester', body: 'Wat doet een penningmeester precies?' });
    for (const n of [1, 2, 3]) await makeThread(db, writer, { title: `Thesaurus voor beleidstaal ${n}`, body: `Een thesaurus helpt bij beleidstaal (${n}).` });
    await drain();
    const page = await memberPage();
    const search = async (q: string) => {
      await page.goto('/zoeken');
      await page.getByLabel('Zoekterm').fill(q);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    };

    // A typo that finds nothing: the heading names the corrected query the threads are for, the line under it says
    // the typed words found nothing; no "search instead" offer, since those words have no results.
    await search('kandidatenljst');
    await page.getByRole('heading', { level: 2, name: 'Resultaten voor „kandidatenlijst”' }).waitFor();
    await page.getByText('Niets gevonden voor „kandidatenljst”. Dit zijn de resultaten voor de verbeterde spelling.').waitFor();
    await page.getByRole('link', { name: 'De kandidatenlijst opstellen' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Geen resultaten voor „kandidatenljst”. 1 discussie gevonden voor „kandidatenlijst”.' }).waitFor({ state: 'attached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Resultaten voor „kandidatenlijst”');
    expect(await page.getByText(/Zoek in plaats daarvan/).count()).toBe(0);
    await expectNoAxeViolations(page, 'search: corrected query');
    await screenshot(page, 'search-corrected-desktop');

    // No thread has both words: the ones with most of them, and a line that says so.
    await search('scholieren vrijwilligers');
    await page.getByText('Geen discussie bevat al je zoekwoorden. Dit zijn de discussies met de meeste ervan.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Resultaten voor „scholieren vrijwilligers”' }).waitFor();
    expect(await page.locator('.search-hit').count()).toBe(2);
    await expectNoAxeViolations(page, 'search: partial match');

    // Found one thread; a correction finds more: offered as a link under the heading, not applied.
    await search('thesaurier');
    await page.getByRole('heading', { level: 2, name: 'Resultaten voor „thesaurier”' }).waitFor();
    expect(await page.locator('.search-hit').count()).toBe(1);
    const suggestion = page.getByRole('link', { name: '„thesaurus”' });
    await suggestion.waitFor();
    await page.getByText('Zoek in plaats daarvan naar „thesaurus”', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Je kunt ook zoeken naar „thesaurus”.' }).waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'search: suggestion');
    await screenshot(page, 'search-suggestion-desktop');
    await suggestion.click();
    await page.getByRole('heading', { level: 2, name: 'Resultaten voor „thesaurus”' }).waitFor();
    expect(await page.getByLabel('Zoekterm').inputValue()).toBe('thesaurus');
    await page.getByRole('status').filter({ hasText: '3 discussies gevonden.' }).waitFor({ state: 'attached' });
    // Never an offer above results that are already for it.
    expect(await page.getByText(/Zoek in plaats daarvan/).count()).toBe(0);

    // Nothing at all.
    await search('xylofoonkwartet');
    await page.getByRole('heading', { level: 2, name: 'Geen resultaten voor „xylofoonkwartet”' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Geen resultaten voor „xylofoonkwartet”.' }).waitFor({ state: 'attached' });
    expect(await page.locator('.search-hit').count()).toBe(0);
    await expectNoAxeViolations(page, 'search: no results');
  });
});
