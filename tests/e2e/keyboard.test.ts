import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, useE2e } from './browser.js';

/** What has focus, as a person using a screen reader would hear it: the element's tag and its text or label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(), name: el?.getAttribute('name') ?? '' };
  });

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, match: (f: { tag: string; text: string }) => boolean, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`focus never reached the element; it is on ${JSON.stringify(await focused(page))}`);
}

describe('keyboard only', () => {
  useE2e();

  it('logs in, opens a category and a thread and replies without a mouse; focus lands on each new page heading', async () => {
    const member = await makeUser(e2e.testApp.db, { displayName: 'Kees Toetsenbord' });
    const author = await makeUser(e2e.testApp.db, { displayName: 'Fatima El Amrani' });
    await makeThread(e2e.testApp.db, author, { category: 'campagne', title: 'Flyeren in de regen', body: 'Hoe houden jullie de flyers droog?' });
    const page = await (await e2e.context()).newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // The first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Naar de inhoud');

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Inloggen');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/inloggen');
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Inloggen' });

    await page.keyboard.press('Tab');
    expect((await focused(page)).tag).toBe('input');
    await page.keyboard.type(member.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wachtwoord-123');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/forum');
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading' && document.activeElement.textContent === 'Forum');

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Campagne');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading' && document.activeElement.textContent === 'Campagne');

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Flyeren in de regen');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading' && document.activeElement.textContent === 'Flyeren in de regen');

    // Reply through the post's own "Reageren" button, which puts focus in the composer.
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Reageren');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.type('In plastic hoesjes, en alleen bij droog weer.');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Plaatsen');
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: 'Bericht van Kees Toetsenbord' }).getByText('Reactie op Fatima El Amrani').waitFor();
  });

  it('closes the report dialog with Escape and gives focus back to the button that opened it', async () => {
    const member = await makeUser(e2e.testApp.db);
    const author = await makeUser(e2e.testApp.db, { displayName: 'Piet Post' });
    const { threadId } = await makeThread(e2e.testApp.db, author, { title: 'Een draad om te melden' });
    const context = await e2e.context();
    const page = await context.newPage();
    const { loginThroughForm } = await import('./browser.js');
    await loginThroughForm(page, member.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Een draad om te melden' }).waitFor();
    await page.getByRole('button', { name: 'Rapporteren' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Bericht rapporteren' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Rapporteren' });
  });
});
