import { describe, expect, it } from 'vitest';
import { makeCategory, makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** "Bedankt" and "Nuttig" under a post, with the keyboard only: given, counted, who gave it, and never on your own post. */
describe('reactions', () => {
  useE2e();

  it('a member thanks a post; the author sees the count and who, but has no button on her own post', async () => {
    const db = e2e.testApp.db;
    await makeCategory(db, { slug: 'waardering-test', name: 'Waardering' });
    const starter = await makeUser(db, { displayName: 'Kees Starter' });
    const author = await makeUser(db, { displayName: 'Anna Auteur' });
    const member = await makeUser(db, { displayName: 'Mila Meelezer' });
    const thanked = await makeThread(db, starter, { category: 'waardering-test', title: 'Tips voor de ledenvergadering', body: 'Wie heeft tips?' });
    const postId = await makePost(db, author, thanked.threadId, { body: 'Begin op tijd en houd de agenda kort.' });
    await makeThread(db, starter, { category: 'waardering-test', title: 'Een nieuwere vraag zonder waardering', body: 'Nog niemand bedankt.' });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);
    await page.goto(`/discussie/${thanked.threadId}`);
    const post = page.locator(`#bericht-${postId}`);
    const thanks = post.getByRole('button', { name: /^Bedankt/ });
    await thanks.waitFor();
    expect(await thanks.getAttribute('aria-pressed')).toBe('false');
    expect(await post.getByRole('button', { name: /^Nuttig/ }).getAttribute('aria-pressed')).toBe('false');
    // Nobody reacted yet: nothing to ask "wie?" about.
    expect(await post.getByRole('button', { name: /^wie\?/ }).count()).toBe(0);

    await thanks.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => thanks.getAttribute('aria-pressed')).toBe('true');
    expect(await thanks.locator('.reaction-count').textContent()).toBe('1');
    // Focus stayed on the button it pressed.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('true');
    await expectNoAxeViolations(page, 'a post thanked');
    await screenshot(page, 'reactions-thanked-desktop');

    // Someone else thanks it too: the new count arrives live, without her own reactions (never in live events),
    // and her button stays pressed.
    const other = await e2e.testApp.loginAs(starter);
    expect((await other.request('PUT', `/api/posts/${postId}/reactions/thanks`)).status).toBe(200);
    await expect.poll(() => thanks.locator('.reaction-count').textContent()).toBe('2');
    expect(await thanks.getAttribute('aria-pressed')).toBe('true');

    // "wie?" names her, under "Bedankt"; Escape closes the dialog and focus goes back to "wie?".
    const who = post.getByRole('button', { name: /^wie\?/ });
    await who.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Waardering voor het bericht van Anna Auteur' });
    await dialog.getByRole('link', { name: 'Mila Meelezer' }).waitFor();
    expect(await dialog.getByRole('list', { name: 'Bedankt (2)' }).getByRole('listitem').allTextContents()).toEqual(['Mila Meelezer', 'Kees Starter']);
    await dialog.getByText('Nog niemand.').waitFor();
    await expectNoAxeViolations(page, 'who reacted, dialog open');
    await screenshot(page, 'reactions-who-desktop');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^wie\?/);

    // The list counts it, and "Meest gewaardeerd" puts the thread first though another one is newer.
    await page.goto('/forum/waardering-test');
    const titles = page.locator('.thread-item h2');
    await expect.poll(() => titles.allTextContents()).toEqual(['Een nieuwere vraag zonder waardering', 'Tips voor de ledenvergadering']);
    await page.locator('.thread-item').filter({ hasText: 'Tips voor de ledenvergadering' }).getByText('2 waarderingen', { exact: false }).waitFor();
    const sort = page.getByRole('combobox', { name: 'Sorteren op' });
    await sort.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL('**/forum/waardering-test?sort=reactions');
    await expect.poll(() => titles.allTextContents()).toEqual(['Tips voor de ledenvergadering', 'Een nieuwere vraag zonder waardering']);
    await expectNoAxeViolations(page, 'thread list sorted by reactions');

    // The author: the count as text, "wie?" names the member, and no buttons to thank herself.
    const own = await (await e2e.context()).newPage();
    await loginThroughForm(own, author.email);
    await own.goto(`/discussie/${thanked.threadId}`);
    const mine = own.locator(`#bericht-${postId}`);
    await mine.getByText('2× bedankt').waitFor();
    expect(await mine.getByRole('button', { name: /^Bedankt/ }).count()).toBe(0);
    expect(await mine.getByRole('button', { name: /^Nuttig/ }).count()).toBe(0);
    await mine.getByRole('button', { name: /^wie\?/ }).focus();
    await own.keyboard.press('Enter');
    await own.getByRole('dialog', { name: 'Waardering voor het bericht van Anna Auteur' }).getByRole('link', { name: 'Mila Meelezer' }).waitFor();
    await own.keyboard.press('Escape');
    await expectNoAxeViolations(own, 'own post with its count');

    // Pressed again: taken back.
    await page.goto(`/discussie/${thanked.threadId}`);
    await thanks.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => thanks.getAttribute('aria-pressed')).toBe('false');
    expect(await thanks.locator('.reaction-count').textContent()).toBe('1');
  });
});
