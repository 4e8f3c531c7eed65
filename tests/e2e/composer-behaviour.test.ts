import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** The reply field's top on screen, and where her caret is. */
const fieldState = (page: Page) =>
  page.getByLabel('Je bericht').evaluate((el: HTMLTextAreaElement) => ({
    top: el.getBoundingClientRect().top,
    focused: document.activeElement === el,
    caret: el.selectionStart,
    value: el.value,
  }));

/** Until the page has painted twice more: a layout correction happens before the next paint. */
const twoFrames = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

/** Display names are unique: each test's people get the thread's first word after theirs. */
async function threadWithPosts(count: number, title: string) {
  const db = e2e.testApp.db;
  const tag = title.split(' ')[0];
  const reader = await makeUser(db, { displayName: `Roos Reageerder ${tag}` });
  const writer = await makeUser(db, { displayName: `Wim Woordvoerder ${tag}` });
  const { threadId } = await makeThread(db, writer, { category: 'kandidaatstelling', title });
  for (let i = 1; i <= count; i++) await makePost(db, i % 2 ? reader : writer, threadId, { body: `Bijdrage ${i} over de campagne in de wijk en wat daarvoor nodig is.` });
  return { db, reader, writer, threadId };
}

/** She types while another member's reply arrives: the field stays where it is, with her focus and caret. */
async function expectFieldStaysUnderLiveReply(page: Page, send: () => Promise<unknown>, text: string) {
  const field = page.getByLabel('Je bericht');
  await field.click();
  await field.pressSequentially('Mijn halve zin');
  await twoFrames(page);
  const before = await fieldState(page);
  expect(before.top).toBeLessThan(await page.evaluate(() => window.innerHeight));
  await send();
  await page.getByText(text).waitFor();
  await twoFrames(page);
  const after = await fieldState(page);
  expect(Math.abs(after.top - before.top)).toBeLessThanOrEqual(1);
  expect(after.focused).toBe(true);
  expect(after.caret).toBe(before.caret);
  // She types on where she was.
  await page.keyboard.type(' en meer');
  expect(await field.inputValue()).toBe('Mijn halve zin en meer');
}

describe('the composer', () => {
  useE2e();

  it('stays put under a live reply, posts with Ctrl+Enter, and focuses the new post', async () => {
    const { db, reader, writer, threadId } = await threadWithPosts(6, 'Folders voor de markt');
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Folders voor de markt' }).waitFor();
    await page.getByLabel('Je bericht').scrollIntoViewIfNeeded();

    await expectFieldStaysUnderLiveReply(page, () => makePost(db, writer, threadId, { body: 'Een reactie die live binnenkomt.' }), 'Een reactie die live binnenkomt.');
    await expectNoAxeViolations(page, 'composer after a live reply');

    await page.keyboard.press('Control+Enter');
    const mine = page.getByRole('article').filter({ hasText: 'Mijn halve zin en meer' });
    await mine.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('ARTICLE');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Mijn halve zin en meer');
    expect(await page.getByLabel('Je bericht').inputValue()).toBe('');
    await expectNoAxeViolations(page, 'thread after posting');

    // After an edit, focus goes back to the edited post.
    const mineId = await mine.getAttribute('id');
    const edited = page.locator(`#${mineId}`);
    await edited.getByRole('button', { name: 'Bewerken' }).click();
    await edited.getByLabel('Je bericht').fill('Mijn verbeterde zin');
    await edited.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await edited.getByText('Mijn verbeterde zin').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(mineId);
  });

  it('names each toolbar button by the text it shows, and asks for a link address in a dialog', async () => {
    const { reader, threadId } = await threadWithPosts(1, 'Linkjes naar het programma');
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto(`/discussie/${threadId}`);
    const toolbar = page.getByRole('toolbar', { name: 'Opmaak' });
    await toolbar.waitFor();
    // WCAG 2.5.3: the accessible name contains the words on the button (symbols beside them are decoration).
    const names = [...(await toolbar.ariaSnapshot()).matchAll(/button "([^"]+)"/g)].map((m) => m[1]);
    const visible = await toolbar.getByRole('button').evaluateAll((buttons) => buttons.map((b) => ((b as HTMLElement).innerText.match(/\p{L}+/gu) ?? []).join(' ')));
    expect(visible).toEqual(['Vet', 'Cursief', 'Link', 'Citaat', 'Lijst']);
    visible.forEach((text, i) => expect(names[i]).toContain(text));

    const field = page.getByLabel('Je bericht');
    const posts = await page.getByRole('article').count();
    await field.fill('Lees het programma');
    await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(9, 18));
    await toolbar.getByRole('button', { name: 'Link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link invoegen' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'link dialog');
    const address = dialog.getByLabel('Webadres');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('url');
    await address.fill('geen adres');
    await dialog.getByRole('button', { name: 'Invoegen' }).click();
    await dialog.getByText('Vul een volledig webadres in').waitFor();
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'link dialog with an error');
    await address.fill('www.plein-voorbeeld.nl/programma');
    await address.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe('Lees het [programma](https://www.plein-voorbeeld.nl/programma)');
    // The dialog's form did not send the reply it sits in, and the field has focus back.
    expect(await page.getByRole('article').count()).toBe(posts);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  });

  it('reserves the thread page while it loads, in the layout of the page', async () => {
    const { reader, threadId } = await threadWithPosts(2, 'Een pagina die op zich laat wachten');
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    // The thread's answer waits until the outline has been looked at.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(new RegExp(`/api/threads/${threadId}(\\?|$)`), async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/discussie/${threadId}`);
    const skeleton = page.getByTestId('thread-skeleton');
    await skeleton.waitFor();
    expect(await skeleton.locator('.posts > .post').count()).toBe(3);
    expect(await skeleton.locator('.reply-box').count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'Laden' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'thread skeleton');
    release();
    await page.getByRole('heading', { level: 1, name: 'Een pagina die op zich laat wachten' }).waitFor();
    expect(await skeleton.count()).toBe(0);
    expect(await page.locator('main .posts > .post').count()).toBe(3);
    expect(await page.locator('main .reply-box').count()).toBe(1);
  });

  it('on a phone: "Reageer" jumps to the composer, which stays put under a live reply', async () => {
    const { db, reader, writer, threadId } = await threadWithPosts(8, 'Op de fiets langs de deuren');
    const page = await (await e2e.context({ width: 375, height: 740 })).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Op de fiets langs de deuren' }).waitFor();
    const field = page.getByLabel('Je bericht');
    expect(await field.evaluate((el) => el.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    await expectNoAxeViolations(page, 'thread on a phone');
    await page.getByRole('button', { name: 'Reageer', exact: true }).click();
    await expect.poll(() => field.evaluate((el) => document.activeElement === el)).toBe(true);
    await expect.poll(() => field.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
    await screenshot(page, 'composer-phone-jump');

    await expectFieldStaysUnderLiveReply(page, () => makePost(db, writer, threadId, { body: 'Live vanaf de markt.' }), 'Live vanaf de markt.');
    await expectNoAxeViolations(page, 'composer on a phone after a live reply');
  });

  it('shows no "Reageer" jump on a wide screen', async () => {
    const { reader, threadId } = await threadWithPosts(1, 'Breed scherm');
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByLabel('Je bericht').waitFor();
    expect(await page.getByRole('button', { name: 'Reageer', exact: true }).count()).toBe(0);
  });
});
