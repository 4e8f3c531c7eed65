import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { categories, moderationActions } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const TITLE = 'Kandidatenlijst: wie bepaalt de volgorde?';
const OPENING = 'Onze voorzitter zet zichzelf bovenaan, en dat is niet de eerste keer dat hij dat doet.';
const REPLY = 'Bij ons stemt de ledenvergadering over de volgorde van de hele lijst.';

async function open(page: Page, email: string, threadId: number) {
  await loginThroughForm(page, email);
  await page.goto(`/discussie/${threadId}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

const threadCount = async (slug: string) => (await e2e.testApp.db.select({ n: categories.threadCount }).from(categories).where(eq(categories.slug, slug)))[0]!.n;

/**
 * Hiding one post and hiding a whole thread are two acts with their own words: the first leaves the thread and its
 * replies to the members (a placeholder where the post was; its author still reads it, with the reason), the second
 * says first how much it takes away.
 */
describe('hiding a post, hiding a thread', () => {
  useE2e();

  it('hides the opening post only, then the whole thread after saying what it takes, and shows it again', async () => {
    const db = e2e.testApp.db;
    const anna = await makeUser(db, { displayName: 'Anna Schrijver' });
    const bram = await makeUser(db, { displayName: 'Bram Lezer' });
    const moderator = await makeUser(db, { role: 'moderator', displayName: 'Mira Moderator' });
    const { threadId, postId: opening } = await makeThread(db, anna, { category: 'kandidaatstelling', title: TITLE, body: OPENING });
    const reply = await makePost(db, bram, threadId, { body: REPLY });
    const before = await threadCount('kandidaatstelling');

    const mod = await (await e2e.context()).newPage();
    await open(mod, moderator.email, threadId);
    const reader = await (await e2e.context()).newPage();
    await open(reader, bram.email, threadId);
    const author = await (await e2e.context()).newPage();
    await open(author, anna.email, threadId);

    // Hide the opening post, with a reason.
    const openingPost = mod.locator(`#bericht-${opening}`);
    await openingPost.getByRole('button', { name: 'Verbergen' }).click();
    const dialog = mod.getByRole('dialog', { name: 'Bericht van Anna Schrijver verbergen' });
    await dialog.waitFor();
    await dialog.getByText('de rest van de discussie blijft staan').waitFor();
    const confirm = dialog.getByRole('button', { name: 'Verbergen' });
    expect(await confirm.isDisabled()).toBe(true);
    await expectNoAxeViolations(mod, 'hide post dialog');
    await dialog.getByLabel('Reden (de schrijver leest deze)').fill('Persoonlijke aanval op een partijgenoot.');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await openingPost.getByText('Verborgen door een moderator', { exact: true }).waitFor();
    await openingPost.getByText('Reden: Persoonlijke aanval op een partijgenoot.').waitFor();
    await openingPost.getByText(OPENING).waitFor();

    // The member reading along: a placeholder where the opening post was, without a reload; the reply stays.
    await reader.locator(`#bericht-${opening}`).getByText('Dit bericht is verborgen door een moderator.').waitFor();
    await reader.locator(`#bericht-${reply}`).getByText(REPLY).waitFor();
    expect(await reader.locator('main').textContent()).not.toContain('voorzitter zet zichzelf');
    expect(await reader.locator('main').textContent()).not.toContain('Persoonlijke aanval');
    await reader.reload();
    await reader.locator(`#bericht-${reply}`).getByText(REPLY).waitFor();
    await reader.locator(`#bericht-${opening}`).getByText('Dit bericht is verborgen door een moderator.').waitFor();
    await expectNoAxeViolations(reader, 'thread with a hidden opening post, as a member');
    expect(await threadCount('kandidaatstelling')).toBe(before);

    // Its author still reads it, marked, with the reason.
    const own = author.locator(`#bericht-${opening}`);
    await own.getByText('Verborgen door een moderator — alleen jij en de moderatoren zien dit').waitFor();
    await own.getByText('Reden: Persoonlijke aanval op een partijgenoot.').waitFor();
    await own.getByText(OPENING).waitFor();
    await expectNoAxeViolations(author, 'own hidden post');
    await screenshot(author, 'hidden-post-own-desktop');

    // Hide the whole thread: the dialog says what it takes first.
    const tools = mod.getByRole('group', { name: 'Discussie modereren' });
    await tools.getByRole('button', { name: 'Discussie verbergen' }).click();
    const whole = mod.getByRole('dialog', { name: `Discussie „${TITLE}” verbergen` });
    await whole.getByText('met alle reacties: 1 bericht van 1 lid').waitFor();
    await expectNoAxeViolations(mod, 'hide thread dialog');
    await screenshot(mod, 'hide-thread-dialog-desktop');
    await whole.getByLabel('Reden (de starter van de discussie leest deze)').fill('De hele discussie gaat over één persoon.');
    await whole.getByRole('button', { name: 'Discussie verbergen' }).click();
    await whole.waitFor({ state: 'detached' });
    await mod.getByRole('status').filter({ hasText: 'De discussie is verborgen voor leden.' }).waitFor({ state: 'attached' });
    await mod.getByText('Deze discussie is verborgen: leden zien haar niet, alleen moderatoren.').waitFor();
    await expectNoAxeViolations(mod, 'hidden thread, as a moderator');
    expect(await threadCount('kandidaatstelling')).toBe(before - 1);
    await reader.reload();
    await reader.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
    const [logged] = await db.select().from(moderationActions).where(eq(moderationActions.action, 'hide_thread'));
    expect(logged).toMatchObject({ targetThreadId: threadId, reason: 'De hele discussie gaat over één persoon.', details: { posts: 1, members: 1 } });

    // And back, without a confirmation: nothing is taken away.
    await tools.getByRole('button', { name: 'Discussie weer tonen' }).click();
    await mod.getByRole('status').filter({ hasText: 'De discussie is weer zichtbaar voor leden.' }).waitFor({ state: 'attached' });
    await tools.getByRole('button', { name: 'Discussie verbergen' }).waitFor();
    expect(await threadCount('kandidaatstelling')).toBe(before);
    await reader.reload();
    await reader.locator(`#bericht-${reply}`).getByText(REPLY).waitFor();
  });
});
