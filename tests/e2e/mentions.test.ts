import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { posts } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** @mentions with the keyboard: the composer suggests names, the posted reply links the chosen one. */
describe('mentioning a member', () => {
  useE2e();

  it('suggests names after @, chooses one with the keyboard, and the posted reply links it', async () => {
    const db = e2e.testApp.db;
    const author = await makeUser(db, { displayName: 'Karin Vraagsteller' });
    const fatima = await makeUser(db, { displayName: 'Fatma Yilmaz' });
    const other = await makeUser(db, { displayName: 'Fatima El Idrissi' });
    await makeUser(db, { displayName: 'Fatoumata Wacht', status: 'pending' });
    const member = await makeUser(db, { displayName: 'Ruud Reageerder' });
    const { threadId } = await makeThread(db, author, { category: 'fuseren', title: 'Wie kent een goede notaris?' });
    // Fatma wrote in the thread, so she comes first.
    await makePost(db, fatima, threadId, { body: 'Ik ken er wel een.' });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Wie kent een goede notaris?' }).waitFor();

    const textarea = page.getByLabel('Je bericht');
    await textarea.click();
    await textarea.pressSequentially('Vraag het @Fat');
    const list = page.getByRole('listbox', { name: 'Leden om te noemen' });
    await list.waitFor();
    const options = list.getByRole('option');
    expect(await options.allTextContents()).toEqual(['Fatma Yilmaz', 'Fatima El Idrissi']);
    expect(await textarea.getAttribute('aria-autocomplete')).toBe('list');
    expect(await textarea.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
    const first = await options.nth(0).getAttribute('id');
    expect(await textarea.getAttribute('aria-activedescendant')).toBe(first);
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('status').filter({ hasText: '2 leden gevonden' }).waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'reply composer with the mention list open');
    await screenshot(page, 'mention-suggest-desktop');

    // Down moves to the second name (and wraps back), Escape closes the list, typing a letter more opens it again.
    await page.keyboard.press('ArrowDown');
    expect(await textarea.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    expect(await textarea.getAttribute('aria-activedescendant')).toBe(first);
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(await textarea.getAttribute('aria-activedescendant')).toBeNull();
    await textarea.press('Backspace');
    await textarea.pressSequentially('tma');
    await list.getByRole('option', { name: 'Fatma Yilmaz' }).waitFor();
    await page.keyboard.press('Enter');
    await list.waitFor({ state: 'detached' });
    expect(await textarea.inputValue()).toBe('Vraag het @Fatma Yilmaz ');
    // The caret is after the name: typing goes on there.
    await textarea.pressSequentially('of @Fatima El Idrissi, wie weet het?');
    expect(await textarea.inputValue()).toBe('Vraag het @Fatma Yilmaz of @Fatima El Idrissi, wie weet het?');

    await page.getByRole('button', { name: 'Plaatsen' }).click();
    const posted = page.getByRole('article', { name: 'Bericht van Ruud Reageerder' });
    const link = posted.getByRole('link', { name: '@Fatma Yilmaz' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/leden/${fatima.id}`);
    expect(await link.getAttribute('target')).toBeNull();
    expect(await posted.getByRole('link', { name: '@Fatima El Idrissi' }).getAttribute('href')).toBe(`/leden/${other.id}`);
    const [row] = await db.select({ mentioned: posts.mentionedUserIds }).from(posts).where(eq(posts.threadId, threadId)).orderBy(posts.id).offset(2);
    expect(row?.mentioned).toEqual([fatima.id, other.id]);

    // The link leads to her page: name, party and municipality, nothing about her account.
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Fatma Yilmaz' }).waitFor();
    await page.getByText('Lokaal Belang').waitFor();
    expect(await page.content()).not.toContain('@example.nl');
    await expectNoAxeViolations(page, 'member page');
    await screenshot(page, 'member-page-desktop');
  });

  it('quotes a post with Citeren: the quote links to it, and the post is stored as quoted', async () => {
    const db = e2e.testApp.db;
    const author = await makeUser(db, { displayName: 'Sanne [de] Citeerbare' });
    const member = await makeUser(db, { displayName: 'Tom Citeerder' });
    const { threadId, postId } = await makeThread(db, author, { category: 'fuseren', title: 'Eerst de ALV of de notaris?', body: 'Eerst de ALV, dan de notaris.' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('article', { name: 'Bericht van Sanne [de] Citeerbare' }).getByRole('button', { name: 'Citeren' }).click();
    const textarea = page.getByLabel('Je bericht');
    await expect.poll(() => textarea.inputValue()).toBe(`> [Sanne \\[de\\] Citeerbare schreef](/discussie/${threadId}#bericht-${postId}):\n>\n> Eerst de ALV, dan de notaris.\n\n`);
    await textarea.pressSequentially('Eens.');
    await page.getByRole('button', { name: 'Plaatsen' }).click();
    const posted = page.getByRole('article', { name: 'Bericht van Tom Citeerder' });
    const quoteLink = posted.locator('blockquote').getByRole('link', { name: 'Sanne [de] Citeerbare schreef' });
    await quoteLink.waitFor();
    expect(await quoteLink.getAttribute('href')).toBe(`/discussie/${threadId}#bericht-${postId}`);
    const [row] = await db.select({ quoted: posts.quotedPostIds }).from(posts).where(eq(posts.threadId, threadId)).orderBy(posts.id).offset(1);
    expect(row?.quoted).toEqual([postId]);
    await expectNoAxeViolations(page, 'thread with a quoting reply');
  });
});
