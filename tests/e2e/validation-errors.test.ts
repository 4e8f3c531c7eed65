import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema.js';
import { currentCode, enableTotpDirectly } from '../../server/auth/totp.js';
import { DEFAULT_PASSWORD, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, useE2e } from './browser.js';

/** The text an input's aria-describedby points at (its hint and its error), as a screen reader reads it. */
async function description(input: Locator): Promise<string> {
  return input.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** The field's error is shown beside it, tied to it, and the field is marked invalid. */
async function expectError(input: Locator, message: string): Promise<void> {
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  expect(await description(input)).toContain(message);
}

async function expectNoError(input: Locator): Promise<void> {
  expect(await input.getAttribute('aria-invalid')).toBeNull();
  expect(await description(input)).not.toMatch(/verplicht|te kort|te lang|geldig|spaties/);
}

const focused = (input: Locator) => input.evaluate((el) => el === document.activeElement);

/** Forms refused by the server show every field's Dutch message beside that field at once, and drop each when it is fixed. */
describe('validation errors in forms', () => {
  useE2e();

  it('registration: every wrong field at once, beside its field, gone when fixed', async () => {
    const page: Page = await (await e2e.context()).newPage();
    await page.goto('/aanmelden');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    const email = page.getByLabel('E-mailadres');
    const password = page.getByLabel('Wachtwoord', { exact: true });
    const name = page.getByLabel('Naam zoals anderen die zien');
    const party = page.getByLabel('Partij');
    await email.fill('geen-adres');
    await password.fill('kort');
    await party.fill('   ');
    await page.getByLabel('Gemeente').fill('Utrecht');
    await page.getByRole('button', { name: 'Account aanvragen' }).click();

    const emailError = 'Vul bij „E-mailadres” een geldig e-mailadres in, zoals naam@partij.nl.';
    await page.getByText(emailError).waitFor();
    await expectError(email, emailError);
    await expectError(password, '„Wachtwoord” is te kort: gebruik minstens 10 tekens.');
    await expectError(name, '„Naam zoals anderen die zien” is verplicht.');
    await expectError(party, '„Partij” bevat alleen spaties: vul tekst in.');
    await expectNoError(page.getByLabel('Gemeente'));
    // No general message above the form: every problem has its field. Focus is on the first one.
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await focused(email)).toBe(true);
    // Developer English and regular expressions are gone.
    expect(await page.locator('form').innerText()).not.toMatch(/must|NOT|pattern|\^|\\s/);
    await expectNoAxeViolations(page, 'registration with four refused fields');

    // Fixing one field takes away its message at once; the others stay until they are fixed or sent again.
    await email.fill('nieuw-lid@example.org');
    await expectNoError(email);
    await expectError(password, '„Wachtwoord” is te kort');
    await password.fill('een zin van een paar woorden');
    await expectNoError(password);
    await expectError(name, 'is verplicht');
    await expectNoAxeViolations(page, 'registration with two fields fixed');

    // Sent again with the rest fixed too: accepted.
    await name.fill('Nieuw Lid');
    await party.fill('Lokaal Belang');
    await expectNoError(name);
    await page.getByRole('button', { name: 'Account aanvragen' }).click();
    await page.getByRole('status').getByText('nieuw-lid@example.org').waitFor();
  });

  it('new thread: a title too short and a body of spaces, each beside its field', async () => {
    const member = await makeUser(e2e.testApp.db, { displayName: 'Vera Veld' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);
    await page.goto('/nieuw?categorie=campagne');
    await page.getByRole('heading', { level: 1, name: 'Nieuwe discussie' }).waitFor();
    const title = page.getByLabel('Titel', { exact: true });
    const body = page.getByLabel('Je bericht', { exact: true });
    await title.fill('Hoi');
    await body.fill('   ');
    await page.getByRole('button', { name: 'Discussie starten' }).click();

    await page.getByText('„Titel” is te kort: gebruik minstens 5 tekens.').waitFor();
    await expectError(title, '„Titel” is te kort: gebruik minstens 5 tekens.');
    await expectError(body, '„Je bericht” bevat alleen spaties: vul tekst in.');
    expect(await focused(title)).toBe(true);
    await expectNoAxeViolations(page, 'new thread with two refused fields');

    await body.fill('Hoe pakken jullie de campagne aan?');
    await expectNoError(body);
    await expectError(title, 'te kort');
    await title.fill('Campagne in een kleine gemeente');
    await expectNoError(title);
    await page.getByRole('button', { name: 'Discussie starten' }).click();
    await page.waitForURL('**/discussie/*');
  });
});

/**
 * The moderators' dialogs, with the browser's length limit taken off the field (an old page after the limit changed,
 * or a hand-made request), and the login code step: the server's refusal is shown beside the field it concerns, and
 * goes when she changes it.
 */
describe('validation errors in moderators’ dialogs and the login code step', () => {
  useE2e();

  const statusOf = async (id: number) => (await e2e.testApp.db.select({ status: users.status }).from(users).where(eq(users.id, id)))[0]?.status;
  const withoutMaxLength = (input: Locator) => input.evaluate((el) => el.removeAttribute('maxlength'));

  it('suspension: a reason too long is refused beside the reason, and goes when she shortens it', async () => {
    const db = e2e.testApp.db;
    const moderator = await makeUser(db, { role: 'moderator', displayName: 'Mira Moderator' });
    const member = await makeUser(db, { displayName: 'Sanne Schors' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, moderator.email);
    await page.goto('/moderatie/leden');
    await page.getByRole('heading', { level: 1, name: 'Leden' }).waitFor();
    await page.getByRole('button', { name: 'Schorsen: Sanne Schors' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schorsen: Sanne Schors' });
    await dialog.waitFor();
    const reason = dialog.getByLabel('Reden (de persoon ziet deze reden)');
    await withoutMaxLength(reason);
    await reason.fill('Herhaaldelijk persoonlijke aanvallen. '.repeat(14));
    await dialog.getByRole('button', { name: 'Schorsen' }).click();

    const tooLong = '„Reden” is te lang: gebruik hoogstens 500 tekens.';
    await dialog.getByText(tooLong).waitFor();
    await expectError(reason, tooLong);
    expect(await focused(reason)).toBe(true);
    // Said once, beside the field: not again above it, nor in the row behind the dialog.
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await statusOf(member.id)).toBe('active');
    await expectNoAxeViolations(page, 'suspension with a reason too long');

    await reason.fill('Herhaaldelijk persoonlijke aanvallen.');
    await expectNoError(reason);
    await expectNoAxeViolations(page, 'suspension with the reason shortened');
    await dialog.getByRole('button', { name: 'Schorsen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Sanne Schors is geschorst.' }).waitFor();
    expect(await statusOf(member.id)).toBe('suspended');
  });

  it('renaming a thread: a title and a reason too long, each beside its field, each gone when changed', async () => {
    const db = e2e.testApp.db;
    const moderator = await makeUser(db, { role: 'moderator', displayName: 'Ruud Redacteur' });
    const author = await makeUser(db, { displayName: 'Gert Auteur' });
    const { threadId } = await makeThread(db, author, { title: 'Samen campagne voeren' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, moderator.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Samen campagne voeren' }).waitFor();
    await page.getByRole('group', { name: 'Discussie modereren' }).getByRole('button', { name: 'Titel wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe titel voor „Samen campagne voeren”' });
    await dialog.waitFor();
    const title = dialog.getByLabel('Nieuwe titel');
    const reason = dialog.getByLabel('Reden (voor het logboek)');
    await withoutMaxLength(title);
    await withoutMaxLength(reason);
    await title.fill('Samen campagne voeren in een fusiegemeente, '.repeat(4));
    await reason.fill('Een duidelijkere titel. '.repeat(22));
    await dialog.getByRole('button', { name: 'Titel wijzigen' }).click();

    await dialog.getByText('„Titel” is te lang: gebruik hoogstens 150 tekens.').waitFor();
    await expectError(title, '„Titel” is te lang: gebruik hoogstens 150 tekens.');
    await expectError(reason, '„Reden” is te lang: gebruik hoogstens 500 tekens.');
    expect(await focused(title)).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectNoAxeViolations(page, 'rename with a title and a reason too long');

    await reason.fill('Een duidelijkere titel.');
    await expectNoError(reason);
    await expectError(title, 'te lang');
    await title.fill('Samen campagne voeren in een fusiegemeente');
    await expectNoError(title);
    await dialog.getByRole('button', { name: 'Titel wijzigen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Samen campagne voeren in een fusiegemeente' }).waitFor();
  });

  it('login code step: a wrong code is said on the field and goes when she changes the code', async () => {
    const member = await makeUser(e2e.testApp.db, { displayName: 'Tessa Tweestap' });
    const secret = await enableTotpDirectly(e2e.testApp.db, member.id);
    const page = await (await e2e.context()).newPage();
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill(member.email);
    await page.getByLabel('Wachtwoord').fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    const code = page.getByLabel('Code uit je app');
    await code.waitFor();
    // A code of no step the server accepts now (the one before, now, the next two).
    const valid = new Set([-1, 0, 1, 2].map((step) => currentCode(secret, Date.now() + step * 30_000)));
    const wrong = ['000000', '111111', '222222', '333333', '444444'].find((c) => !valid.has(c)) ?? '555555';
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    const wrongCode = 'Deze code klopt niet. Vul de code in die je app nu toont.';
    await page.getByRole('alert').filter({ hasText: wrongCode }).waitFor();
    await expectError(code, wrongCode);
    // Nothing above the form: the field has it.
    expect(await page.getByRole('alert').count()).toBe(1);

    await code.fill('12');
    await expectNoError(code);
    expect(await description(code)).not.toContain(wrongCode);
    await expectNoAxeViolations(page, 'login code changed after a wrong one');
  });
});
