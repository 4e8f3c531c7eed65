import { describe, expect, it } from 'vitest';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** Live updates never disturb the reader: no jumps, no lost draft, a bar for replies below the fold, "meer laden" for long threads. */
describe('a long thread, live', () => {
  useE2e();

  it('pages with "meer laden", shows replies below the fold as "N nieuwe reacties", keeps the draft, and shows who is typing', async () => {
    const db = e2e.testApp.db;
    const reader = await makeUser(db, { displayName: 'Lotte Lezer' });
    const writer = await makeUser(db, { displayName: 'Willem Schrijver', representativeRole: 'raadslid' });
    const { threadId } = await makeThread(db, writer, { category: 'kandidaatstelling', title: 'De volgorde op de kandidatenlijst' });
    for (let i = 1; i <= 24; i++) await makePost(db, i % 2 ? writer : reader, threadId, { body: `Bijdrage nummer ${i} over de lijsttrekker.` });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'De volgorde op de kandidatenlijst' }).waitFor();
    // 25 posts, 20 per page: the last ones come only when asked for.
    expect(await page.getByRole('article').count()).toBe(20);
    // From the keyboard: focus moves to the first new post (the button is gone), not back to the top of the page.
    await page.getByRole('button', { name: 'Meer berichten laden' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Bijdrage nummer 24 over de lijsttrekker.').waitFor();
    expect(await page.getByRole('article').count()).toBe(25);
    await page.getByRole('button', { name: 'Meer berichten laden' }).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.tagName === 'ARTICLE');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Bijdrage nummer 20 over de lijsttrekker.');

    // The reader is at the top, writing a draft; a reply arrives far below.
    await page.getByLabel('Je bericht').fill('Mijn half afgemaakte gedachte');
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The end of the list is out of view (the page observes that asynchronously).
    await page.waitForFunction(() => (document.querySelector('.end-marker')?.getBoundingClientRect().top ?? 0) > window.innerHeight);
    // Chromium settles a scroll to the top a frame later (it ends 2 px down, with a resize of the body): wait until
    // the position holds over two frames, so what is compared below is the reader's position, not that adjustment.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const y = window.scrollY;
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY === y)));
        }),
    );
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await makePost(db, writer, threadId, { body: 'Een verse reactie van onderaan.' });
    const bar = page.getByRole('button', { name: '1 nieuwe reactie' });
    await bar.waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    expect(await page.getByLabel('Je bericht').inputValue()).toBe('Mijn half afgemaakte gedachte');
    await page.getByText('Nieuwe reactie van Willem Schrijver.').waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'thread with the new-replies bar');
    await screenshot(page, 'thread-new-replies-desktop');

    await bar.click();
    await bar.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Een verse reactie van onderaan.') ?? false);

    // Someone else starts typing in the same thread.
    const other = await (await e2e.context()).newPage();
    await loginThroughForm(other, writer.email);
    await other.goto(`/discussie/${threadId}`);
    await other.getByLabel('Je bericht').waitFor();
    await other.getByLabel('Je bericht').pressSequentially('Ik typ');
    await page.getByText('Willem Schrijver typt…').waitFor();
  });
});
