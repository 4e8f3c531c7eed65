import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { categories, threads } from '../../server/db/schema.js';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const TITLE = 'Fusie met Lokaal Sterk';
const NEW_TITLE = 'Fusie met Lokaal Sterk: de gezamenlijke campagne';

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** A moderator moves and renames a thread through its dialogs; the member reading it sees both without a reload. */
describe('moving and renaming a thread', () => {
  useE2e();

  it('moves the thread with a reason, renames it, and cancels with Escape; focus returns, the log records both', async () => {
    const db = e2e.testApp.db;
    const author = await makeUser(db, { displayName: 'Gert Auteur' });
    const moderator = await makeUser(db, { role: 'moderator', displayName: 'Mira Moderator' });
    const { threadId } = await makeThread(db, author, { category: 'fuseren', title: TITLE, body: 'Wie heeft ervaring met samen campagne voeren voor de fusie?' });

    const reader = await (await e2e.context()).newPage();
    await loginThroughForm(reader, author.email);
    await reader.goto(`/discussie/${threadId}`);
    await reader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // Members get no moderation buttons.
    expect(await reader.getByRole('group', { name: 'Discussie modereren' }).count()).toBe(0);

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, moderator.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const tools = page.getByRole('group', { name: 'Discussie modereren' });
    const breadcrumb = page.getByRole('navigation', { name: 'Kruimelpad' });
    await breadcrumb.getByRole('link', { name: 'Fuseren' }).waitFor();

    // Move: the current category is not offered; the reason goes to the log.
    await tools.getByRole('button', { name: 'Verplaatsen' }).click();
    const move = page.getByRole('dialog', { name: `Verplaats „${TITLE}”` });
    await move.waitFor();
    const options = await move.getByLabel('Naar categorie').locator('option').allTextContents();
    expect(options).not.toContain('Fuseren');
    expect(options).toContain('Campagne');
    await expectNoAxeViolations(page, 'move dialog');
    await screenshot(page, 'thread-move-dialog-desktop');
    await move.getByLabel('Naar categorie').selectOption('campagne');
    await move.getByLabel('Reden (wie de discussie begon, leest deze)').fill('Gaat vooral over de campagne.');
    await move.getByRole('button', { name: 'Verplaatsen' }).click();
    await move.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'De discussie staat nu in Campagne.' }).waitFor({ state: 'attached' });
    await breadcrumb.getByRole('link', { name: 'Campagne' }).waitFor();
    expect(await focusedText(page)).toBe('Verplaatsen');
    const [moved] = await db.select({ slug: categories.slug }).from(threads).innerJoin(categories, eq(categories.id, threads.categoryId)).where(eq(threads.id, threadId));
    expect(moved?.slug).toBe('campagne');
    await reader.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Campagne' }).waitFor();

    // Rename: nothing to send until the title really changes and is long enough.
    await tools.getByRole('button', { name: 'Titel wijzigen' }).click();
    const rename = page.getByRole('dialog', { name: `Nieuwe titel voor „${TITLE}”` });
    await rename.waitFor();
    const save = rename.getByRole('button', { name: 'Titel wijzigen' });
    expect(await rename.getByLabel('Nieuwe titel').inputValue()).toBe(TITLE);
    expect(await save.isDisabled()).toBe(true);
    await rename.getByLabel('Nieuwe titel').fill('Kort');
    expect(await save.isDisabled()).toBe(true);
    await rename.getByLabel('Nieuwe titel').fill(NEW_TITLE);
    expect(await save.isEnabled()).toBe(true);
    await expectNoAxeViolations(page, 'rename dialog');
    await save.click();
    await rename.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
    await page.getByRole('status').filter({ hasText: `De discussie heet nu „${NEW_TITLE}”.` }).waitFor({ state: 'attached' });
    expect(await focusedText(page)).toBe('Titel wijzigen');
    await reader.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();

    // Escape leaves everything as it was.
    await tools.getByRole('button', { name: 'Verplaatsen' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await focusedText(page)).toBe('Verplaatsen');
    await breadcrumb.getByRole('link', { name: 'Campagne' }).waitFor();

    await page.goto('/moderatie/logboek');
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    await page.getByText('Discussie verplaatst').waitFor();
    await page.getByText('„Gaat vooral over de campagne.”', { exact: false }).waitFor();
    await page.getByText('Discussie hernoemd').waitFor();
  });
});
