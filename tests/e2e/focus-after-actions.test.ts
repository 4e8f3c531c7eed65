import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** What has focus, as a screen reader would name it: tag, role, and its label or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', role: el?.getAttribute('role') ?? '', name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim() };
  });

/** The outcome line (outcome.tsx) has focus and says `text`; polled, since focus moves in an effect after the commit. */
const expectOutcomeFocused = (page: Page, text: string) => expect.poll(() => focused(page)).toEqual({ tag: 'p', role: 'status', name: text });

/** Presses a button from the keyboard, as a keyboard or screen-reader user does. */
async function press(button: Locator) {
  await button.focus();
  await button.press('Enter');
}

/**
 * A button that goes away with its action must not leave focus on <body> (the top of the page): on the moderation
 * screens it moves to the outcome line, from where Tab continues into the list; in a thread to the post itself.
 */
describe('focus after an action whose button goes away', () => {
  useE2e();

  it('registrations: approve and reject move focus to the outcome, and Tab goes on to the next registration', async () => {
    const db = e2e.testApp.db;
    const admin = await makeUser(db, { role: 'admin' });
    await makeUser(db, { status: 'pending', displayName: 'Anna Aanvraag', createdAt: new Date(Date.now() - 2000) });
    await makeUser(db, { status: 'pending', displayName: 'Bert Aanvraag', createdAt: new Date(Date.now() - 1000) });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, admin.email);
    await page.goto('/moderatie/aanmeldingen');
    const first = page.getByRole('button', { name: /^Goedkeuren: / }).first();
    await first.waitFor();
    const name = (await first.getAttribute('aria-label'))!.replace('Goedkeuren: ', '');
    const other = name === 'Anna Aanvraag' ? 'Bert Aanvraag' : 'Anna Aanvraag';

    await press(first);
    await expectOutcomeFocused(page, `${name} is goedgekeurd.`);
    await page.getByRole('row', { name: new RegExp(name) }).waitFor({ state: 'detached' });
    // Still there once the list has been fetched again without the row.
    expect(await focused(page)).toMatchObject({ role: 'status', name: `${name} is goedgekeurd.` });
    await expectNoAxeViolations(page, 'registrations after an approval');
    await screenshot(page, 'registrations-approved-desktop');
    // The next registration: first who handles it, then the decisions.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', name: `Oppakken: ${other}` });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', name: `Goedkeuren: ${other}` });

    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', name: `Afwijzen: ${other}` });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Afwijzen: ${other}` });
    await dialog.getByLabel('Reden (de persoon ziet deze reden)').fill('Geen lid van een lokale partij.');
    await press(dialog.getByRole('button', { name: 'Afwijzen' }));
    await dialog.waitFor({ state: 'detached' });
    await expectOutcomeFocused(page, `De aanmelding van ${other} is afgewezen.`);
    await page.getByText('Er wachten geen aanmeldingen.').waitFor();
    expect(await focused(page)).toMatchObject({ role: 'status', name: `De aanmelding van ${other} is afgewezen.` });
  });

  it('members: suspending through the dialog and lifting the suspension move focus to the outcome; verifying keeps it', async () => {
    const db = e2e.testApp.db;
    const moderator = await makeUser(db, { role: 'moderator' });
    await makeUser(db, { displayName: 'Cor Schorsbaar' });
    await makeUser(db, { displayName: 'Dina Raadslid', representativeRole: 'raadslid' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, moderator.email);
    await page.goto('/moderatie/leden');

    await press(page.getByRole('button', { name: 'Schorsen: Cor Schorsbaar' }));
    const dialog = page.getByRole('dialog', { name: 'Schorsen: Cor Schorsbaar' });
    // A week unless chosen otherwise; a template fills the reason, which can still be edited.
    expect(await dialog.getByLabel('1 week').isChecked()).toBe(true);
    await dialog.getByLabel('1 maand').check();
    await dialog.getByLabel('Standaardreden').selectOption('Herhaaldelijk persoonlijke aanvallen');
    const reason = dialog.getByLabel('Reden (de persoon ziet deze reden)');
    expect(await reason.inputValue()).toBe('Herhaaldelijk persoonlijke aanvallen');
    await reason.fill('Herhaaldelijk persoonlijke aanvallen, ook na een waarschuwing.');
    await expectNoAxeViolations(page, 'suspend dialog');
    await press(dialog.getByRole('button', { name: 'Schorsen' }));
    await dialog.waitFor({ state: 'detached' });
    await expectOutcomeFocused(page, 'Cor Schorsbaar is geschorst.');
    // The dialog gave focus back to "Schorsen" first; the row then left the list of active members.
    await page.getByRole('row', { name: /Cor Schorsbaar/ }).waitFor({ state: 'detached' });
    expect(await focused(page)).toMatchObject({ role: 'status', name: 'Cor Schorsbaar is geschorst.' });
    const [suspended] = await db.select({ until: users.suspendedUntil, reason: users.statusReason }).from(users).where(eq(users.displayName, 'Cor Schorsbaar'));
    expect(suspended?.reason).toBe('Herhaaldelijk persoonlijke aanvallen, ook na een waarschuwing.');
    expect(Math.round((suspended!.until!.getTime() - Date.now()) / 86_400_000)).toBe(30);

    // Verifying a role keeps its button, with a new label: focus stays on it.
    await press(page.getByRole('button', { name: 'Functie verifiëren: Dina Raadslid' }));
    await page.getByRole('button', { name: 'Verificatie intrekken: Dina Raadslid' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Het account van Dina Raadslid is bijgewerkt.' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'Verificatie intrekken: Dina Raadslid' });

    await page.getByLabel('Status').selectOption({ label: 'Geschorst' });
    await press(page.getByRole('button', { name: 'Schorsing opheffen: Cor Schorsbaar' }));
    await expectOutcomeFocused(page, 'De schorsing van Cor Schorsbaar is opgeheven.');
    await page.getByText('Geen leden gevonden.').waitFor();
    expect(await focused(page)).toMatchObject({ role: 'status', name: 'De schorsing van Cor Schorsbaar is opgeheven.' });
    const [cor] = await db.select({ status: users.status }).from(users).where(eq(users.displayName, 'Cor Schorsbaar'));
    expect(cor?.status).toBe('active');
  });

  it('review queue: each decision moves focus to its outcome as the card leaves; removals ask for a reason first', async () => {
    const db = e2e.testApp.db;
    const moderator = await makeUser(db, { role: 'moderator' });
    const reporter = await e2e.testApp.loginAs(await makeUser(db, { displayName: 'Rita Melder' }));
    const bodies = {
      hide_post: 'Bel mij op 06-11111111.',
      delete_post: 'Koop nu goedkope flyers bij mij.',
      dismiss: 'Ik ben het hier echt niet mee eens.',
      suspend_author: 'Jullie zijn allemaal idioten.',
    };
    for (const body of Object.values(bodies)) {
      const author = await makeUser(db);
      const { postId } = await makeThread(db, author, { body, title: `Discussie: ${body.slice(0, 20)}` });
      expect((await reporter.post(`/api/posts/${postId}/reports`, { reason: 'other', note: 'Graag bekijken.' })).status).toBe(201);
    }
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, moderator.email);
    await page.goto('/moderatie');
    const card = (body: string) => page.getByRole('listitem').filter({ hasText: body }).filter({ has: page.getByRole('heading') });
    await card(bodies.hide_post).waitFor();

    for (const [button, body, outcome] of [
      ['Bericht verbergen', bodies.hide_post, 'Het bericht is verborgen; het rapport is afgehandeld.'],
      ['Bericht verwijderen', bodies.delete_post, 'Het bericht is verwijderd; het rapport is afgehandeld.'],
      ['Rapport afwijzen', bodies.dismiss, 'Het rapport is afgewezen.'],
      ['Schrijver schorsen', bodies.suspend_author, 'De schrijver is geschorst en het bericht verborgen; het rapport is afgehandeld.'],
    ] as const) {
      await press(card(body).getByRole('button', { name: button }));
      if (button !== 'Rapport afwijzen') {
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        const confirm = dialog.getByRole('button', { name: button });
        expect(await confirm.isDisabled()).toBe(true);
        if (button === 'Schrijver schorsen') {
          await dialog.getByLabel('1 dag').check();
          await expectNoAxeViolations(page, 'suspend-author dialog');
        }
        await dialog.getByLabel('Standaardreden').selectOption({ index: 1 });
        await press(confirm);
      }
      await expectOutcomeFocused(page, outcome);
      await card(body).waitFor({ state: 'detached' });
      expect(await focused(page), `after "${button}"`).toMatchObject({ role: 'status', name: outcome });
    }
    await page.getByText('Er wachten geen gerapporteerde berichten.').waitFor();
    await expectNoAxeViolations(page, 'queue after the decisions');
  });

  it('a thread: deleting one’s own post focuses the post; deleting a thread’s only post focuses the "not found" heading', async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Eva Schrijver' });
    const other = await makeUser(db, { displayName: 'Frank Lezer' });
    const { threadId } = await makeThread(db, other, { title: 'Wie heeft er een goede drukker?' });
    const mine = await makePost(db, member, threadId, { body: 'Drukkerij De Vries, maar die is duur.' });
    const { threadId: alone } = await makeThread(db, member, { title: 'Per ongeluk geplaatst' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);

    await page.goto(`/discussie/${threadId}`);
    const post = page.locator(`#bericht-${mine}`);
    await press(post.getByRole('button', { name: 'Verwijderen' }));
    const dialog = page.getByRole('dialog', { name: 'Bericht verwijderen' });
    await press(dialog.getByRole('button', { name: 'Verwijderen' }));
    await post.getByText('Dit bericht is verwijderd.').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'article', name: 'Bericht van Eva Schrijver' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`bericht-${mine}`);

    await page.goto(`/discussie/${alone}`);
    await page.getByRole('heading', { level: 1, name: 'Per ongeluk geplaatst' }).waitFor();
    await press(page.getByRole('button', { name: 'Verwijderen' }));
    await press(page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }));
    await page.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', name: 'Niet gevonden' });
  });

  it('a thread as moderator: restoring and deleting a post focus the post; pin and lock keep focus on their button', async () => {
    const db = e2e.testApp.db;
    const author = await makeUser(db, { displayName: 'Gijs Auteur' });
    const moderator = await makeUser(db, { role: 'moderator' });
    const { threadId } = await makeThread(db, author, { title: 'Campagnebudget verdelen' });
    const hidden = await makePost(db, author, threadId, { body: 'Dit was eerst verborgen.' });
    const api = await e2e.testApp.loginAs(moderator);
    expect((await api.post(`/api/moderation/posts/${hidden}/hide`, { reason: 'Even nakijken.' })).status).toBe(200);
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, moderator.email);
    await page.goto(`/discussie/${threadId}`);

    const post = page.locator(`#bericht-${hidden}`);
    await press(post.getByRole('button', { name: 'Weer tonen' }));
    await post.getByRole('button', { name: 'Weer tonen' }).waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`bericht-${hidden}`);

    // Deleting someone else's post asks for the reason its author reads. A moderator still reads a deleted post,
    // now marked as such; focus stays on it.
    await press(post.getByRole('button', { name: 'Verwijderen' }));
    const removal = page.getByRole('dialog', { name: 'Bericht van Gijs Auteur verwijderen' });
    await removal.getByLabel('Reden (de schrijver leest deze)').fill('Dubbel geplaatst.');
    await press(removal.getByRole('button', { name: 'Verwijderen' }));
    await post.getByText('Verwijderd', { exact: true }).waitFor();
    await post.getByText('Dit was eerst verborgen.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`bericht-${hidden}`);
    await expectNoAxeViolations(page, 'thread with a deleted post, as moderator');

    const tools = page.getByRole('group', { name: 'Discussie modereren' });
    await press(tools.getByRole('button', { name: 'Vastzetten' }));
    await tools.getByRole('button', { name: 'Losmaken' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'De discussie staat nu bovenaan vast.' }).waitFor({ state: 'attached' });
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'Losmaken' });
    // Closing asks for the reason the starter reads; the dialog gives focus back to the button, now "Heropenen".
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const lock = page.getByRole('dialog', { name: 'Discussie „Campagnebudget verdelen” sluiten' });
    await lock.getByLabel('Standaardreden').selectOption('De vraag is beantwoord');
    await expectNoAxeViolations(page, 'lock dialog');
    await press(lock.getByRole('button', { name: 'Discussie sluiten' }));
    await tools.getByRole('button', { name: 'Heropenen' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'De discussie is gesloten: leden kunnen niet meer reageren.' }).waitFor({ state: 'attached' });
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'Heropenen' });
  });
});
