import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD, makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, useE2e } from './browser.js';

/** Chunks only staff pages and the staff parts of a thread load (client/src/components/staff-parts.tsx, vite.config.ts). */
const STAFF_CHUNK = /\/assets\/(post-moderation|thread-moderation|claim-control)-[\w-]+\.js$/;

/** Every GET the page makes to the API, and every script it loads, from now on. */
function watch(page: Page) {
  const api: string[] = [];
  const scripts: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') && request.method() === 'GET') api.push(url.pathname + url.search);
    if (request.resourceType() === 'script') scripts.push(url.pathname);
  });
  return { api, scripts };
}

/**
 * Opening a page from a link (a notification mail leads to a thread): the header shows before the code has arrived,
 * the page's code and data are asked for at once (routes.tsx startFirstPage) and each answer is used, not asked
 * twice, and a member downloads no moderation code.
 */
describe('the first load of a page', () => {
  useE2e();
  let threadId: number;
  let memberEmail: string;
  let moderatorEmail: string;
  beforeAll(async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Lotte de Wit' });
    memberEmail = member.email;
    moderatorEmail = (await makeUser(db, { role: 'moderator', displayName: 'Mees Moderator' })).email;
    const thread = await makeThread(db, member, { category: 'campagne', title: 'Folderen in de regen' });
    threadId = thread.threadId;
    await makePost(db, member, threadId, { body: 'Wie heeft er goede ervaringen met huis-aan-huis?' });
  });

  it('shows the header as plain HTML until the app draws its own, in place', async () => {
    // Without scripts the page is what the first paint shows: the header, and here the note that JavaScript is needed.
    const withoutScript = await e2e.browser.newContext({ baseURL: e2e.baseUrl, javaScriptEnabled: false });
    const before = await withoutScript.newPage();
    await before.goto('/');
    expect(await before.locator('#app-shell .logo-word').textContent()).toBe('Plein');
    // (axe itself needs scripts: the landmarks and the heading it would ask for are checked here instead.)
    await before.getByRole('banner').waitFor();
    await before.getByRole('main').getByRole('heading', { level: 1, name: 'Plein heeft JavaScript nodig' }).waitFor();
    expect(await before.locator('#app-shell img').getAttribute('alt')).toBe('');
    await withoutScript.close();

    const page = await (await e2e.context({ width: 375, height: 812 })).newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.locator('#app-shell').count()).toBe(0);
    expect(await page.locator('header.site-header').count()).toBe(1);
  });

  it('asks for a thread’s data once, at the start, and loads no moderation code for a member', async () => {
    const context = await e2e.context({ width: 375, height: 812 });
    const page = await context.newPage();
    await loginThroughForm(page, memberEmail);
    const seen = watch(page);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Folderen in de regen' }).waitFor();
    await page.getByRole('textbox', { name: 'Je bericht' }).waitFor();

    for (const path of [`/api/threads/${threadId}`, '/api/categories', `/api/threads/${threadId}/draft`, '/api/me']) {
      expect(seen.api.filter((p) => p === path), path).toHaveLength(1);
    }
    expect(seen.scripts.filter((s) => STAFF_CHUNK.test(s))).toEqual([]);
    await expectNoAxeViolations(page, 'a thread opened from a link');
  });

  it('does not keep an early answer past a login: a guest following a link to a thread logs in and reads it', async () => {
    const context = await e2e.context({ width: 375, height: 812 });
    const page = await context.newPage();
    // As a guest the early request for the thread is refused (401); the login in between must not let that answer
    // stand for the thread page she is sent back to.
    await page.goto(`/discussie/${threadId}`);
    await page.waitForURL('**/inloggen?terug=*');
    await page.getByLabel('E-mailadres').fill(memberEmail);
    await page.getByLabel('Wachtwoord').fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL(`**/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Folderen in de regen' }).waitFor();
  });

  it('does load the moderation parts for a moderator (the check above can fail)', async () => {
    const context = await e2e.context();
    const page = await context.newPage();
    await loginThroughForm(page, moderatorEmail);
    const seen = watch(page);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Folderen in de regen' }).waitFor();
    await expect.poll(() => seen.scripts.filter((s) => STAFF_CHUNK.test(s)).length).toBeGreaterThan(0);
  });
});
