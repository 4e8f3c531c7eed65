import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const DOWN = 'De live-verbinding is verbroken. Opnieuw verbinden…';
const RESTORED = 'De live-verbinding is hersteld.';

/**
 * Runs the context's live socket through a switch the test holds: `drop()` cuts every open connection and
 * refuses new ones until `restore()`, as a lost network would. `hellos` counts the server's greetings and
 * `connected` the connections that are greeted and still open (a page left behind closes its own), so the test
 * knows when the page's connection is really up.
 */
async function liveSwitch(context: BrowserContext) {
  let down = false;
  let hellos = 0;
  const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute; greeted: boolean }>();
  await context.routeWebSocket(/\/api\/live$/, (page) => {
    if (down) return void page.close({ code: 1001, reason: 'offline' });
    const server = page.connectToServer();
    const pair = { page, server, greeted: false };
    open.add(pair);
    page.onMessage((message) => server.send(message));
    // With a close handler Playwright no longer passes the close on by itself: the page leaving closes the server side.
    page.onClose((code, reason) => {
      open.delete(pair);
      void server.close({ code, reason }).catch(() => {});
    });
    server.onMessage((message) => {
      if (typeof message === 'string' && message.includes('"type":"hello"')) {
        hellos++;
        pair.greeted = true;
      }
      page.send(message);
    });
  });
  return {
    hellos: () => hellos,
    connected: () => [...open].filter((pair) => pair.greeted).length,
    async drop() {
      down = true;
      for (const pair of open) {
        await pair.server.close().catch(() => {});
        await pair.page.close({ code: 1001, reason: 'offline' }).catch(() => {});
      }
      open.clear();
    },
    restore() {
      down = false;
    },
  };
}

/** The element that has focus, by its text: it must not move when the connection status changes. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('the live connection status, on every page', () => {
  useE2e();

  it('tells a member on any page that the connection is gone and back, politely and without taking focus', async () => {
    const member = await makeUser(e2e.testApp.db, { displayName: 'Ruud Verbinding' });
    const context = await e2e.context();
    const live = await liveSwitch(context);
    const page = await context.newPage();
    await loginThroughForm(page, member.email);
    await expect.poll(live.hellos).toBe(1);

    // The region is in the page before anything happens (so screen readers hear what comes into it), and empty.
    const region = page.locator('main > [role="status"]').first();
    expect(await region.textContent()).toBe('');
    await page.getByRole('link', { name: 'Campagne' }).focus();

    await live.drop();
    await page.getByRole('status').filter({ hasText: DOWN }).waitFor();
    expect(await region.textContent()).toBe(DOWN);
    expect(await focusedText(page)).toContain('Campagne');
    await expectNoAxeViolations(page, 'categories while reconnecting');
    await screenshot(page, 'live-reconnecting-desktop');

    // Still shown on the next page: it belongs to the frame, not to one page.
    await page.getByRole('link', { name: 'Zoeken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
    expect(await region.textContent()).toBe(DOWN);

    live.restore();
    await page.getByRole('status').filter({ hasText: RESTORED }).waitFor({ timeout: 20_000 });
    expect(live.hellos()).toBe(2);
    // Focus is where navigation put it (the new page's heading), not on the notice.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-heading');
    // The "hersteld" note goes away by itself; the empty region stays for the next time.
    await page.getByText(RESTORED).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await region.count()).toBe(1);
  });

  it('on a thread page: one notice, the draft kept, and the replies missed while away arrive after reconnecting', async () => {
    const db = e2e.testApp.db;
    const reader = await makeUser(db, { displayName: 'Lies Lezer' });
    const writer = await makeUser(db, { displayName: 'Wim Schrijver' });
    const { threadId } = await makeThread(db, writer, { category: 'ledenwerving', title: 'Leden werven op de markt' });
    const context = await e2e.context();
    const live = await liveSwitch(context);
    const page = await context.newPage();
    await loginThroughForm(page, reader.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Leden werven op de markt' }).waitFor();
    // The page shown after logging in may have connected too; what counts is this page's one connection.
    await expect.poll(live.connected).toBe(1);
    const composer = page.getByLabel('Je bericht');
    await composer.fill('Wij staan er elke zaterdag');
    await composer.focus();

    await live.drop();
    await page.getByRole('status').filter({ hasText: DOWN }).waitFor();
    expect(await page.getByText(DOWN).count()).toBe(1);
    await makePost(db, writer, threadId, { body: 'Geschreven terwijl de verbinding weg was.' });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await expectNoAxeViolations(page, 'thread while reconnecting');

    live.restore();
    await page.getByRole('article', { name: 'Bericht van Wim Schrijver' }).filter({ hasText: 'Geschreven terwijl de verbinding weg was.' }).waitFor({ timeout: 20_000 });
    await page.getByRole('status').filter({ hasText: RESTORED }).waitFor();
    expect(await composer.inputValue()).toBe('Wij staan er elke zaterdag');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  });
});
