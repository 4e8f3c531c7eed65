import { describe, expect, it } from 'vitest';
import { e2e, expectNoAxeViolations, screenshot, useE2e } from './browser.js';

/** The API's docs page (server/http/openapi-page.ts): a page without script, under the site's own CSP. */
describe('the API docs page', () => {
  useE2e();

  it('lists every operation, opens an answer’s schema, and has no axe violations in light or dark', async () => {
    const page = await (await e2e.context()).newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    const res = await page.goto('/api/docs');
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: /Plein API/ }).waitFor();
    const operations = page.locator('article.op h3');
    expect(await operations.count()).toBe(e2e.testApp.app.accessTable.length);
    await page.getByRole('heading', { level: 3, name: 'POST /api/threads/{id}/posts Reageren in een discussie' }).waitFor();

    // The table of contents leads to a concern's section.
    await page.getByRole('navigation', { name: 'Inhoud' }).getByRole('link', { name: 'moderation' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#tag-moderation');

    // An answer's schema is folded; opening it needs no script.
    const thread = page.locator('article', { has: page.getByRole('heading', { name: 'GET /api/threads/{id} Discussie met een pagina berichten' }) });
    const answer = thread.locator('details', { hasText: '200: Gelukt' });
    await answer.locator('summary').click();
    await answer.getByText('canMarkSolution', { exact: true }).waitFor();

    await expectNoAxeViolations(page, 'API docs');
    await screenshot(page, 'api-docs');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'API docs, dark');
    // A CSP refusal shows up as a console error: there must be none.
    expect(problems).toEqual([]);
  });

  it('serves the document itself as JSON to a browser that is not logged in', async () => {
    const page = await (await e2e.context()).newPage();
    const res = await page.goto('/api/openapi.json');
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toContain('application/json');
    const doc = (await res?.json()) as { openapi: string; info: { title: string } };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Plein API');
  });
});
