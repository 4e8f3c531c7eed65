import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const ROLE_BUTTON = /^Maak (moderator|lid): /;

const roleOf = async (id: number) => (await e2e.testApp.db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]?.role;
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);

/** Only an admin makes a member moderator and back, on the members screen; the member notices it. */
describe('changing a member’s role', () => {
  useE2e();

  it('an admin makes a member moderator and back; the member is told and gets the moderation screens', async () => {
    const db = e2e.testApp.db;
    const admin = await makeUser(db, { role: 'admin', displayName: 'Beheer Kenniscentrum' });
    const henk = await makeUser(db, { displayName: 'Henk Smit', representativeRole: 'wethouder', party: 'Lokaal Zwolle', municipality: 'Zwolle' });
    await makeUser(db, { role: 'moderator', displayName: 'Mira Moderator' });

    const member = await (await e2e.context()).newPage();
    await loginThroughForm(member, henk.email);
    const mainNav = member.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await mainNav.getByRole('link', { name: 'Moderatie' }).count()).toBe(0);

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, admin.email);
    await page.goto('/moderatie/leden');
    await page.getByRole('heading', { level: 1, name: 'Leden' }).waitFor();
    const henkRow = page.getByRole('row', { name: /Henk Smit/ });
    await henkRow.waitFor();
    // Not for oneself, and admins are not changed here.
    expect(await page.getByRole('row', { name: /Beheer Kenniscentrum/ }).getByRole('button', { name: ROLE_BUTTON }).count()).toBe(0);
    await page.getByRole('button', { name: 'Maak lid: Mira Moderator' }).waitFor();
    await expectNoAxeViolations(page, 'members screen as admin');

    await henkRow.getByRole('button', { name: 'Maak moderator: Henk Smit' }).click();
    await page.getByRole('status').filter({ hasText: 'Henk Smit is nu moderator.' }).waitFor();
    const makeMember = henkRow.getByRole('button', { name: 'Maak lid: Henk Smit' });
    await makeMember.waitFor();
    await henkRow.getByRole('cell').filter({ hasText: 'Moderator' }).waitFor();
    // The screen offers suspension for members only; the button that was clicked keeps focus with its new label.
    expect(await henkRow.getByRole('button', { name: 'Schorsen: Henk Smit' }).count()).toBe(0);
    expect(await roleOf(henk.id)).toBe('moderator');
    expect(await focusedLabel(page)).toBe('Maak lid: Henk Smit');
    await expectNoAxeViolations(page, 'members screen after the role change');
    await screenshot(page, 'members-role-changed-desktop');

    // Henk hears of it live, and after a reload has the moderation screens.
    await mainNav.getByRole('link', { name: 'Meldingen, 1 ongelezen', exact: true }).waitFor();
    await member.reload();
    await mainNav.getByRole('link', { name: 'Moderatie' }).click();
    await member.getByRole('heading', { level: 1, name: 'Gerapporteerde berichten' }).waitFor();
    await member.goto('/meldingen');
    await member.getByText('Je bent nu moderator op Plein.').waitFor();

    // As a moderator he sees the members, but no role buttons: that is for admins.
    await member.goto('/moderatie/leden');
    await member.getByRole('row', { name: /Mira Moderator/ }).waitFor();
    expect(await member.getByRole('button', { name: ROLE_BUTTON }).count()).toBe(0);

    await makeMember.click();
    await page.getByRole('status').filter({ hasText: 'Henk Smit is geen moderator meer.' }).waitFor();
    await henkRow.getByRole('button', { name: 'Maak moderator: Henk Smit' }).waitFor();
    await henkRow.getByRole('button', { name: 'Schorsen: Henk Smit' }).waitFor();
    expect(await roleOf(henk.id)).toBe('member');

    await page.goto('/moderatie/logboek');
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    // The heading is drawn before the log's entries arrive: wait for the second before counting.
    await page.getByText('Rechten gewijzigd').nth(1).waitFor();
    expect(await page.getByText('Rechten gewijzigd').count()).toBe(2);
  });
});
