import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e, waitForLoaded } from './browser.js';

const PHONE = { width: 375, height: 812 };
/** --bg of the dark theme (client/src/base.css), as the browser reports it. */
const DARK_BG = 'rgb(15, 19, 24)';
const LIGHT_BG = 'rgb(244, 246, 248)';

/** Nothing wider than the window: a phone never scrolls the page sideways (a wide table scrolls inside its own box). */
async function expectNoHorizontalOverflow(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `horizontal overflow on ${label}`).toBeLessThanOrEqual(innerWidth);
}

async function expectBackground(page: Page, colour: string) {
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(colour);
}

/** The design pass: the main pages in the dark theme (axe, colour contrast included) and at phone width. */
describe('design: dark theme and phone width', () => {
  useE2e();
  let threadId: number;
  let memberEmail: string;
  let moderatorEmail: string;
  beforeAll(async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Sanne Bakker', representativeRole: 'raadslid', party: 'Gemeentebelangen', municipality: 'Zwolle' });
    memberEmail = member.email;
    const other = await makeUser(db, { displayName: 'Henk Smit', representativeRole: 'wethouder', party: 'Lokaal Zwolle', municipality: 'Zwolle' });
    const moderator = await makeUser(db, { role: 'moderator', displayName: 'Mira Moderator' });
    moderatorEmail = moderator.email;
    const thread = await makeThread(db, member, {
      category: 'fuseren',
      title: 'Fusie met de buurpartij: hoe begin je?',
      body: 'Wij praten met **Lokaal Zwolle** over samengaan.\n\n- Wie begint het gesprek?\n- Wat doe je met de naam?\n\n`code` en een [link](https://example.org).',
    });
    threadId = thread.threadId;
    const reply = await makePost(db, other, threadId, { body: '> Wie begint het gesprek?\n\nDe voorzitters, en pas daarna de leden. Neem de tijd.', replyToPostId: thread.postId });
    await makePost(db, member, threadId, { body: 'Dank je, dat is een goede tip.', replyToPostId: reply });
    await makeThread(db, other, { category: 'fuseren', title: 'Statuten van een fusiepartij' });
    // Something waits in the moderation queue.
    const reporting = await e2e.testApp.loginAs(member);
    expect((await reporting.post(`/api/posts/${reply}/reports`, { reason: 'off_topic', note: 'Hoort in een andere discussie.' })).status).toBe(201);
    await e2e.testApp.app.searchService.drainOutbox();
  });

  /** Opens each main page, waits for its content, and checks it as `label` says. */
  async function walk(page: Page, label: string, check: (page: Page, name: string) => Promise<void>) {
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await check(page, `landing (${label})`);

    await loginThroughForm(page, memberEmail);
    await check(page, `forum (${label})`);

    await page.goto('/forum/fuseren');
    await page.getByRole('link', { name: 'Statuten van een fusiepartij' }).waitFor();
    await check(page, `category (${label})`);

    await page.goto(`/discussie/${threadId}`);
    await page.getByText('Dank je, dat is een goede tip.').waitFor();
    await check(page, `thread (${label})`);
    await page.getByRole('button', { name: 'Voorbeeld' }).click();
    await page.getByRole('button', { name: 'Voorbeeld', pressed: true }).waitFor();
    await check(page, `composer preview (${label})`);

    await page.goto('/profiel');
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await check(page, `profile (${label})`);

    await page.goto('/zoeken?q=gesprek');
    await page.getByRole('link', { name: 'Fusie met de buurpartij: hoe begin je?' }).first().waitFor();
    await check(page, `search (${label})`);

    await page.goto('/nieuw-en-ongelezen');
    await page.getByRole('link', { name: 'Statuten van een fusiepartij' }).waitFor();
    await check(page, `new and unread (${label})`);
  }

  async function moderatorWalk(page: Page, label: string, check: (page: Page, name: string) => Promise<void>) {
    await loginThroughForm(page, moderatorEmail);
    await page.goto('/moderatie');
    await page.getByRole('heading', { level: 1, name: 'Gerapporteerde berichten' }).waitFor();
    await waitForLoaded(page);
    await check(page, `moderation queue (${label})`);
    await page.goto(`/discussie/${threadId}`);
    await page.getByText('Dank je, dat is een goede tip.').waitFor();
    await check(page, `thread as moderator (${label})`);
  }

  for (const [label, size] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`the dark theme passes axe, colour contrast included, at ${label} width`, async () => {
      const page = await (await e2e.context(size)).newPage();
      await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      const check = async (p: Page, name: string) => {
        await expectBackground(p, DARK_BG);
        await expectNoAxeViolations(p, `${name}, dark`);
        await expectNoHorizontalOverflow(p, `${name}, dark`);
        await screenshot(p, `dark-${name.replace(/[^a-z]+/gi, '-')}`);
      };
      await walk(page, label, check);
      const moderatorPage = await (await e2e.context(size)).newPage();
      await moderatorPage.emulateMedia({ colorScheme: 'dark' });
      await moderatorWalk(moderatorPage, label, check);
    });
  }

  it('the light theme fits a 375 px phone, with post actions a thumb can hit', async () => {
    const page = await (await e2e.context(PHONE)).newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    const check = async (p: Page, name: string) => {
      await expectBackground(p, LIGHT_BG);
      await expectNoHorizontalOverflow(p, `${name}, light`);
    };
    await walk(page, 'phone', check);
    const moderatorPage = await (await e2e.context(PHONE)).newPage();
    await moderatorWalk(moderatorPage, 'phone', check);

    // Every action under a post is a button at least 44 px tall, named by its visible word.
    await page.goto(`/discussie/${threadId}`);
    const post = page.getByRole('article', { name: 'Bericht van Henk Smit' });
    for (const name of ['Reageren', 'Citeren', 'Rapporteren', 'Bewaren']) {
      const box = await post.getByRole('button', { name, exact: true }).boundingBox();
      expect(box!.height, name).toBeGreaterThanOrEqual(44);
    }
  });

  it('has a logo in the header and icons for browsers and phones', async () => {
    const page = await (await e2e.context()).newPage();
    await page.goto('/');
    // The mark is decoration; the link is named by the word.
    await page.getByRole('banner').getByRole('link', { name: 'Plein', exact: true }).waitFor();
    expect(await page.locator('.site-header svg.logo-mark').getAttribute('aria-hidden')).toBe('true');
    const icons = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel~="icon"], link[rel="apple-touch-icon"]')].map((l) => l.getAttribute('href')),
    );
    expect(icons).toEqual(['/favicon.svg', '/favicon-32.png', '/apple-touch-icon.png']);
    for (const [path, type] of [
      ['/favicon.svg', 'image/svg+xml'],
      ['/favicon-32.png', 'image/png'],
      ['/apple-touch-icon.png', 'image/png'],
      ['/icon-192.png', 'image/png'],
      ['/icon-512.png', 'image/png'],
    ] as const) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toContain(type);
    }
    const themeColours = await page.evaluate(() => [...document.querySelectorAll('meta[name="theme-color"]')].map((m) => m.getAttribute('media')));
    expect(themeColours).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
  });
});
