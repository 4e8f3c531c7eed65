import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { threadReads } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/**
 * "Where you left off" (issue 14): a thread link with unread posts opens at the first of them, under the line
 * "Sinds je laatste bezoek", with the earlier posts a button away; the read marker follows what was on screen; and
 * "Nieuw en ongelezen" lists what is new across the categories, in tabs.
 */
describe('where you left off', () => {
  useE2e();

  // The page reports what she saw once her reading rests for a second (use-read-marker.ts): longer than a poll's default.
  const REPORTED = { timeout: 10_000 };
  const markerOf = async (userId: number, threadId: number) =>
    (await e2e.testApp.db.select({ id: threadReads.lastReadPostId }).from(threadReads).where(and(eq(threadReads.userId, userId), eq(threadReads.threadId, threadId))))[0]?.id ?? null;

  /** What has focus: its id, or its tag and text. */
  const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id ?? '', tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));

  /** Presses `key` until focus is on an element matching, as a keyboard user would; fails after `max` presses. */
  async function pressUntil(page: Page, key: string, match: (f: { id: string; tag: string; text: string }) => boolean, max = 30): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(key);
      if (match(await focused(page))) return;
    }
    throw new Error(`focus never got there; it is on ${JSON.stringify(await focused(page))}`);
  }

  /** Whether an element lies wholly within the window. */
  const inView = (page: Page, selector: string) =>
    page.evaluate((s) => {
      const box = document.querySelector(s)?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    }, selector);

  it('opens a thread link with unread posts at the first of them, under "Sinds je laatste bezoek", and loads the earlier posts from the keyboard', async () => {
    const db = e2e.testApp.db;
    const reader = await makeUser(db, { displayName: 'Rosa Terugkeer' });
    const writer = await makeUser(db, { displayName: 'Ahmed Schrijver' });
    const { threadId, postId: opening } = await makeThread(db, writer, { category: 'campagne', title: 'Posters plakken in de wijk', body: 'Wie plakt er mee op zaterdag?' });
    const replies: number[] = [];
    for (let i = 1; i <= 11; i++) replies.push(await makePost(db, writer, threadId, { body: `Reactie ${i}: ik neem de straten rond het plein.` }));
    // Last week she read up to the eighth reply.
    const api = await e2e.testApp.loginAs(reader);
    expect((await api.post(`/api/threads/${threadId}/read`, { postId: replies[7] })).status).toBe(204);
    const firstUnread = replies[8]!;

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto('/forum/campagne');
    const link = page.getByRole('link', { name: 'Posters plakken in de wijk' });
    expect(await link.getAttribute('href')).toBe(`/discussie/${threadId}?vanaf=ongelezen`);
    await link.click();
    await page.waitForURL(`**/discussie/${threadId}?vanaf=ongelezen`);
    await page.getByRole('heading', { level: 1, name: 'Posters plakken in de wijk' }).waitFor();

    // The page begins at the first unread post, which has focus, with the line right above it and in view.
    await expect.poll(async () => (await focused(page)).id).toBe(`bericht-${firstUnread}`);
    const line = page.getByRole('separator', { name: 'Sinds je laatste bezoek' });
    await line.waitFor();
    expect(await line.textContent()).toBe('Sinds je laatste bezoek');
    expect(await page.evaluate(() => document.getElementById('sinds-laatste-bezoek')?.nextElementSibling?.id)).toBe(`bericht-${firstUnread}`);
    await expect.poll(() => inView(page, '#sinds-laatste-bezoek')).toBe(true);
    expect(await page.getByRole('article').count()).toBe(3);
    expect(await page.locator(`#bericht-${opening}`).count()).toBe(0);
    const earlier = page.getByRole('button', { name: 'Eerdere berichten laden' });
    await earlier.waitFor();
    // Both measured in one go: the page may still be scrolling smoothly to the line, and two separate measurements
    // would each see another scroll position.
    const [buttonTop, firstPostTop] = await page.evaluate(() =>
      [document.querySelector('button.earlier-posts'), document.querySelector('article')].map((el) => el?.getBoundingClientRect().top ?? NaN),
    );
    expect(buttonTop).toBeLessThan(firstPostTop!);
    await expectNoAxeViolations(page, 'thread opened at the first unread post');
    await screenshot(page, 'thread-from-unread-desktop');

    // All three unread replies were on screen: the marker follows them (reported after a pause in her reading).
    await expect.poll(() => markerOf(reader.id, threadId), REPORTED).toBe(replies[10]);

    // From the keyboard: back from the post to the button, Enter; focus goes to the first earlier post.
    await pressUntil(page, 'Shift+Tab', (f) => f.tag === 'BUTTON' && f.text === 'Eerdere berichten laden', 5);
    await page.keyboard.press('Enter');
    await page.locator(`#bericht-${opening}`).waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe(`bericht-${opening}`);
    expect(await page.getByRole('article').count()).toBe(12);
    await earlier.waitFor({ state: 'detached' });
    // The line stays where her last visit ended, though her marker has moved on since.
    expect(await page.evaluate(() => document.getElementById('sinds-laatste-bezoek')?.nextElementSibling?.id)).toBe(`bericht-${firstUnread}`);
    await expectNoAxeViolations(page, 'thread with the earlier posts loaded');

    // Opened again without unread posts, the link is the plain one and the thread starts at its beginning.
    await page.goto('/forum/campagne');
    expect(await page.getByRole('link', { name: 'Posters plakken in de wijk' }).getAttribute('href')).toBe(`/discussie/${threadId}`);
  });

  it('moves the read marker as far as she has seen, not as far as the page was loaded', async () => {
    const db = e2e.testApp.db;
    const reader = await makeUser(db, { displayName: 'Lieke Langzaam' });
    const writer = await makeUser(db, { displayName: 'Bart Breedsprakig' });
    const { threadId, postId: opening } = await makeThread(db, writer, { category: 'fuseren', title: 'Het fusieplan in twaalf stappen' });
    const long = (i: number) => `Stap ${i}.\n\n${'Dit moeten we zorgvuldig met de leden bespreken voordat we verder gaan. '.repeat(12)}`;
    const replies: number[] = [];
    // The last step answers the opening post, which a page starting at the first unread post does not hold.
    for (let i = 1; i <= 12; i++) replies.push(await makePost(db, writer, threadId, { body: long(i), replyToPostId: i === 12 ? opening : null }));
    const api = await e2e.testApp.loginAs(reader);
    expect((await api.post(`/api/threads/${threadId}/read`, { postId: opening })).status).toBe(204);

    const page = await (await e2e.context({ width: 1000, height: 700 })).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto(`/discussie/${threadId}?vanaf=ongelezen`);
    await expect.poll(async () => (await focused(page)).id).toBe(`bericht-${replies[0]}`);
    expect(await page.getByRole('article').count()).toBe(12);
    // What was on her screen is reported; the rest of the loaded page is not.
    await expect.poll(() => markerOf(reader.id, threadId), REPORTED).not.toBe(opening);
    const seen = (await markerOf(reader.id, threadId))!;
    expect(seen).toBeGreaterThanOrEqual(replies[0]!);
    expect(seen).toBeLessThan(replies[11]!);

    // Reading on to the end takes the marker there.
    await page.getByRole('heading', { level: 2, name: 'Reageer' }).scrollIntoViewIfNeeded();
    await expect.poll(() => markerOf(reader.id, threadId), REPORTED).toBe(replies[11]);

    // Its "reply to" link leads to the opening post: the earlier posts are loaded for it, and it takes focus.
    await page.locator(`#bericht-${replies[11]}`).getByRole('link', { name: 'Reactie op een eerder bericht' }).click();
    await expect.poll(async () => (await focused(page)).id).toBe(`bericht-${opening}`);
    expect(await page.getByRole('article').count()).toBe(13);
  });

  it('lists what is new across the categories in tabs, followed with the keyboard', async () => {
    const db = e2e.testApp.db;
    const reader = await makeUser(db, { displayName: 'Teun Tabblad' });
    const writer = await makeUser(db, { displayName: 'Saskia Schrijft' });
    const unread = await makeThread(db, writer, { category: 'ledenwerving', title: 'Ledenwerving op de weekmarkt' });
    await makeThread(db, writer, { category: 'fondsenwerving', title: 'Een crowdfunding voor de campagne' });
    const done = await makeThread(db, writer, { category: 'algemeen', title: 'De nieuwsbrief van juni' });
    const api = await e2e.testApp.loginAs(reader);
    expect((await api.post(`/api/threads/${unread.threadId}/read`, { postId: unread.postId })).status).toBe(204);
    expect((await api.post(`/api/threads/${done.threadId}/read`, { postId: done.postId })).status).toBe(204);
    await makePost(db, writer, unread.threadId, { body: 'Zaterdag staan we er weer.' });
    const newest = await makePost(db, writer, unread.threadId, { body: 'Ik neem folders mee.' });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Nieuw en ongelezen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/nieuw-en-ongelezen');
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading' && document.activeElement.textContent === 'Nieuw en ongelezen');

    const tabs = page.getByRole('navigation', { name: 'Welke discussies' });
    const titles = (name: string) => page.getByRole('list', { name }).getByRole('heading', { level: 2 }).allTextContents();
    expect(await tabs.getByRole('link', { name: 'Laatste' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('list', { name: 'Discussies, laatste activiteit eerst' }).waitFor();
    expect((await titles('Discussies, laatste activiteit eerst')).slice(0, 3)).toEqual(['Ledenwerving op de weekmarkt', 'De nieuwsbrief van juni', 'Een crowdfunding voor de campagne']);
    const unreadRow = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ledenwerving op de weekmarkt' }) });
    await unreadRow.getByText('2 nieuwe berichten').waitFor();
    await unreadRow.getByRole('link', { name: 'Ledenwerving', exact: true }).waitFor();
    expect(await unreadRow.getByRole('link', { name: 'Ledenwerving op de weekmarkt' }).getAttribute('href')).toBe(`/discussie/${unread.threadId}?vanaf=ongelezen`);
    await expectNoAxeViolations(page, 'Nieuw en ongelezen: Laatste');
    await screenshot(page, 'recent-latest-desktop');

    await pressUntil(page, 'Tab', (f) => f.tag === 'A' && f.text === 'Ongelezen');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/nieuw-en-ongelezen?tab=ongelezen');
    await page.getByRole('list', { name: 'Discussies met berichten die je nog niet las' }).waitFor();
    expect(await titles('Discussies met berichten die je nog niet las')).toEqual(['Ledenwerving op de weekmarkt']);
    expect(await tabs.getByRole('link', { name: 'Ongelezen' }).getAttribute('aria-current')).toBe('page');
    expect(await tabs.getByRole('link', { name: 'Laatste' }).getAttribute('aria-current')).toBeNull();
    // Focus stays on the tab she followed.
    expect((await focused(page)).text).toBe('Ongelezen');
    await expectNoAxeViolations(page, 'Nieuw en ongelezen: Ongelezen');

    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Nieuw');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/nieuw-en-ongelezen?tab=nieuw');
    await page.getByRole('list', { name: 'Nieuwe discussies die je nog niet opende' }).waitFor();
    const fresh1 = await titles('Nieuwe discussies die je nog niet opende');
    expect(fresh1).toContain('Een crowdfunding voor de campagne');
    expect(fresh1).not.toContain('Ledenwerving op de weekmarkt');
    expect(fresh1).not.toContain('De nieuwsbrief van juni');
    await expectNoAxeViolations(page, 'Nieuw en ongelezen: Nieuw');

    // Following the unread thread from here opens it at its first unread reply; then nothing is left on the tab.
    await pressUntil(page, 'Shift+Tab', (f) => f.tag === 'A' && f.text === 'Ongelezen', 5);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Ledenwerving op de weekmarkt' }).click();
    await page.waitForURL(`**/discussie/${unread.threadId}?vanaf=ongelezen`);
    await page.getByRole('separator', { name: 'Sinds je laatste bezoek' }).waitFor();
    await expect.poll(() => markerOf(reader.id, unread.threadId), REPORTED).toBe(newest);
    await page.goBack();
    await page.getByText('Je bent helemaal bij: in de discussies die je eerder las, is niets nieuws.').waitFor();
    await expectNoAxeViolations(page, 'Nieuw en ongelezen: Ongelezen, empty');
  });
});
