import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = 'test-results';

export interface E2e {
  testApp: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (its own cookies): one person. */
  context(options?: { width?: number; height?: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * The running forum and browser of the test file that called useE2e(): started before its tests, closed after
 * them. Each test file has its own module instance, so its own server and browser.
 */
export let e2e: E2e;

/** `env`: extra configuration for the server, such as SMTP_URL for a test that reads the mail it sends. */
export function useE2e(env: Record<string, string> = {}): void {
  beforeAll(async () => {
    e2e = await startE2e(env);
  });
  afterAll(async () => {
    await e2e?.close();
  });
}

/** The real server on a free port, serving the built client, and a headless Debian Chromium (never a downloaded one). */
export async function startE2e(env: Record<string, string> = {}): Promise<E2e> {
  const testApp = await buildTestApp({ env: { SERVE_CLIENT: 'true', ...env } });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const address = testApp.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const contexts: BrowserContext[] = [];
  return {
    testApp,
    baseUrl,
    browser,
    async context({ width = 1280, height = 900 } = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
      contexts.push(context);
      return context;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await testApp.close();
    },
  };
}

/** Logs in through the form, as a person would, and waits for the forum. */
export async function loginThroughForm(page: Page, email: string, password = DEFAULT_PASSWORD): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.waitForURL('**/forum');
  await page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[];
}

/**
 * axe-core on the page as it is now. Evaluated through the DevTools protocol, which the site's
 * Content-Security-Policy (script-src 'self') does not block, unlike an injected <script> tag.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const already = await page.evaluate(() => 'axe' in window);
  if (!already) await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  )) as AxeResult;
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join('\n  ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * Until nothing on the page says "Laden…": a page may load several parts at once (the moderation queue and the
 * reported messages), so waiting for one to go is not enough, and a locator for "the" one is ambiguous.
 */
export async function waitForLoaded(page: Page): Promise<void> {
  const loading = page.getByText('Laden…');
  while ((await loading.count()) > 0) await loading.first().waitFor({ state: 'detached' });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
