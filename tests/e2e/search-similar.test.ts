import { describe, expect, it } from 'vitest';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** "Vergelijkbare discussies": while a new thread's title is typed, threads that look like the same question. */
describe('similar threads in the new-thread composer', () => {
  useE2e();

  for (const [label, size] of [
    ['desktop', undefined],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`shows similar threads while a new thread's title is typed (${label})`, async () => {
      const db = e2e.testApp.db;
      const writer = await makeUser(db, { displayName: `Zaal Huurder ${label}` });
      const existing = await makeThread(db, writer, { category: 'campagne', title: `Zaalhuur voor de ledenvergadering regelen (${label})`, body: 'Wie regelt bij jullie de zaalhuur?' });
      await makePost(db, writer, existing.threadId, { body: 'Bij ons de secretaris.' });
      await e2e.testApp.app.searchService.drainOutbox();
      const member = await makeUser(db);
      const page = await (await e2e.context(size)).newPage();
      await loginThroughForm(page, member.email);
      await page.goto('/nieuw');
      await page.getByRole('heading', { level: 1, name: 'Nieuwe discussie' }).waitFor();
      const body = page.getByLabel('Je bericht');
      const before = await body.boundingBox();

      await page.getByLabel('Titel').pressSequentially('Zaalhuur voor onze ledenvergadering');
      const similar = page.getByRole('region', { name: 'Vergelijkbare discussies' });
      await similar.waitFor();
      const link = similar.getByRole('link', { name: new RegExp(`^Zaalhuur voor de ledenvergadering regelen \\(${label}\\)`) });
      expect(await link.getAttribute('href')).toBe(`/discussie/${existing.threadId}`);
      // A new tab: the draft stays where it is.
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await similar.getByRole('listitem').filter({ hasText: `(${label})` }).getByText('2 berichten').count()).toBe(1);
      await page.getByRole('status').filter({ hasText: /vergelijkbare discussies? gevonden/ }).waitFor({ state: 'attached' });
      // Beside the fields when there is room: the composer does not move while the list comes.
      if (label === 'desktop') expect((await body.boundingBox())?.y).toBe(before?.y);
      await expectNoAxeViolations(page, `new thread with similar threads (${label})`);
      await screenshot(page, `new-thread-similar-${label}`);

      // A title too short to compare, and the list goes.
      await page.getByLabel('Titel').fill('Zaal');
      await similar.waitFor({ state: 'detached' });
      // A title like nothing on the forum shows nothing at all. Until the pause after typing has passed, the list of
      // the last title asked about may come back for a moment; once the answer for this title is in, it goes.
      await page.getByLabel('Titel').fill('Xylofoon tuba trombone');
      await page.waitForResponse((r) => r.url().includes('/api/search/similar') && r.url().includes('trombone'));
      await similar.waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: /vergelijkbare/ }).waitFor({ state: 'detached' });
    });
  }
});
