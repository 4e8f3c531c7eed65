import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentCode, enableTotpDirectly } from '../../server/auth/totp.js';
import { DEFAULT_PASSWORD, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
/** A code is accepted once per 30-second step; the server also takes the next step's, so a second code in a row uses that. */
const NEXT_STEP = 30_000;
const WRONG_CODE = 'Deze code klopt niet.';

/** Six digits that are not the secret's code in any step the server accepts now (the one before, now, the next two). */
function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([-1, 0, 1, 2].map((step) => currentCode(secret, now + step * NEXT_STEP)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** The login form's password step, for an account with the second step on: the same page then asks for the code. */
async function passwordStep(page: Page, email: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEFAULT_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' }).waitFor();
}

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inloggen' }).waitFor();
}

const twoStepSection = (page: Page) => page.getByRole('region', { name: 'Tweestapsverificatie' });

/**
 * On the account page, up to the recovery codes: "Instellen", the key read from the page as a member types it into
 * her app, the app's code. Answers the secret and the codes.
 */
async function setUp(page: Page, label: string): Promise<{ secret: string; codes: string[] }> {
  const section = twoStepSection(page);
  await section.getByRole('button', { name: 'Instellen' }).click();
  const heading = section.getByRole('heading', { level: 3, name: 'Koppel je app' });
  await heading.waitFor();
  await expect.poll(() => isFocused(heading)).toBe(true);
  await section.getByRole('img', { name: /^QR-code voor je authenticator-app/ }).waitFor();
  const secret = ((await section.locator('.totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectNoAxeViolations(page, `${label}: linking an app (QR code)`);
  await screenshot(page, `two-step-setup-${label}`);

  const code = section.getByLabel('Code uit je app');
  expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
  expect(await code.getAttribute('inputmode')).toBe('numeric');
  await code.fill(wrongCode(secret));
  await section.getByRole('button', { name: 'Bevestigen' }).click();
  await section.getByRole('alert').filter({ hasText: WRONG_CODE }).waitFor();
  expect(await code.getAttribute('aria-invalid')).toBe('true');
  await expectNoAxeViolations(page, `${label}: linking an app, wrong code`);

  await code.fill(currentCode(secret));
  await section.getByRole('button', { name: 'Bevestigen' }).click();
  const codesHeading = section.getByRole('heading', { level: 3, name: 'Je herstelcodes' });
  await codesHeading.waitFor();
  await expect.poll(() => isFocused(codesHeading)).toBe(true);
  const codes = await section.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem').allTextContents();
  expect(codes).toHaveLength(10);
  for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  await section.getByText('Tweestapsverificatie staat aan.', { exact: true }).waitFor();
  await expectNoAxeViolations(page, `${label}: recovery codes`);
  await screenshot(page, `two-step-codes-${label}`);
  return { secret, codes };
}

/** "Ik heb ze bewaard": the codes go, focus goes to the outcome. */
async function codesStored(page: Page, outcome: string): Promise<void> {
  const section = twoStepSection(page);
  await section.getByRole('button', { name: 'Ik heb ze bewaard' }).click();
  const message = section.getByRole('status').filter({ hasText: outcome });
  await message.waitFor();
  await expect.poll(() => isFocused(message)).toBe(true);
  expect(await section.getByRole('list', { name: 'Herstelcodes' }).count()).toBe(0);
}

describe('two-step login', () => {
  // As in production: moderators and admins must set it up before they can moderate.
  useE2e({ STAFF_TOTP_REQUIRED: 'true' });

  it('a member sets it up, logs in with a code and with a recovery code, makes new codes and turns it off', async () => {
    const member = await makeUser(e2e.testApp.db, { displayName: 'Tessa Tweestap' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);
    await page.goto('/profiel');
    const section = twoStepSection(page);
    await section.getByText('Tweestapsverificatie staat uit.', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'profile, two-step off');

    // Cancelling the linking brings "Instellen" back, with focus on it.
    await section.getByRole('button', { name: 'Instellen' }).click();
    await section.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => isFocused(section.getByRole('button', { name: 'Instellen' }))).toBe(true);

    // Enabling gives the session a new id (and so a new CSRF token): no request after it may be refused.
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 403) refused.push(response.url());
    });
    const { secret, codes } = await setUp(page, 'member');
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Downloaden als tekstbestand' }).click()]);
    expect(download.suggestedFilename()).toBe('plein-herstelcodes.txt');
    const file = await readFile((await download.path())!, 'utf8');
    for (const c of codes) expect(file).toContain(c);
    await codesStored(page, 'Tweestapsverificatie staat aan. Je logt voortaan in met je wachtwoord en een code uit je app.');
    await section.getByText('Je hebt nog 10 herstelcodes.').waitFor();
    await page.getByLabel('Partij', { exact: true }).fill('Gemeentebelangen Tweestap');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Je gegevens zijn opgeslagen.' }).waitFor();
    expect(refused).toEqual([]);
    await expectNoAxeViolations(page, 'profile, two-step on');

    // Log in again: the password, then the code, in the same page with focus in the code field.
    await logout(page);
    await passwordStep(page, member.email);
    const code = page.getByLabel('Code uit je app');
    await expect.poll(() => isFocused(code)).toBe(true);
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await page.getByLabel('Wachtwoord').count()).toBe(0);
    await expectNoAxeViolations(page, 'login, code step');
    await screenshot(page, 'two-step-login-code');

    // Not six digits: said on the field before anything is sent. Then a wrong code, from the server.
    await code.fill('12345');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Vul de 6 cijfers in die je app nu toont.' }).waitFor();
    await code.fill(wrongCode(secret));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: WRONG_CODE }).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await code.getAttribute('aria-describedby')) ?? '';
    const errorId = await page.getByRole('alert').filter({ hasText: WRONG_CODE }).getAttribute('id');
    expect(describedBy.split(' ')).toContain(errorId);
    await expectNoAxeViolations(page, 'login, wrong code');

    // The code of setting up was this step's: the login takes the next one.
    await code.fill(currentCode(secret, Date.now() + NEXT_STEP));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL('**/forum');
    await page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();

    // With a recovery code instead: the link-button switches the field (and back), focus follows.
    await logout(page);
    await passwordStep(page, member.email);
    await page.getByRole('button', { name: 'Gebruik een herstelcode' }).click();
    const recovery = page.getByLabel('Herstelcode');
    await expect.poll(() => isFocused(recovery)).toBe(true);
    expect(await recovery.getAttribute('autocomplete')).toBe('off');
    await expectNoAxeViolations(page, 'login, recovery code');
    await page.getByRole('button', { name: 'Gebruik de code uit je app' }).click();
    await expect.poll(() => isFocused(page.getByLabel('Code uit je app'))).toBe(true);
    await page.getByRole('button', { name: 'Gebruik een herstelcode' }).click();
    await recovery.fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Deze herstelcode klopt niet of is al gebruikt.' }).waitFor();
    expect(await recovery.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'login, wrong recovery code');
    await recovery.fill(codes[0]!.toLowerCase());
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL('**/forum');

    // New recovery codes: the password first (a wrong one is said on its field), then the new list.
    await page.goto('/profiel');
    await section.getByText('Je hebt nog 9 herstelcodes.').waitFor();
    const newCodes = section.getByRole('button', { name: 'Nieuwe herstelcodes' });
    await newCodes.click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe herstelcodes maken' });
    const password = dialog.getByLabel('Je wachtwoord');
    await expect.poll(() => isFocused(password)).toBe(true);
    await password.fill('niet-mijn-wachtwoord');
    await dialog.getByRole('button', { name: 'Nieuwe codes maken' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Je wachtwoord klopt niet.' }).waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'new recovery codes, wrong password');
    await password.fill(DEFAULT_PASSWORD);
    await dialog.getByRole('button', { name: 'Nieuwe codes maken' }).click();
    const codesHeading = section.getByRole('heading', { level: 3, name: 'Je herstelcodes' });
    await codesHeading.waitFor();
    await expect.poll(() => isFocused(codesHeading)).toBe(true);
    await section.getByText('Je nieuwe herstelcodes staan hieronder; de oude werken niet meer.').waitFor();
    const replaced = await section.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem').allTextContents();
    expect(replaced).toHaveLength(10);
    expect(replaced).not.toContain(codes[1]);
    await codesStored(page, 'Je nieuwe herstelcodes zijn in gebruik.');
    await section.getByText('Je hebt nog 10 herstelcodes.').waitFor();

    // Turning it off asks the password too; afterwards the password alone logs in.
    await section.getByRole('button', { name: 'Uitzetten' }).click();
    const off = page.getByRole('dialog', { name: 'Tweestapsverificatie uitzetten' });
    await off.getByText('Daarna log je weer in met alleen je wachtwoord').waitFor();
    expect(await off.getByText('als moderator of beheerder').count()).toBe(0);
    await expectNoAxeViolations(page, 'disable dialog');
    await off.getByLabel('Je wachtwoord').fill(DEFAULT_PASSWORD);
    await off.getByRole('button', { name: 'Uitzetten' }).click();
    const outcome = section.getByRole('status').filter({ hasText: 'Tweestapsverificatie staat uit. Je logt weer in met alleen je wachtwoord.' });
    await outcome.waitFor();
    await expect.poll(() => isFocused(outcome)).toBe(true);
    await section.getByText('Tweestapsverificatie staat uit.', { exact: true }).waitFor();
    await section.getByRole('button', { name: 'Instellen' }).waitFor();
    await expectNoAxeViolations(page, 'profile, two-step turned off');
    await logout(page);
    await loginThroughForm(page, member.email);
  });

  it('asks the password again after too many wrong codes', async () => {
    const member = await makeUser(e2e.testApp.db, { displayName: 'Vera Vaakfout' });
    const secret = await enableTotpDirectly(e2e.testApp.db, member.id);
    const page = await (await e2e.context()).newPage();
    await passwordStep(page, member.email);
    const code = page.getByLabel('Code uit je app');
    // Each wrong code is told; the fifth ends this login.
    for (let i = 0; i < 4; i++) {
      await code.fill(wrongCode(secret));
      await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: WRONG_CODE }).waitFor();
      await page.getByRole('button', { name: 'Inloggen', exact: true, disabled: false }).waitFor();
    }
    await code.fill(wrongCode(secret));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Te vaak een verkeerde code. Log opnieuw in met je wachtwoord.' }).waitFor();
    const password = page.getByLabel('Wachtwoord');
    await expect.poll(() => isFocused(password)).toBe(true);
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe(member.email);
    await expectNoAxeViolations(page, 'login, code expired');

    // From the password again, and a right code this time.
    await password.fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' }).waitFor();
    await page.getByLabel('Code uit je app').fill(currentCode(secret));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL('**/forum');
  });

  it('tells a moderator without it to set it up, and lets her moderate once she has', async () => {
    const moderator = await makeUser(e2e.testApp.db, { role: 'moderator', displayName: 'Mila Moderator' });
    const page = await (await e2e.context()).newPage();
    // Her password alone still logs her in: as a member, until she sets up the second step.
    await loginThroughForm(page, moderator.email);
    const banner = page.getByRole('main').getByText('Stel tweestapsverificatie in om te kunnen modereren.');
    await banner.waitFor();
    // Until then the site offers her no moderation: no menu item (the server would refuse it anyway).
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Moderatie/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'forum with the staff banner');

    await page.goto('/moderatie');
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Stel eerst tweestapsverificatie in (bij Mijn account): voor moderatoren en beheerders is die verplicht.' })
      .waitFor();
    await banner.waitFor();
    await expectNoAxeViolations(page, 'moderation refused until two-step login is on');
    await screenshot(page, 'two-step-moderation-refused');

    // The banner's link leads to the section, which takes focus and says why.
    await page.getByRole('link', { name: 'Instellen op Mijn account' }).click();
    await page.waitForURL('**/profiel#tweestapsverificatie');
    const section = twoStepSection(page);
    await expect.poll(() => isFocused(section.getByRole('heading', { level: 2, name: 'Tweestapsverificatie' }))).toBe(true);
    await section.getByText('Voor moderatoren en beheerders is tweestapsverificatie verplicht.').waitFor();
    expect(await banner.count()).toBe(0);
    await expectNoAxeViolations(page, 'profile of a moderator without two-step login');

    await setUp(page, 'moderator');
    await codesStored(page, 'Tweestapsverificatie staat aan.');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Moderatie/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Gerapporteerde berichten' }).waitFor();
    expect(await banner.count()).toBe(0);

    // Turning it off warns that moderating stops with it; cancelling gives focus back to the button.
    await page.goto('/profiel');
    const disable = section.getByRole('button', { name: 'Uitzetten' });
    await disable.click();
    const dialog = page.getByRole('dialog', { name: 'Tweestapsverificatie uitzetten' });
    await dialog.getByText('Let op: als moderator of beheerder kun je pas weer modereren als je tweestapsverificatie opnieuw instelt.').waitFor();
    await expectNoAxeViolations(page, 'disable dialog of a moderator');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => isFocused(disable)).toBe(true);
  });
});
