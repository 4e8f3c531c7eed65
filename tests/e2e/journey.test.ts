import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mailOutbox, users } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/**
 * The whole way through, in the browser, as three people: a newcomer registers, confirms her address and waits, an admin approves
 * them, they start a thread in "fuseren", a second member sees it arrive and replies, the first sees the reply
 * live, the second reports the first's post, a moderator hides it and it becomes a placeholder for the other member.
 */
describe('the member journey', () => {
  useE2e();

  let anna: Page;
  let bram: Page;
  let threadUrl: string;

  it('registers a newcomer, who lands on the waiting page', async () => {
    const context = await e2e.context();
    anna = await context.newPage();
    await anna.goto('/');
    await expectNoAxeViolations(anna, 'landing');
    await screenshot(anna, 'landing-desktop');
    await anna.getByRole('link', { name: 'Aanmelden' }).first().click();
    await anna.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await expectNoAxeViolations(anna, 'register');
    await anna.getByLabel('E-mailadres').fill('anna@lokaalsterk.nl');
    await anna.getByLabel('Wachtwoord').fill('een-lang-wachtwoord');
    await anna.getByLabel('Naam zoals anderen die zien').fill('Anna de Vries');
    await anna.getByLabel('Partij').fill('Lokaal Sterk');
    await anna.getByLabel('Gemeente').fill('Súdwest-Fryslân');
    await anna.getByLabel('Functie als volksvertegenwoordiger of bestuurder').selectOption('raadslid');
    await anna.getByRole('button', { name: 'Account aanvragen' }).click();
    await anna.getByRole('heading', { level: 1, name: 'Kijk in je mail' }).waitFor();
    await expectNoAxeViolations(anna, 'registered');

    // She follows the link in the confirmation mail (here read from the outbox; tests/e2e/password-reset.test.ts
    // reads a mail through SMTP), confirms, and logs in.
    const [queued] = await e2e.testApp.db
      .select({ data: mailOutbox.data })
      .from(mailOutbox)
      .innerJoin(users, eq(users.id, mailOutbox.userId))
      .where(and(eq(users.email, 'anna@lokaalsterk.nl'), eq(mailOutbox.kind, 'email_confirm')));
    await anna.goto(`/bevestigen?token=${(queued!.data as { token: string }).token}`);
    await anna.getByRole('heading', { level: 1, name: 'E-mailadres bevestigen' }).waitFor();
    await expectNoAxeViolations(anna, 'confirm e-mail');
    await anna.getByRole('button', { name: 'E-mailadres bevestigen' }).click();
    await anna.getByRole('heading', { level: 1, name: 'Je e-mailadres is bevestigd' }).waitFor();
    await anna.getByRole('status').getByText('Je aanmelding wacht nu op goedkeuring').waitFor();
    await expectNoAxeViolations(anna, 'e-mail confirmed');
    await anna.getByRole('main').getByRole('link', { name: 'Inloggen' }).click();
    await anna.getByLabel('E-mailadres').fill('anna@lokaalsterk.nl');
    await anna.getByLabel('Wachtwoord').fill('een-lang-wachtwoord');
    await anna.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await anna.getByRole('heading', { level: 1, name: 'Je aanmelding wacht op goedkeuring' }).waitFor();
    await expectNoAxeViolations(anna, 'waiting');

    // Pending accounts cannot reach the forum: they are sent back to the waiting page.
    await anna.goto('/forum');
    await anna.getByRole('heading', { level: 1, name: 'Je aanmelding wacht op goedkeuring' }).waitFor();
    const [row] = await e2e.testApp.db.select({ status: users.status, municipality: users.municipality }).from(users).where(eq(users.email, 'anna@lokaalsterk.nl'));
    expect(row).toEqual({ status: 'pending', municipality: 'Súdwest-Fryslân' });
  });

  it('an admin approves her in the pending registrations screen', async () => {
    const admin = await makeUser(e2e.testApp.db, { role: 'admin', displayName: 'Beheer Kenniscentrum' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, admin.email);
    await page.getByRole('link', { name: 'Moderatie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gerapporteerde berichten' }).waitFor();
    await page.getByRole('link', { name: 'Aanmeldingen' }).click();
    await page.getByRole('cell', { name: 'anna@lokaalsterk.nl' }).waitFor();
    await expectNoAxeViolations(page, 'pending registrations');
    await page.getByRole('button', { name: 'Goedkeuren: Anna de Vries' }).click();
    await page.getByText('Anna de Vries is goedgekeurd.').waitFor();
    const [row] = await e2e.testApp.db.select({ status: users.status }).from(users).where(eq(users.email, 'anna@lokaalsterk.nl'));
    expect(row?.status).toBe('active');
  });

  it('the approved member starts a thread in "fuseren", which a second member sees arrive', async () => {
    await anna.getByRole('button', { name: 'Opnieuw controleren' }).click();
    await anna.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();

    const bramUser = await makeUser(e2e.testApp.db, { displayName: 'Bram Jansen', representativeRole: 'wethouder' });
    bram = await (await e2e.context()).newPage();
    await loginThroughForm(bram, bramUser.email);
    await bram.getByRole('link', { name: 'Fuseren' }).click();
    await bram.getByRole('heading', { level: 1, name: 'Fuseren' }).waitFor();
    await bram.getByText('Er zijn nog geen discussies in deze categorie.').waitFor();

    await anna.getByRole('link', { name: 'Fuseren' }).click();
    await anna.getByRole('link', { name: 'Nieuwe discussie' }).click();
    await anna.getByRole('heading', { level: 1, name: 'Nieuwe discussie' }).waitFor();
    expect(await anna.getByLabel('Categorie').inputValue()).toBe('fuseren');
    await anna.getByLabel('Titel').fill('Statuten aanpassen bij een fusie');
    await anna.getByLabel('Je bericht').fill('Wie heeft ervaring met het samenvoegen van twee verenigingen? Wij twijfelen over de notaris.');
    await anna.getByRole('button', { name: 'Discussie starten' }).click();
    await anna.getByRole('heading', { level: 1, name: 'Statuten aanpassen bij een fusie' }).waitFor();
    threadUrl = new URL(anna.url()).pathname;
    expect(threadUrl).toMatch(/^\/discussie\/\d+$/);

    // Bram did not reload: the category page learns of the new thread over the live socket.
    await bram.getByRole('link', { name: 'Statuten aanpassen bij een fusie' }).waitFor();
  });

  it('the second member replies and the first sees the reply arrive without reloading', async () => {
    await bram.getByRole('link', { name: 'Statuten aanpassen bij een fusie' }).click();
    await bram.getByRole('heading', { level: 1, name: 'Statuten aanpassen bij een fusie' }).waitFor();
    await expectNoAxeViolations(bram, 'thread page');
    await bram.getByRole('button', { name: 'Reageren' }).first().click();
    await bram.getByText('Je reageert op Anna de Vries.').waitFor();
    await bram.getByLabel('Je bericht').fill('Wij deden het met één notaris voor beide partijen. Scheelt veel geld.');
    await bram.getByRole('button', { name: 'Plaatsen' }).click();
    await bram.getByRole('article', { name: 'Bericht van Bram Jansen' }).getByText('Scheelt veel geld.').waitFor();
    expect(await bram.getByLabel('Je bericht').inputValue()).toBe('');

    const reply = anna.getByRole('article', { name: 'Bericht van Bram Jansen' });
    await reply.waitFor();
    await reply.getByText('Reactie op Anna de Vries').waitFor();
    await reply.getByText('Wethouder').waitFor();
    // The polite live region told screen-reader users too.
    await anna.getByText('Nieuwe reactie van Bram Jansen.').waitFor({ state: 'attached' });
  });

  it('a report and a moderator decision hide the post for the members, live; its author still reads it', async () => {
    await anna.getByRole('article', { name: 'Bericht van Bram Jansen' }).getByRole('button', { name: 'Rapporteren' }).click();
    const dialog = anna.getByRole('dialog', { name: 'Bericht rapporteren' });
    await dialog.waitFor();
    await expectNoAxeViolations(anna, 'report dialog');
    await dialog.getByLabel('Hoort niet in deze discussie').check();
    await dialog.getByLabel('Toelichting').fill('Reclame voor een notariskantoor.');
    await dialog.getByRole('button', { name: 'Rapport versturen' }).click();
    await dialog.getByText('Bedankt. Een moderator bekijkt je rapport.').waitFor();
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const moderator = await makeUser(e2e.testApp.db, { role: 'moderator', displayName: 'Mo Derator' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, moderator.email);
    await page.goto('/moderatie');
    await page.getByText('Gerapporteerd door Anna de Vries').waitFor();
    await expectNoAxeViolations(page, 'moderation queue');
    await page.getByRole('button', { name: 'Bericht verbergen' }).click();
    // It asks first, for the reason Bram will read.
    const confirm = page.getByRole('dialog', { name: 'Bericht verbergen: bericht van Bram Jansen' });
    await confirm.getByLabel('Standaardreden').selectOption('Reclame of spam');
    await expectNoAxeViolations(page, 'hide-post dialog in the queue');
    await confirm.getByRole('button', { name: 'Bericht verbergen' }).click();
    await page.getByText('Er wachten geen gerapporteerde berichten.').waitFor();

    // Both members still have the thread open. Without a reload the hidden post becomes a placeholder for Anna;
    // Bram, who wrote it, still reads it, marked.
    const annaSees = anna.getByRole('article', { name: 'Bericht van Bram Jansen' });
    await annaSees.getByText('Dit bericht is verborgen door een moderator.').waitFor();
    expect(await annaSees.textContent()).not.toContain('notaris');
    await bram.getByRole('article', { name: 'Bericht van Bram Jansen' }).getByText('Verborgen door een moderator — alleen jij en de moderatoren zien dit').waitFor();
    await bram.getByRole('article', { name: 'Bericht van Bram Jansen' }).getByText('Reden: Reclame of spam').waitFor();
    await anna.getByRole('article', { name: 'Bericht van Anna de Vries' }).waitFor();
    await expectNoAxeViolations(anna, 'thread with a hidden reply');

    await page.getByRole('link', { name: 'Logboek' }).click();
    await page.getByText('Bericht verborgen').first().waitFor();
    await expectNoAxeViolations(page, 'moderation log');
  });

  it('search finds the thread by a word from its body and leads to the exact post', async () => {
    // The index is fed from an outbox after commit; drain it now rather than wait for the worker's next turn.
    await e2e.testApp.app.searchService.drainOutbox();
    await anna.getByRole('link', { name: 'Zoeken' }).click();
    await anna.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
    await anna.getByLabel('Zoekterm').fill('notaris');
    await anna.getByLabel('Categorie').selectOption('fuseren');
    await anna.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const hit = anna.getByRole('link', { name: 'Statuten aanpassen bij een fusie' });
    await hit.waitFor();
    await expectNoAxeViolations(anna, 'search results');
    await screenshot(anna, 'search-results-desktop');
    // Bram's reply also said "notaris", but it is hidden now: one hit, the opening post, with the word marked.
    expect(await anna.locator('.snippet mark').first().textContent()).toMatch(/notaris/i);
    expect(await hit.count()).toBe(1);
    expect(await hit.getAttribute('href')).toMatch(new RegExp(`^${threadUrl}#bericht-\\d+$`));
    await hit.click();
    await anna.getByRole('heading', { level: 1, name: 'Statuten aanpassen bij een fusie' }).waitFor();
  });
});
