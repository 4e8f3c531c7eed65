import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** What has focus: its tag, id and text (or label), as a keyboard user would find it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim() };
  });

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, match: (f: { tag: string; id: string; text: string }) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`focus never reached the element; it is on ${JSON.stringify(await focused(page))}`);
}

const headingFocused = (page: Page, text: string) =>
  page.waitForFunction((name) => document.activeElement?.id === 'main-heading' && document.activeElement.textContent === name, text);

/** Members' pages and the directory (issue 14), with the keyboard only, and checked with axe. */
describe('member pages', () => {
  useE2e();

  it('opens a member page from a post’s author link and shows her role, stats and best answer', async () => {
    const db = e2e.testApp.db;
    const anna = await makeUser(db, { displayName: 'Anna Zeeuw', party: 'Zeeuwse Koers', municipality: 'Goes', representativeRole: 'raadslid', representativeVerified: true });
    const bert = await makeUser(db, { displayName: 'Bert Vrager' });
    const { threadId } = await makeThread(db, bert, { title: 'Fuseren in Zeeland', body: 'Hoe pakten jullie de fusie aan?' });
    const answer = await makePost(db, anna, threadId, { body: 'Begin bij de leden: een gezamenlijke ALV.' });
    const bertApi = await e2e.testApp.loginAs(bert);
    expect((await bertApi.put(`/api/threads/${threadId}/solution`, { postId: answer })).status).toBe(200);
    expect((await bertApi.put(`/api/posts/${answer}/reactions/thanks`)).status).toBe(200);

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, bert.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Fuseren in Zeeland' }).waitFor();
    await page.locator(`#bericht-${answer}`).waitFor();

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Anna Zeeuw');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/leden/${anna.id}`);
    await headingFocused(page, 'Anna Zeeuw');

    const main = page.locator('main');
    await main.getByText('1 beste antwoord', { exact: true }).waitFor();
    for (const stat of ['0 discussies gestart', '1 bericht', '1 keer bedankt of nuttig gevonden']) await main.getByText(stat, { exact: true }).waitFor();
    await main.getByText('Geverifieerd', { exact: true }).waitFor();
    expect(await main.locator('dl.details').textContent()).toContain('Zeeuwse Koers');
    expect(await main.getByText('Geen discussies die jij kunt zien.').count()).toBe(1);
    const best = main.getByRole('list', { name: 'Beste antwoorden' }).getByRole('link', { name: 'Fuseren in Zeeland' });
    expect(await best.getAttribute('href')).toBe(`/discussie/${threadId}#bericht-${answer}`);
    await expectNoAxeViolations(page, 'member page');
    await screenshot(page, 'member-page-desktop');

    // On to the thread from her best answer, still with the keyboard.
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Fuseren in Zeeland');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/discussie/${threadId}#bericht-${answer}`);
  });

  it('finds the members of a province through the directory, filters kept in the address', async () => {
    const db = e2e.testApp.db;
    const reader = await makeUser(db, { displayName: 'Lezer Leden' });
    await makeUser(db, { displayName: 'Dirk Fractie', municipality: 'Middelburg', representativeRole: 'raadslid' });
    await makeUser(db, { displayName: 'Els Fractie', municipality: 'Vlissingen', representativeRole: 'wethouder' });
    await makeUser(db, { displayName: 'Gijs Fractie', municipality: 'Utrecht', representativeRole: 'raadslid' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Leden');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/leden');
    await headingFocused(page, 'Leden');
    await page.getByRole('status').filter({ hasText: 'gevonden' }).waitFor();
    await expectNoAxeViolations(page, 'members directory');

    await tabTo(page, (f) => f.id === 'leden-naam');
    await page.keyboard.type('fractie');
    await tabTo(page, (f) => f.id === 'leden-provincie');
    // A closed select takes typed letters: "Zeeland" is the only province starting with "Ze".
    await page.keyboard.type('Ze');
    expect(await page.locator('#leden-provincie').inputValue()).toBe('Zeeland');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Zoeken');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('provincie') === 'Zeeland' && url.searchParams.get('naam') === 'fractie');

    const results = page.locator('main ul.card-list');
    await page.getByRole('status').filter({ hasText: '2 leden gevonden.' }).waitFor();
    expect(await results.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Dirk Fractie', 'Els Fractie']);
    expect(await results.locator('li').first().textContent()).toContain('Middelburg');
    // The form shows the filters of the address it came from.
    expect(await page.locator('#leden-provincie').inputValue()).toBe('Zeeland');
    await expectNoAxeViolations(page, 'members directory, filtered');
    await screenshot(page, 'members-directory-desktop');

    // A name in the list opens her page.
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Dirk Fractie');
    await page.keyboard.press('Enter');
    await headingFocused(page, 'Dirk Fractie');
  });
});
