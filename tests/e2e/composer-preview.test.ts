import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const MARKDOWN = ['**Vet** gedrukt en _cursief_', '', '- eerste punt', '- tweede punt', '', '> Een citaat uit de ALV', '', '<img src=x onerror="document.title=\'gehackt\'">'].join('\n');

/** The preview requests this page made, with the CSRF header each carried. */
function previewRequests(page: Page): { csrf: string | undefined }[] {
  const seen: { csrf: string | undefined }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/posts/preview') seen.push({ csrf: request.headers()['x-csrf-token'] });
  });
  return seen;
}

/** The composer's preview is the server's rendering: formatted as it will be posted, and as safe. */
describe('the composer preview', () => {
  useE2e();

  it('shows typed Markdown formatted (bold, a list, a quote), scripts as text, and exactly what is then posted', async () => {
    const member = await makeUser(e2e.testApp.db, { displayName: 'Petra Voorbeeld' });
    const page = await (await e2e.context()).newPage();
    const requests = previewRequests(page);
    await loginThroughForm(page, member.email);
    await page.goto('/nieuw?categorie=campagne');
    await page.getByRole('heading', { level: 1, name: 'Nieuwe discussie' }).waitFor();
    await page.getByLabel('Titel').fill('Een flyer met opsommingstekens');
    await page.getByLabel('Je bericht').fill(MARKDOWN);

    const toggle = page.getByRole('button', { name: 'Voorbeeld' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const preview = page.locator('.preview');
    await preview.locator('strong', { hasText: 'Vet' }).waitFor();
    expect(await preview.locator('em').textContent()).toBe('cursief');
    expect(await preview.locator('ul > li').allTextContents()).toEqual(['eerste punt', 'tweede punt']);
    expect(await preview.locator('blockquote').textContent()).toContain('Een citaat uit de ALV');
    // The raw HTML is shown as text, never as an element: nothing ran.
    expect(await preview.locator('img').count()).toBe(0);
    await preview.getByText('<img src=x onerror="document.title=\'gehackt\'">').waitFor();
    expect(await page.title()).not.toBe('gehackt');
    expect(await page.getByLabel('Je bericht').isHidden()).toBe(true);
    await expectNoAxeViolations(page, 'new thread with the preview');
    await screenshot(page, 'composer-preview-desktop');
    const previewHtml = await preview.locator('.post-body').innerHTML();

    // Back to writing and to the preview again, unchanged: the text is kept and the server is not asked twice.
    await toggle.click();
    expect(await page.getByLabel('Je bericht').inputValue()).toBe(MARKDOWN);
    await toggle.click();
    await preview.locator('strong', { hasText: 'Vet' }).waitFor();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.csrf).toBeTruthy();

    await page.getByRole('button', { name: 'Discussie starten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Een flyer met opsommingstekens' }).waitFor();
    const posted = page.getByRole('article', { name: 'Bericht van Petra Voorbeeld' }).locator('.post-body');
    expect(await posted.innerHTML()).toBe(previewHtml);
  });

  it('previews a reply on the thread page, and a changed draft is rendered again', async () => {
    const db = e2e.testApp.db;
    const author = await makeUser(db, { displayName: 'Joost Auteur' });
    const member = await makeUser(db, { displayName: 'Ilse Reageerder' });
    const { threadId } = await makeThread(db, author, { category: 'fuseren', title: 'Welke notaris bij een fusie?' });
    const page = await (await e2e.context()).newPage();
    const requests = previewRequests(page);
    await loginThroughForm(page, member.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Welke notaris bij een fusie?' }).waitFor();

    const toggle = page.getByRole('button', { name: 'Voorbeeld' });
    await toggle.click();
    await page.getByText('Nog niets om te laten zien.').waitFor();
    expect(requests).toHaveLength(0);
    await toggle.click();

    await page.getByLabel('Je bericht').fill('1. Bel **twee** notarissen\n2. Vraag een offerte');
    await toggle.click();
    const preview = page.locator('.preview');
    await preview.locator('ol > li').first().waitFor();
    expect(await preview.locator('ol > li').allTextContents()).toEqual(['Bel twee notarissen', 'Vraag een offerte']);
    await preview.locator('strong', { hasText: 'twee' }).waitFor();

    await toggle.click();
    await page.getByLabel('Je bericht').fill('Een [link naar de KvK](https://www.kvk.nl)');
    await toggle.click();
    const link = preview.getByRole('link', { name: 'link naar de KvK' });
    await link.waitFor();
    expect(await link.getAttribute('rel')).toBe('nofollow noopener noreferrer ugc');
    expect(requests).toHaveLength(2);
    await expectNoAxeViolations(page, 'thread with the reply preview');

    await page.getByRole('button', { name: 'Plaatsen' }).click();
    await page.getByRole('article', { name: 'Bericht van Ilse Reageerder' }).getByRole('link', { name: 'link naar de KvK' }).waitFor();
    // The posted draft is gone and the composer is back in writing mode.
    await page.getByLabel('Je bericht').waitFor();
    expect(await page.getByLabel('Je bericht').inputValue()).toBe('');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  });
});
