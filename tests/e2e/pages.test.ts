import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e, waitForLoaded } from './browser.js';

const PHONE = { width: 375, height: 812 };

/** Every main page passes axe-core and is photographed at desktop and phone width (test-results/, not committed). */
describe('pages: accessibility and screenshots', () => {
  useE2e();
  let threadId: number;
  let memberEmail: string;
  beforeAll(async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Sanne Bakker', representativeRole: 'raadslid', party: 'Gemeentebelangen', municipality: 'Zwolle' });
    memberEmail = member.email;
    const other = await makeUser(db, { displayName: 'Henk Smit', representativeRole: 'wethouder', party: 'Lokaal Zwolle', municipality: 'Zwolle' });
    const thread = await makeThread(db, member, {
      category: 'fuseren',
      title: 'Fusie met de buurpartij: hoe begin je?',
      body: 'Wij praten met **Lokaal Zwolle** over samengaan.\n\n- Wie begint het gesprek?\n- Wat doe je met de naam?',
    });
    threadId = thread.threadId;
    const reply = await makePost(db, other, threadId, { body: '> Wie begint het gesprek?\n\nDe voorzitters, en pas daarna de leden. Neem de tijd.', replyToPostId: thread.postId });
    await makePost(db, member, threadId, { body: 'Dank je, dat is een goede tip.', replyToPostId: reply });
    await makeThread(db, other, { category: 'fuseren', title: 'Statuten van een fusiepartij' });
    // Something in the review queue, and the longest role badges in the members table (an admin who is also a commissielid).
    const reporter = await makeUser(db, { displayName: 'Fatima El Amrani-Verhoeven', representativeRole: 'commissielid', party: 'Gemeentebelangen Súdwest-Fryslân', municipality: 'Súdwest-Fryslân' });
    const reported = await makePost(db, other, threadId, { body: 'Stem op mijn bedrijf: www.voorbeeld.nl. Bel 06-12345678 voor een offerte, of kijk op https://www.een-heel-lange-webadres-zonder-spaties.nl/aanbieding.' });
    const reporting = await e2e.testApp.loginAs(reporter);
    expect((await reporting.post(`/api/posts/${reported}/reports`, { reason: 'spam', note: 'Reclame voor een eigen bedrijf, met telefoonnummer.' })).status).toBe(201);
    await db.update(users).set({ representativeVerified: true }).where(eq(users.id, reporter.id));
    await makePost(db, reporter, threadId, { body: 'Bij ons ging het via de fractievoorzitters.' });
    await makeUser(db, { role: 'admin', displayName: 'Beheer Kenniscentrum', representativeRole: 'commissielid' });
    await e2e.testApp.app.searchService.drainOutbox();
  });

  for (const [label, size] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`guest pages at ${label} width`, async () => {
      const page = await (await e2e.context(size)).newPage();
      for (const [path, heading, name] of [
        ['/', 'Plein: samen sterker als lokale partij', 'landing'],
        ['/inloggen', 'Inloggen', 'login'],
        ['/aanmelden', 'Aanmelden', 'register'],
        ['/toegankelijkheid', 'Toegankelijkheid', 'accessibility'],
        ['/privacy', 'Privacy', 'privacy'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await expectNoAxeViolations(page, `${name} (${label})`);
        await screenshot(page, `${name}-${label}`);
      }
    });

    it(`member pages at ${label} width`, async () => {
      const page = await (await e2e.context(size)).newPage();
      await loginThroughForm(page, memberEmail);
      await expectNoAxeViolations(page, `categories (${label})`);
      await screenshot(page, `categories-${label}`);

      await page.goto('/forum/fuseren');
      await page.getByRole('link', { name: 'Statuten van een fusiepartij' }).waitFor();
      await expectNoAxeViolations(page, `thread list (${label})`);
      await screenshot(page, `thread-list-${label}`);

      await page.goto(`/discussie/${threadId}`);
      await page.getByText('Dank je, dat is een goede tip.').waitFor();
      await expectNoAxeViolations(page, `thread (${label})`);
      await screenshot(page, `thread-${label}`);

      await page.getByRole('button', { name: 'Voorbeeld' }).click();
      await expectNoAxeViolations(page, `composer preview (${label})`);

      await page.goto('/nieuw?categorie=campagne');
      await page.getByRole('heading', { level: 1, name: 'Nieuwe discussie' }).waitFor();
      await expectNoAxeViolations(page, `new thread (${label})`);

      await page.goto('/zoeken');
      await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
      await expectNoAxeViolations(page, `search (${label})`);
      await page.getByLabel('Zoekterm').fill('gesprek');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.getByRole('link', { name: 'Fusie met de buurpartij: hoe begin je?' }).first().waitFor();
      await expectNoAxeViolations(page, `search results (${label})`);
      await screenshot(page, `search-${label}`);

      await page.goto('/profiel');
      await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
      await expectNoAxeViolations(page, `profile (${label})`);
      // Saving is announced in the live region; a wrong current password is marked on its own field.
      await page.getByLabel('Partij', { exact: true }).fill(`Gemeentebelangen ${label}`);
      await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Je gegevens zijn opgeslagen.' }).waitFor();
      await page.getByLabel('Huidig wachtwoord').fill('niet-mijn-wachtwoord');
      await page.getByLabel('Nieuw wachtwoord').fill('een-nieuw-wachtwoord');
      await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
      await page.locator('input[autocomplete="current-password"][aria-invalid="true"]').waitFor();
      await expectNoAxeViolations(page, `profile after saving (${label})`);
      await screenshot(page, `profile-${label}`);

      await page.goto('/discussie/999999');
      await page.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
      await expectNoAxeViolations(page, `not found (${label})`);

      await page.goto('/moderatie');
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    });
  }

  it('moderator pages pass axe at both widths', async () => {
    const db = e2e.testApp.db;
    const moderator = await makeUser(db, { role: 'moderator', displayName: 'Mira Moderator' });
    await makeUser(db, { status: 'pending', displayName: 'Nieuw Lid', representativeRole: 'commissielid' });
    for (const [label, size] of [
      ['desktop', undefined],
      ['phone', PHONE],
    ] as const) {
      const page = await (await e2e.context(size)).newPage();
      await loginThroughForm(page, moderator.email);
      for (const [path, heading, name] of [
        ['/moderatie', 'Gerapporteerde berichten', 'moderation-queue'],
        ['/moderatie/aanmeldingen', 'Aanmeldingen', 'moderation-pending'],
        ['/moderatie/leden', 'Leden', 'moderation-members'],
        ['/moderatie/logboek', 'Logboek', 'moderation-log'],
        [`/discussie/${threadId}`, 'Fusie met de buurpartij: hoe begin je?', 'thread-as-moderator'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await waitForLoaded(page);
        await expectNoAxeViolations(page, `${name} (${label})`);
        await screenshot(page, `${name}-${label}`);
      }
      await page.goto('/moderatie/leden');
      // Wider than a phone: the table scrolls sideways (the name column stays), and never breaks a word or a badge.
      const table = page.locator('.table-scroll');
      await page.getByRole('button', { name: 'Schorsen: Henk Smit' }).waitFor();
      const fits = await table.evaluate((el) => el.scrollWidth <= el.clientWidth);
      expect(fits).toBe(label === 'desktop');
      const badge = page.locator('.badge', { hasText: 'Beheerder' });
      expect(await badge.evaluate((el) => el.getClientRects().length)).toBe(1);
      expect((await badge.boundingBox())!.height).toBeLessThan(30);
      if (label === 'phone') {
        await table.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        await screenshot(page, 'moderation-members-scrolled-phone');
      }
      await page.getByRole('button', { name: 'Schorsen: Henk Smit' }).click();
      const dialog = page.getByRole('dialog', { name: 'Schorsen: Henk Smit' });
      await dialog.waitFor();
      await expectNoAxeViolations(page, `suspend dialog (${label})`);
      await page.keyboard.press('Escape');
    }
  });
});

