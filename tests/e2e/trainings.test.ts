import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { centreEvents } from '../../server/db/schema.js';
import { categoryId, makeCategory, makeUser } from '../../server/dev/factories.js';
import type { TrainingAnswer, TrainingDetail } from '../../shared/api/trainings.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A moment `days` from now at hh:mm Amsterdam time, as a datetime-local input takes it ("2026-12-20T19:30"). */
function localInput(days: number, time: string): string {
  const day = new Date(Date.now() + days * DAY_MS).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  return `${day}T${time}`;
}

/** The same moment as the API writes it back, shown in Amsterdam time ("2026-12-20 19:30"). */
const amsterdam = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' }).slice(0, 16);

/** The chunks only staff load (vite.config.ts STAFF_CODE): the staff panel, the form and what they share. */
const STAFF_CHUNK = /\/assets\/[\w-]*training-(staff|form)[\w-]*\.js$/;

/** Every script the page loads from now on. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

const focusedText = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

async function openTraining(page: Page, title: string) {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Aanmelden' }).waitFor();
}

/** The trainings pages from three sides: the kenniscentrum announces one, two members compete for its one place. */
describe('trainings', () => {
  useE2e();

  it('staff announce a training through the form; the second member waits and moves up when the first cancels', async () => {
    const db = e2e.testApp.db;
    await makeCategory(db, { slug: 'scholing', name: 'Scholing' });
    const staff = await makeUser(db, { displayName: 'Kim Kenniscentrum', centreTeam: true });
    const anna = await makeUser(db, { displayName: 'Anna Aanmelder', party: 'Stadsbelang', municipality: 'Zwolle' });
    const bram = await makeUser(db, { displayName: 'Bram Wachter', party: 'Dorpsbelang', municipality: 'Epe' });

    // The kenniscentrum: from the menu to an empty list, and to the form.
    const staffPage = await (await e2e.context()).newPage();
    const staffScripts = scriptsOf(staffPage);
    await loginThroughForm(staffPage, staff.email);
    // The header's one "Kenniscentrum" item leads to the hub, which leads on.
    await staffPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kenniscentrum' }).click();
    await staffPage.getByRole('link', { name: 'Naar de trainingen' }).click();
    await staffPage.getByRole('heading', { level: 1, name: 'Trainingen en kennisuitwisselingen' }).waitFor();
    await staffPage.getByText('Er staan op dit moment geen bijeenkomsten gepland.').waitFor();
    await expectNoAxeViolations(staffPage, 'trainings, empty, as staff');
    await staffPage.getByRole('link', { name: 'Nieuwe training' }).click();
    await staffPage.getByRole('heading', { level: 1, name: 'Nieuwe training' }).waitFor();
    await staffPage.getByLabel(/^Titel/).waitFor();
    await expectNoAxeViolations(staffPage, 'the new training form');

    // Sent empty: the server's refusals beside their fields, focus on the first.
    await staffPage.getByRole('button', { name: 'Training aanmaken' }).click();
    await expect.poll(() => staffPage.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await staffPage.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('text');
    expect(await staffPage.locator('[aria-invalid="true"]').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(staffPage, 'the new training form with errors');
    await screenshot(staffPage, 'training-form-errors-desktop');

    await staffPage.getByLabel(/^Titel/).fill('Functioneringsgesprekken met raadsleden');
    await staffPage.getByLabel(/^Soort/).selectOption({ label: 'Kennisuitwisseling' });
    await staffPage.getByLabel(/^Categorie/).selectOption({ label: 'Scholing' });
    const starts = localInput(10, '19:30');
    const ends = localInput(10, '20:30');
    await staffPage.getByLabel(/^Begint/).fill(starts);
    await staffPage.getByLabel(/^Eindigt/).fill(ends);
    await staffPage.getByLabel(/^Link naar de online bijeenkomst/).fill('https://zoom.example.nl/j/123');
    await staffPage.getByLabel(/^Aantal plaatsen/).fill('1');
    await staffPage.getByLabel(/^Voor wie/).fill('Voor fractievoorzitters.');
    await staffPage.getByRole('textbox', { name: /^Omschrijving/ }).fill('Een uur over **functioneringsgesprekken**: hoe pak je het aan?');
    await staffPage.getByRole('button', { name: 'Training aanmaken' }).click();

    await staffPage.waitForURL(/\/trainingen\/\d+$/);
    const id = Number(new URL(staffPage.url()).pathname.split('/').pop());
    await openTraining(staffPage, 'Functioneringsgesprekken met raadsleden');
    const staffApi = await e2e.testApp.loginAs(staff);
    const created = (await staffApi.get<TrainingAnswer>(`/api/trainings/${id}`)).body.training;
    // The form's local times are her own time zone's (the browser's, Amsterdam here).
    expect([amsterdam(created.startsAt), amsterdam(created.endsAt)]).toEqual([starts.replace('T', ' '), ends.replace('T', ' ')]);
    expect(created).toMatchObject({ kind: 'kennisuitwisseling', capacity: 1, online: true, location: null, entryCriteria: 'Voor fractievoorzitters.', category: { slug: 'scholing' } });
    await staffPage.getByRole('heading', { level: 2, name: 'Voor het kenniscentrum' }).waitFor();
    await staffPage.getByText('Nog niemand heeft zich aangemeld.').waitFor();
    await staffPage.locator('.post-body strong', { hasText: 'functioneringsgesprekken' }).waitFor();
    await expectNoAxeViolations(staffPage, 'a new training, as staff');
    // The check on Anna's scripts below can fail: staff do load those chunks.
    expect(staffScripts.filter((path) => STAFF_CHUNK.test(path)).length).toBeGreaterThan(0);
    await screenshot(staffPage, 'training-staff-desktop');

    // Anna finds it on the forum's overview and takes the one place.
    const annaPage = await (await e2e.context()).newPage();
    const annaScripts = scriptsOf(annaPage);
    await loginThroughForm(annaPage, anna.email);
    // Where the login lands: the block is there.
    const soon = annaPage.getByRole('region', { name: 'Binnenkort' });
    await soon.getByRole('link', { name: 'Functioneringsgesprekken met raadsleden' }).waitFor();
    // Opened from a bookmark, /forum asks for the block's trainings once: routes.tsx asks early, the block takes that answer.
    const asked: string[] = [];
    annaPage.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/trainings') asked.push(request.url());
    });
    await annaPage.goto('/forum');
    await soon.getByRole('link', { name: 'Functioneringsgesprekken met raadsleden' }).waitFor();
    expect(asked.map((url) => new URL(url).search)).toEqual(['?period=upcoming&limit=3']);
    await soon.getByText('Nog 1 plaats vrij').waitFor();
    await expectNoAxeViolations(annaPage, 'the forum with "Binnenkort"');
    await screenshot(annaPage, 'forum-soon-desktop');
    await soon.getByRole('link', { name: 'Functioneringsgesprekken met raadsleden' }).click();
    await openTraining(annaPage, 'Functioneringsgesprekken met raadsleden');
    await annaPage.getByText('Wie is aangemeld, ziet hier kort voor de start de link').waitFor();
    expect(await annaPage.getByRole('link', { name: 'Zet in je agenda' }).getAttribute('href')).toBe(`/api/trainings/${id}/calendar.ics`);
    expect(await annaPage.getByRole('heading', { name: 'Voor het kenniscentrum' }).count()).toBe(0);
    await expectNoAxeViolations(annaPage, 'a training, before signing up');
    await annaPage.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await annaPage.getByRole('status').filter({ hasText: 'Je bent aangemeld.' }).waitFor();
    await expect.poll(() => focusedText(annaPage)).toContain('Je bent aangemeld.');
    await annaPage.getByText('Je bent aangemeld voor deze bijeenkomst.').waitFor();
    await annaPage.getByText(/^De link verschijnt hier vanaf .*19:00\.$/).waitFor();
    expect(await annaPage.getByRole('link', { name: 'Naar de online bijeenkomst' }).count()).toBe(0);
    await expectNoAxeViolations(annaPage, 'a training, signed up');
    expect(annaScripts.filter((path) => STAFF_CHUNK.test(path))).toEqual([]);

    // Bram sees it full and joins the waiting list.
    const bramPage = await (await e2e.context()).newPage();
    await loginThroughForm(bramPage, bram.email);
    await bramPage.goto('/trainingen');
    const item = bramPage.getByRole('list', { name: 'Komende bijeenkomsten, eerstvolgende eerst' }).getByRole('listitem').first();
    await item.getByText('Vol — wachtlijst').waitFor();
    await item.getByText('Kennisuitwisseling').waitFor();
    await expectNoAxeViolations(bramPage, 'trainings, one full');
    await screenshot(bramPage, 'trainings-desktop');
    await item.getByRole('link', { name: 'Functioneringsgesprekken met raadsleden' }).click();
    await openTraining(bramPage, 'Functioneringsgesprekken met raadsleden');
    await bramPage.getByRole('button', { name: 'Aanmelden voor de wachtlijst' }).click();
    await bramPage.getByText('Je staat op de wachtlijst, plaats 1.', { exact: true }).waitFor();
    await expectNoAxeViolations(bramPage, 'a training, on the waiting list');
    await screenshot(bramPage, 'training-waiting-desktop');

    // Anna cancels, after confirming.
    await annaPage.getByRole('button', { name: 'Afmelden' }).click();
    const dialog = annaPage.getByRole('dialog', { name: 'Afmelden voor deze bijeenkomst' });
    await dialog.waitFor();
    await expectNoAxeViolations(annaPage, 'the cancel dialog');
    await dialog.getByRole('button', { name: 'Afmelden' }).click();
    await dialog.waitFor({ state: 'detached' });
    await annaPage.getByRole('status').filter({ hasText: 'Je bent afgemeld.' }).waitFor();
    // Bram took her place: the training is full again, so she could only join the waiting list.
    await annaPage.getByRole('button', { name: 'Aanmelden voor de wachtlijst' }).waitFor();
    await expectNoAxeViolations(annaPage, 'a training, after cancelling');

    // Bram has the place now, without reloading: the notification that says so arrives live, and his page follows.
    await bramPage.getByText('Je bent aangemeld voor deze bijeenkomst.').waitFor();
    await bramPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Meldingen, 1 ongelezen', exact: true }).waitFor();
    expect(await bramPage.getByText(/^Je staat op de wachtlijst/).count()).toBe(0);
    await bramPage.getByRole('button', { name: 'Afmelden' }).waitFor();
    await expectNoAxeViolations(bramPage, 'a training, moved up');

    // The kenniscentrum sees who comes, with the export.
    await staffPage.reload();
    await openTraining(staffPage, 'Functioneringsgesprekken met raadsleden');
    const table = staffPage.getByRole('table', { name: 'Deelnemers en wachtlijst' });
    await table.waitFor();
    const rows = table.getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    const bramRow = rows.nth(1);
    for (const text of ['Bram Wachter', 'Dorpsbelang', 'Epe', bram.email, 'Deelnemer']) await bramRow.getByText(text, { exact: true }).waitFor();
    expect(await table.textContent()).not.toContain('Anna Aanmelder');
    const exportLink = staffPage.getByRole('link', { name: 'Exporteer deelnemers (CSV)' });
    expect(await exportLink.getAttribute('href')).toBe(`/api/trainings/${id}/participants.csv`);
    await staffPage.getByRole('link', { name: 'Naar de online bijeenkomst' }).waitFor();
    await expectNoAxeViolations(staffPage, 'a training with its participants, as staff');
    // The link downloads with her own session, as the browser follows it.
    const csv = await staffPage.evaluate(async (href) => (await fetch(href)).text(), `/api/trainings/${id}/participants.csv`);
    expect(csv).toContain(bram.email);
    expect(csv).not.toContain(anna.email);
  });

  it('staff edit and call off a training; members see it called off, and past ones stay listed', async () => {
    const db = e2e.testApp.db;
    const admin = await makeUser(db, { displayName: 'Ada Beheer', role: 'admin' });
    const member = await makeUser(db, { displayName: 'Mo Lid' });
    const adminApi = await e2e.testApp.loginAs(admin);
    const category = await categoryId(db, 'algemeen');
    const start = new Date(Date.now() + 20 * DAY_MS);
    const body = {
      title: 'Cursus burgemeester worden',
      description: 'Twee cursusdagen.',
      kind: 'training',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + DAY_MS + 6 * 3600 * 1000).toISOString(),
      location: 'Utrecht',
      capacity: 12,
      entryCriteria: 'Alleen voor wethouders en raadsleden.',
      categoryId: category,
    };
    const answer = await adminApi.post<TrainingAnswer>('/api/trainings', body);
    expect(answer.status).toBe(201);
    const id = answer.body.training.id;

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, admin.email);
    await page.goto(`/trainingen/${id}`);
    await openTraining(page, 'Cursus burgemeester worden');
    await page.getByRole('link', { name: 'Bewerken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cursus burgemeester worden bewerken' }).waitFor();
    expect(await page.getByLabel(/^Locatie/).inputValue()).toBe('Utrecht');
    expect(await page.getByLabel(/^Aantal plaatsen/).inputValue()).toBe('12');
    expect(await page.getByRole('textbox', { name: /^Omschrijving/ }).inputValue()).toBe('Twee cursusdagen.');
    await expectNoAxeViolations(page, 'the edit form');
    // An end before the start: refused beside its field, which takes focus.
    await page.getByLabel(/^Eindigt/).fill(localInput(19, '10:00'));
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await expectNoAxeViolations(page, 'the edit form with an error');
    await page.getByLabel(/^Eindigt/).fill(localInput(21, '16:00'));
    await page.getByLabel(/^Aantal plaatsen/).fill('15');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.waitForURL(new RegExp(`/trainingen/${id}$`));
    await openTraining(page, 'Cursus burgemeester worden');
    await page.getByText(/^15 plaatsen/).waitFor();

    await page.getByRole('button', { name: 'Bijeenkomst afzeggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bijeenkomst afzeggen' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'the call-off dialog');
    await dialog.getByRole('button', { name: 'Bijeenkomst afzeggen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'De bijeenkomst is afgezegd.' }).waitFor();
    await page.getByText('Deze bijeenkomst gaat niet door.', { exact: false }).waitFor();
    const training = (await adminApi.get<TrainingAnswer>(`/api/trainings/${id}`)).body.training satisfies TrainingDetail;
    expect(training.cancelled).toBe(true);

    // A member sees it called off, with no way to sign up; and the past tab.
    // On a phone: nothing on these pages may make the page scroll sideways.
    const memberPage = await (await e2e.context({ width: 375, height: 812 })).newPage();
    const noSidewaysScroll = async () => expect(await memberPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await loginThroughForm(memberPage, member.email);
    await memberPage.goto('/trainingen');
    const item = memberPage.getByRole('listitem').filter({ hasText: 'Cursus burgemeester worden' });
    await item.getByText('Gaat niet door').waitFor();
    await memberPage.goto(`/trainingen/${id}`);
    await memberPage.getByRole('heading', { level: 1, name: 'Cursus burgemeester worden' }).waitFor();
    await memberPage.getByText('Deze bijeenkomst gaat niet door.', { exact: false }).waitFor();
    expect(await memberPage.getByRole('button', { name: /^Aanmelden/ }).count()).toBe(0);
    await memberPage.getByText('Alleen voor wethouders en raadsleden.').waitFor();
    await expectNoAxeViolations(memberPage, 'a called-off training');
    await noSidewaysScroll();
    await screenshot(memberPage, 'training-cancelled-mobile');
    await memberPage.goto('/trainingen/nieuw');
    await memberPage.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();

    // One that took place last month stays listed under Afgelopen, with its discussion.
    const past = await adminApi.post<TrainingAnswer>('/api/trainings', { ...body, title: 'Webinar over fuseren', kind: 'webinar', location: null, meetingUrl: 'https://zoom.example.nl/j/9' });
    expect(past.status).toBe(201);
    const held = new Date(Date.now() - 30 * DAY_MS);
    await db
      .update(centreEvents)
      .set({ startsAt: held, endsAt: new Date(held.getTime() + 3600 * 1000) })
      .where(eq(centreEvents.id, past.body.training.id));
    await memberPage.goto('/trainingen');
    await memberPage.getByRole('link', { name: 'Afgelopen', exact: true }).click();
    const pastList = memberPage.getByRole('list', { name: 'Afgelopen bijeenkomsten, meest recente eerst' });
    await pastList.getByRole('link', { name: 'Webinar over fuseren' }).waitFor();
    expect(await pastList.getByText('Cursus burgemeester worden').count()).toBe(0);
    await expectNoAxeViolations(memberPage, 'past trainings');
    await noSidewaysScroll();
    await pastList.getByRole('link', { name: 'Webinar over fuseren' }).click();
    await memberPage.getByRole('heading', { level: 1, name: 'Webinar over fuseren' }).waitFor();
    await memberPage.getByText('Deze bijeenkomst is voorbij.').waitFor();
    expect(await memberPage.getByRole('button', { name: /^Aanmelden/ }).count()).toBe(0);
    const discussion = memberPage.getByRole('link', { name: 'Naar de discussie over deze bijeenkomst' });
    expect(await discussion.getAttribute('href')).toBe(`/discussie/${past.body.training.threadId}`);
    await expectNoAxeViolations(memberPage, 'a past training');
  });
});
