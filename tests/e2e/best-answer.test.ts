import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeCategory, makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/**
 * The best answer ("Opgelost") as the thread's starter uses it, with the keyboard only: marked on a reply, shown under
 * the question, found through the category's filter and in search, and undone again. The category is the test's own,
 * so its list holds only these threads.
 */
describe('best answer', () => {
  useE2e();

  const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '' }));

  it('a starter marks a reply as the best answer; it shows under the question, in the list, its filter and search; undo removes it', async () => {
    const db = e2e.testApp.db;
    await makeCategory(db, { slug: 'vragen-fiets', name: 'Vragen over fietsen' });
    const starter = await makeUser(db, { displayName: 'Sara Vraagsteller' });
    const helper = await makeUser(db, { displayName: 'Bram Beantwoorder' });
    const question = await makeThread(db, starter, {
      category: 'vragen-fiets',
      title: 'Subsidie voor een fietsenstalling aanvragen',
      body: 'Waar vraag je subsidie aan voor een fietsenstalling bij het partijkantoor?',
    });
    const first = await makePost(db, helper, question.threadId, { body: 'Misschien bij de provincie? Ik weet het niet zeker.' });
    const answer = await makePost(db, helper, question.threadId, { body: 'Bij het loket van de gemeente, met het formulier voor kleine subsidies.' });
    await makeThread(db, starter, { category: 'vragen-fiets', title: 'Wie regelt de sleutels van de fietsenstalling?', body: 'Nog geen idee.' });

    // Bram reads along: the marking reaches his open page live. A post that arrives shows his subscription is in
    // place (catch-up first, then live events), so the marking below cannot slip in before it.
    const reader = await (await e2e.context()).newPage();
    await loginThroughForm(reader, helper.email);
    await reader.goto(`/discussie/${question.threadId}`);
    await reader.locator(`#bericht-${answer}`).waitFor();
    await makePost(db, starter, question.threadId, { body: 'Dank jullie, ik zoek het uit.' });
    await reader.getByText('Dank jullie, ik zoek het uit.').waitFor();

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, starter.email);
    await page.goto(`/discussie/${question.threadId}`);
    const opening = page.locator(`#bericht-${question.postId}`);
    const reply = page.locator(`#bericht-${answer}`);
    await reply.waitFor();
    // Not on the question itself, and nothing marked yet.
    expect(await opening.getByRole('button', { name: 'Markeer als beste antwoord' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Beste antwoord' }).count()).toBe(0);
    expect(await page.locator(`#bericht-${first}`).getByRole('button', { name: 'Markeer als beste antwoord' }).count()).toBe(1);

    const mark = reply.getByRole('button', { name: 'Markeer als beste antwoord' });
    await mark.focus();
    await page.keyboard.press('Enter');
    const undo = reply.getByRole('button', { name: 'Beste antwoord ongedaan maken' });
    await undo.waitFor();
    // The same button, its words changed: focus stayed on it, and the outcome is said.
    await expect.poll(async () => (await focused(page)).text).toBe('Beste antwoord ongedaan maken');
    await reply.getByRole('status').filter({ hasText: 'Dit bericht is gemarkeerd als beste antwoord.' }).waitFor({ state: 'attached' });
    await reply.locator('.post-head').getByText('Beste antwoord', { exact: true }).waitFor();
    await page.locator('.badges').getByText('Opgelost', { exact: true }).waitFor();

    // Under the question: the answer, who wrote it and a link to it.
    const block = opening.getByRole('region', { name: 'Beste antwoord' });
    await block.waitFor();
    await block.getByRole('link', { name: 'Bram Beantwoorder' }).waitFor();
    await block.getByText('Bij het loket van de gemeente, met het formulier voor kleine subsidies.').waitFor();
    const toAnswer = block.getByRole('link', { name: 'Bekijk in de discussie' });
    expect(await toAnswer.getAttribute('href')).toBe(`#bericht-${answer}`);
    await expectNoAxeViolations(page, 'thread with a marked best answer');
    await screenshot(page, 'best-answer-marked-desktop');
    // On the reader's page, live: the block under the question and the label on the answer.
    await reader.locator(`#bericht-${question.postId}`).getByRole('region', { name: 'Beste antwoord' }).getByText('Bij het loket van de gemeente').waitFor();
    await reader.locator(`#bericht-${answer} .post-head`).getByText('Beste antwoord', { exact: true }).waitFor();
    expect(await reader.getByRole('button', { name: /beste antwoord/i }).count()).toBe(0);

    // The link brings the answer itself into focus.
    await toAnswer.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe(`bericht-${answer}`);

    // The category's list: the badge, and the filter (kept in the address) lists only the solved thread.
    await page.goto('/forum/vragen-fiets');
    const items = page.locator('.thread-item');
    const solvedItem = items.filter({ has: page.getByRole('link', { name: 'Subsidie voor een fietsenstalling aanvragen' }) });
    await solvedItem.getByText('Opgelost', { exact: true }).waitFor();
    expect(await items.filter({ has: page.getByRole('link', { name: 'Wie regelt de sleutels van de fietsenstalling?' }) }).getByText('Opgelost', { exact: true }).count()).toBe(0);
    const filter = page.getByRole('combobox', { name: 'Toon' });
    await filter.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL('**/forum/vragen-fiets?filter=solved');
    await expect.poll(() => items.locator('h2').allTextContents()).toEqual(['Subsidie voor een fietsenstalling aanvragen']);
    await page.getByRole('status').filter({ hasText: '1 discussie getoond.' }).waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'thread list filtered on solved');
    await screenshot(page, 'best-answer-list-solved-desktop');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL('**/forum/vragen-fiets?filter=unsolved');
    await expect.poll(() => items.locator('h2').allTextContents()).toEqual(['Wie regelt de sleutels van de fietsenstalling?']);

    // Search: the marking reached the index (drained here), and the hit says the thread is solved.
    await e2e.testApp.app.searchService.drainOutbox();
    await page.goto('/zoeken?q=fietsenstalling');
    const hit = page.locator('.search-hit').filter({ has: page.getByRole('link', { name: 'Subsidie voor een fietsenstalling aanvragen' }) });
    await hit.getByText('Opgelost', { exact: true }).waitFor();

    // Undo: the block, the label and the badge go; the solved filter finds nothing.
    await page.goto(`/discussie/${question.threadId}`);
    await undo.waitFor();
    await undo.focus();
    await page.keyboard.press('Enter');
    await mark.waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Markeer als beste antwoord');
    await reply.getByRole('status').filter({ hasText: 'Het beste antwoord is ongedaan gemaakt.' }).waitFor({ state: 'attached' });
    expect(await page.getByRole('region', { name: 'Beste antwoord' }).count()).toBe(0);
    expect(await reply.locator('.post-head').getByText('Beste antwoord', { exact: true }).count()).toBe(0);
    expect(await page.locator('.badges').getByText('Opgelost', { exact: true }).count()).toBe(0);
    await reader.getByRole('region', { name: 'Beste antwoord' }).waitFor({ state: 'detached' });
    await page.goto('/forum/vragen-fiets?filter=solved');
    await page.getByText('Er zijn nog geen opgeloste discussies in deze categorie.').waitFor();
    expect(await page.getByRole('combobox', { name: 'Toon' }).inputValue()).toBe('solved');
    await expectNoAxeViolations(page, 'thread list filtered on solved, empty');
  });

  it('an admin turns "Opgelost" off for a new category and on again; the list offers its filter only then', async () => {
    const admin = await makeUser(e2e.testApp.db, { role: 'admin' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, admin.email);
    await page.goto('/beheer/categorieen');
    await page.getByRole('button', { name: 'Nieuwe categorie' }).click();
    const created = page.getByRole('dialog', { name: 'Nieuwe categorie' });
    const answers = created.getByRole('checkbox', { name: 'Vragen met een beste antwoord (Opgelost)' });
    // On unless the admin says otherwise, as the server has it.
    expect(await answers.isChecked()).toBe(true);
    await created.getByLabel('Naam').fill('Mededelingen van het bestuur');
    await answers.focus();
    await page.keyboard.press('Space');
    expect(await answers.isChecked()).toBe(false);
    await expectNoAxeViolations(page, 'new category dialog, best answers off');
    await created.getByRole('button', { name: 'Categorie aanmaken' }).click();
    await created.waitFor({ state: 'hidden' });

    await page.goto('/forum/mededelingen-van-het-bestuur');
    await page.getByRole('combobox', { name: 'Sorteren op' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Toon' }).count()).toBe(0);

    await page.goto('/beheer/categorieen');
    await page.getByRole('button', { name: 'Mededelingen van het bestuur bewerken' }).click();
    const edited = page.getByRole('dialog', { name: 'Categorie Mededelingen van het bestuur bewerken' });
    const again = edited.getByRole('checkbox', { name: 'Vragen met een beste antwoord (Opgelost)' });
    expect(await again.isChecked()).toBe(false);
    await again.focus();
    await page.keyboard.press('Space');
    await edited.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await edited.waitFor({ state: 'hidden' });
    await page.goto('/forum/mededelingen-van-het-bestuur');
    await page.getByRole('combobox', { name: 'Toon' }).waitFor();
  });

  it('a member who did not start the thread is offered no marking', async () => {
    const db = e2e.testApp.db;
    const starter = await makeUser(db);
    const reader = await makeUser(db);
    const { threadId } = await makeThread(db, starter);
    const replyId = await makePost(db, reader, threadId);
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto(`/discussie/${threadId}`);
    await page.locator(`#bericht-${replyId}`).getByRole('button', { name: 'Reageren' }).waitFor();
    expect(await page.getByRole('button', { name: 'Markeer als beste antwoord' }).count()).toBe(0);
  });
});
