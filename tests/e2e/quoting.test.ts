import { describe, expect, it } from 'vitest';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, useE2e } from './browser.js';

/** "Citeren" quotes a selected part of a post, with its formatting, its author and a link back. */
describe('quoting a selection', () => {
  useE2e();

  it('quotes just the selected words with their formatting and the author, and shows the posted quote attributed', async () => {
    const db = e2e.testApp.db;
    const starter = await makeUser(db, { displayName: 'Karin Vraagsteller' });
    const fatima = await makeUser(db, { displayName: 'Fatima el Amrani' });
    const reader = await makeUser(db, { displayName: 'Ruud Citeerder' });
    const { threadId } = await makeThread(db, starter, { category: 'fuseren', title: 'Hoe begonnen jullie de fusie?' });
    const answerId = await makePost(db, fatima, threadId, { body: 'Wij begonnen met **twee ledenvergaderingen**.\n\nDaarna kwam de notaris.' });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto(`/discussie/${threadId}`);
    const post = page.locator(`#bericht-${answerId}`);
    await post.getByText('Daarna kwam de notaris.').waitFor();
    // Select "met twee ledenvergaderingen" inside the first paragraph (a reader's mouse or Shift+arrows would).
    await post.locator('.post-body').evaluate((body) => {
      const paragraph = body.querySelector('p')!;
      const range = document.createRange();
      range.setStart(paragraph.firstChild!, 'Wij begonnen '.length);
      range.setEnd(paragraph.querySelector('strong')!.firstChild!, 'twee ledenvergaderingen'.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    const quote = post.getByRole('button', { name: 'Citeren' });
    await quote.focus();
    await page.keyboard.press('Enter');
    const textarea = page.getByLabel('Je bericht');
    await expect.poll(() => textarea.inputValue()).toBe(`> [Fatima el Amrani schreef](/discussie/${threadId}#bericht-${answerId}):\n>\n> met **twee ledenvergaderingen**\n\n`);

    await textarea.focus();
    await page.keyboard.press('End');
    await textarea.pressSequentially('Hoe lang duurde dat?');
    await page.getByRole('button', { name: 'Plaatsen' }).focus();
    await page.keyboard.press('Enter');
    const posted = page.locator('blockquote.quote').last();
    await posted.waitFor();
    expect(await posted.locator('.quote-source a').textContent()).toBe('Fatima el Amrani schreef');
    expect(await posted.locator('.quote-source a').getAttribute('href')).toBe(`/discussie/${threadId}#bericht-${answerId}`);
    expect(await posted.locator('strong').textContent()).toBe('twee ledenvergaderingen');
    await expectNoAxeViolations(page, 'thread with an attributed quote');
  });
});
