import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BookmarkList } from '../../shared/api/bookmarks.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What has focus: its tag and its name as a screen reader would start it (aria-label, else its text). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim() };
  });

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, match: (f: { tag: string; text: string }) => boolean, { back = false, max = 60 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`focus never reached the element; it is on ${JSON.stringify(await focused(page))}`);
}

const bookmarkItems = (page: Page) => page.getByRole('list', { name: 'Je bewaarde berichten, nieuwste eerst' }).getByRole('listitem');

/** "Bewaren" on a post, the dialog, /bewaard and the reminder that becomes a notification. */
describe('bookmarks', () => {
  useE2e();

  it('saves a post with a note and "Over een week" from the keyboard, lists it on /bewaard and reminds her when it is due', async () => {
    const db = e2e.testApp.db;
    const reader = await makeUser(db, { displayName: 'Bea Bewaarder' });
    const author = await makeUser(db, { displayName: 'Ad Auteur' });
    const { threadId, postId } = await makeThread(db, author, { category: 'campagne', title: 'Subsidie voor de campagne', body: 'De gemeente geeft een bijdrage per raadszetel.' });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Subsidie voor de campagne' }).waitFor();
    const post = page.locator(`#bericht-${postId}`);
    await post.getByRole('button', { name: 'Bewaren', pressed: false }).waitFor();

    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Bewaren');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Bericht bewaren' });
    await dialog.waitFor();
    // Focus starts in the note, the first thing to fill in.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Navragen bij de griffie');
    // Into the reminder choices (on "Geen herinnering"), and with the arrow keys two down.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: /^Over een week/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Niet meer bewaren' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the bookmark dialog');
    await screenshot(page, 'bookmark-dialog-desktop');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Opslaan');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    // Focus is back on the toggle, which now says it is saved.
    await post.getByRole('button', { name: 'Bewaard', pressed: true }).waitFor();
    await expect.poll(() => focused(page)).toEqual({ tag: 'button', text: 'Bewaard' });
    const api = await e2e.testApp.loginAs(reader);
    const saved = (await api.get<BookmarkList>('/api/bookmarks')).body.bookmarks;
    expect(saved.map((b) => [b.postId, b.note])).toEqual([[postId, 'Navragen bij de griffie']]);
    // "Over een week": 09:00 Amsterdam time, seven days from today there.
    const remindAt = new Date(saved[0]!.remindAt!);
    expect(remindAt.toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' })).toBe('09:00');
    const days = Math.round((remindAt.getTime() - Date.now()) / DAY_MS);
    expect(days === 7 || days === 6).toBe(true);

    // To /bewaard through the header, going back with Shift+Tab.
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Bewaard', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/bewaard');
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading' && document.activeElement.textContent === 'Bewaard');
    const item = bookmarkItems(page).first();
    const link = item.getByRole('link', { name: 'Subsidie voor de campagne' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/discussie/${threadId}#bericht-${postId}`);
    await item.getByText('Door Ad Auteur').waitFor();
    await item.getByText('De gemeente geeft een bijdrage per raadszetel.').waitFor();
    await item.getByText('Navragen bij de griffie').waitFor();
    await item.getByText(/^Herinnering op .*09:00$/).waitFor();
    await expectNoAxeViolations(page, 'the bookmarks page');
    await screenshot(page, 'bookmarks-desktop');

    // Eight days on, the notification worker turns the reminder into a notification.
    await e2e.testApp.app.notifications.drain({ now: new Date(Date.now() + 8 * DAY_MS) });
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Meldingen, 1 ongelezen', exact: true }).waitFor();
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Meldingen, 1 ongelezen', { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    const reminder = page
      .getByRole('list', { name: 'Je meldingen, nieuwste eerst' })
      .getByRole('listitem')
      .first()
      .getByRole('link', { name: /^Herinnering: .*Subsidie voor de campagne.*Navragen bij de griffie/ });
    await reminder.waitFor();
    expect(await reminder.getAttribute('href')).toBe(`/discussie/${threadId}#bericht-${postId}`);
    await expectNoAxeViolations(page, 'notifications with a reminder');

    // The list now says when she was reminded.
    await page.goto('/bewaard');
    await bookmarkItems(page).first().getByText(/^Herinnerd op /).waitFor();
  });

  it('changes and removes bookmarks on /bewaard, shows one that is gone as gone, and the thread page follows', async () => {
    const db = e2e.testApp.db;
    const reader = await makeUser(db, { displayName: 'Rik Lezer' });
    const author = await makeUser(db, { displayName: 'Wil Schrijver' });
    const { threadId } = await makeThread(db, author, { title: 'Ledenwerving op de markt' });
    const kept = await makePost(db, author, threadId, { body: 'Een kraam op de zaterdagmarkt werkt goed.' });
    const gone = await makePost(db, author, threadId, { body: 'Dit haal ik straks weer weg.' });
    const api = await e2e.testApp.loginAs(reader);
    expect((await api.put(`/api/posts/${kept}/bookmark`, { note: 'Later lezen' })).status).toBe(200);
    expect((await api.put(`/api/posts/${gone}/bookmark`, { note: 'Over de kraam' })).status).toBe(200);
    expect((await (await e2e.testApp.loginAs(author)).delete(`/api/posts/${gone}`)).status).toBe(204);

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto('/bewaard');
    await page.getByRole('heading', { level: 1, name: 'Bewaard' }).waitFor();
    const items = bookmarkItems(page);
    await expect.poll(() => items.count()).toBe(2);
    // Newest first: the deleted post, which says it is gone, keeps her note and can only be removed.
    const first = items.nth(0);
    await first.getByRole('heading', { name: 'Dit bericht is niet meer beschikbaar' }).waitFor();
    expect(await first.textContent()).not.toContain('Dit haal ik straks weer weg.');
    await first.getByText('Over de kraam').waitFor();
    expect(await first.getByRole('button').allTextContents()).toEqual(['Niet meer bewaren']);
    await expectNoAxeViolations(page, 'bookmarks with one gone');

    // Changing one: the dialog opens with her note, and a date gives a reminder at 09:00 that day.
    const second = items.nth(1);
    await second.getByRole('button', { name: 'Wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bewaard bericht' });
    await dialog.waitFor();
    expect(await dialog.getByLabel(/^Notitie/).inputValue()).toBe('Later lezen');
    await dialog.getByRole('radio', { name: 'Op datum…' }).check();
    const day = new Date(Date.now() + 10 * DAY_MS).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    await dialog.getByLabel(/^Datum van de herinnering/).fill(day);
    await expectNoAxeViolations(page, 'the bookmark dialog with a date');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Je wijziging is opgeslagen.' }).waitFor();
    await second.getByText(/^Herinnering op .*09:00$/).waitFor();
    const listed = (await api.get<BookmarkList>('/api/bookmarks')).body.bookmarks.find((b) => b.postId === kept)!;
    expect(new Date(listed.remindAt!).toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' })).toBe(`${day} 09:00:00`);

    // Removing the gone one: focus goes to the item now in its place.
    await first.getByRole('button', { name: 'Niet meer bewaren' }).click();
    await page.getByRole('status').filter({ hasText: 'Het bericht is niet meer bewaard.' }).waitFor();
    await expect.poll(() => items.count()).toBe(1);
    await expect.poll(() => focused(page)).toEqual({ tag: 'a', text: 'Ledenwerving op de markt' });

    // The thread page shows the other as saved; its dialog has her note and lets it go.
    await page.goto(`/discussie/${threadId}`);
    const post = page.locator(`#bericht-${kept}`);
    await post.getByRole('button', { name: 'Bewaard', pressed: true }).click();
    const again = page.getByRole('dialog', { name: 'Bewaard bericht' });
    await expect.poll(() => again.getByLabel(/^Notitie/).inputValue()).toBe('Later lezen');
    expect(await again.getByRole('radio', { name: 'Op datum…' }).isChecked()).toBe(true);
    await again.getByRole('button', { name: 'Niet meer bewaren' }).click();
    await again.waitFor({ state: 'detached' });
    await post.getByRole('button', { name: 'Bewaren', pressed: false }).waitFor();

    await page.goto('/bewaard');
    await page.getByText('Je hebt nog niets bewaard.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'bookmarks, empty');
  });
});
