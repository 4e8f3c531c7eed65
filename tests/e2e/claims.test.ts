import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

/** Two moderators on the same waiting work: one takes an item, the other sees who handles it. */
describe('claiming waiting work', () => {
  useE2e();

  it('a reported post and a registration: say how long they waited, are taken and let go, and show the other moderator who handles them', async () => {
    const db = e2e.testApp.db;
    const anna = await makeUser(db, { role: 'moderator', displayName: 'Anna Moderator' });
    const bert = await makeUser(db, { role: 'moderator', displayName: 'Bert Moderator' });
    const author = await makeUser(db);
    const { postId } = await makeThread(db, author, { title: 'Verkiezingsborden plaatsen', body: 'Wie heeft er nog borden over?' });
    const reporter = await e2e.testApp.loginAs(await makeUser(db));
    expect((await reporter.post(`/api/posts/${postId}/reports`, { reason: 'spam' })).status).toBe(201);
    await makeUser(db, { status: 'pending', displayName: 'Petra Aanvraag' });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, anna.email);
    await page.goto('/moderatie');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Verkiezingsborden plaatsen' }) });
    await card.getByText(/wacht (minder dan een minuut|\d+ minu(ut|ten))/).waitFor();
    await card.getByRole('button', { name: 'Oppakken: Verkiezingsborden plaatsen' }).click();
    await card.getByText('Jij behandelt dit.').waitFor();
    expect(await focusedLabel(page)).toBe('Loslaten: Verkiezingsborden plaatsen');
    await page.getByRole('status').filter({ hasText: 'Je behandelt dit nu; andere moderatoren zien dat.' }).waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'queue with a claimed item');
    await screenshot(page, 'queue-claimed-desktop');

    const other = await (await e2e.context()).newPage();
    await loginThroughForm(other, bert.email);
    await other.goto('/moderatie');
    const seen = other.getByRole('listitem').filter({ has: other.getByRole('heading', { name: 'Verkiezingsborden plaatsen' }) });
    await seen.getByText(/^Anna Moderator behandelt dit sinds \d\d:\d\d\.$/).waitFor();
    expect(await seen.getByRole('button', { name: /Oppakken/ }).count()).toBe(0);
    // Deciding anyway is refused, with who handles it.
    await seen.getByRole('button', { name: 'Rapport afwijzen' }).click();
    await other.getByText(/Anna Moderator behandelt dit al/).waitFor();

    await card.getByRole('button', { name: 'Loslaten: Verkiezingsborden plaatsen' }).click();
    await card.getByRole('button', { name: 'Oppakken: Verkiezingsborden plaatsen' }).waitFor();

    // Registrations: when they applied, how long that is, and the same claim.
    await page.goto('/moderatie/aanmeldingen');
    await page.getByRole('columnheader', { name: 'Aangemeld' }).waitFor();
    const row = page.getByRole('row', { name: /Petra Aanvraag/ });
    await row.getByText(/^wacht \d+ (minuut|minuten|uur|dagen)$/).waitFor();
    await row.getByRole('button', { name: 'Oppakken: Petra Aanvraag' }).click();
    await row.getByText('Jij behandelt dit.').waitFor();
    await expectNoAxeViolations(page, 'registrations with a claimed one');
  });
});
