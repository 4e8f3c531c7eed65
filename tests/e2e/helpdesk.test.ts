import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeCategory, makeUser } from '../../server/dev/factories.js';
import { readableQuestion } from '../../server/helpdesk/access.js';
import { askQuestion, postMessage } from '../../server/helpdesk/writes.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const SUBJECT = 'Hoe dien ik een amendement in?';
const QUESTION = 'Wij willen de begroting aanpassen. Hoe dien ik een amendement in, en wanneer?';
const NOTE = 'Intern: Ruud weet hier alles van, even bij hem navragen.';
const ANSWER = 'Een amendement dien je in **tijdens de vergadering**, met steun van minstens één ander raadslid.';

/** The header's "Kenniscentrum" item, whatever its badge says. */
const centreLink = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Kenniscentrum/ });
/** One tab of the team's inbox, by its name and count ("Niet toegewezen (2)"). */
const tab = (page: Page, name: string, n: number) => page.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name: `${name} (${n})`, exact: true });
/** The count a tab shows, once it shows one (the file's tests share one database, so earlier questions count too). */
async function countOf(page: Page, name: string): Promise<number> {
  const text = await page
    .getByRole('navigation', { name: 'Weergave' })
    .getByRole('link', { name: new RegExp(`^${name} \\(\\d+\\)$`) })
    .textContent();
  return Number(/\((\d+)\)/.exec(text ?? '')?.[1]);
}
/** The chunks only the team loads (vite.config.ts STAFF_CODE). */
const STAFF_CHUNK = /\/assets\/[\w-]*helpdesk-(staff|inbox)[\w-]*\.js$/;

/** Every script the page loads from now on. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

const TABS = ['Niet toegewezen', 'Van mij', 'Alle open', 'Wacht op lid', 'Gesloten'] as const;

/** "Vraag het het kenniscentrum": a member asks, the team answers in its inbox, and with her consent publishes it. */
describe('helpdesk', () => {
  useE2e();

  it('a member asks through the form; the team answers in the inbox; the answer arrives live, the internal note never', async () => {
    const db = e2e.testApp.db;
    await makeCategory(db, { slug: 'raadswerk', name: 'Raadswerk' });
    const anna = await makeUser(db, { displayName: 'Anna Vraagsteller' });
    const kim = await makeUser(db, { displayName: 'Kim Kenniscentrum', centreTeam: true });

    // Anna: from the header's one item to the hub, and on to the form.
    const a = await (await e2e.context()).newPage();
    const annaScripts = scriptsOf(a);
    await loginThroughForm(a, anna.email);
    await centreLink(a).click();
    await a.getByRole('heading', { level: 1, name: 'Kenniscentrum' }).waitFor();
    expect(await centreLink(a).getAttribute('aria-current')).toBe('page');
    // A member sees no team block.
    expect(await a.getByRole('heading', { name: 'Inbox van de helpdesk' }).count()).toBe(0);
    await expectNoAxeViolations(a, 'kenniscentrum hub (member)');
    await a.getByRole('link', { name: 'Stel een vraag' }).click();
    await a.getByRole('heading', { level: 1, name: 'Stel een vraag' }).waitFor();
    await a.getByText('Alleen het team van het kenniscentrum leest je vraag').waitFor();
    await expectNoAxeViolations(a, 'ask form');

    // Sent empty: the server's refusals beside their fields.
    await a.getByRole('button', { name: 'Vraag versturen' }).click();
    await a.getByLabel(/^Onderwerp/).and(a.locator('[aria-invalid="true"]')).waitFor();
    await expectNoAxeViolations(a, 'ask form with errors');
    await screenshot(a, 'helpdesk-ask-errors');
    await a.getByLabel(/^Onderwerp/).fill(SUBJECT);
    await a.getByLabel('Je vraag').fill(QUESTION);
    await a.getByLabel(/^Categorie/).selectOption({ label: 'Raadswerk' });
    await a.getByRole('button', { name: 'Vraag versturen' }).click();
    await a.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    expect(a.url()).toMatch(/\/kenniscentrum\/vragen\/\d+$/);
    await a.getByText('Status: Wacht op het kenniscentrum').waitFor();
    await a.getByText(QUESTION).waitFor();
    // Still the "Kenniscentrum" item in the header, as part of its section.
    expect(await centreLink(a).getAttribute('aria-current')).toBe('true');
    await expectNoAxeViolations(a, 'her question, open');

    // Kim: the question waits in "Niet toegewezen".
    const k = await (await e2e.context()).newPage();
    await loginThroughForm(k, kim.email);
    await k.goto('/kenniscentrum');
    await k.getByRole('link', { name: 'Naar de inbox' }).click();
    await k.getByRole('heading', { level: 1, name: 'Inbox van de helpdesk' }).waitFor();
    await tab(k, 'Niet toegewezen', 1).waitFor();
    const item = k.getByRole('list', { name: 'Vragen: Niet toegewezen' }).getByRole('listitem').filter({ hasText: SUBJECT });
    await item.getByText('Van Anna Vraagsteller').waitFor();
    await expectNoAxeViolations(k, 'inbox (team)');
    await item.getByRole('link', { name: SUBJECT }).click();
    await k.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await k.getByText(QUESTION).waitFor();
    await expectNoAxeViolations(k, 'question in the inbox (team)');

    // First an internal note, then the answer.
    await k.getByLabel('Interne notitie').check();
    await k.getByLabel('Je notitie').fill(NOTE);
    await k.getByRole('button', { name: 'Notitie opslaan' }).click();
    const note = k.getByRole('article').filter({ hasText: NOTE });
    await note.getByText('Interne notitie – alleen zichtbaar voor het team').waitFor();
    await k.getByLabel('Antwoord aan het lid').check();
    await k.getByLabel('Je antwoord').fill(ANSWER);
    await k.getByRole('button', { name: 'Versturen' }).click();
    await k.getByRole('article', { name: 'Bericht van Kim Kenniscentrum' }).filter({ hasText: 'Een amendement dien je in' }).waitFor();
    await expectNoAxeViolations(k, 'question with a note and an answer (team)');
    await screenshot(k, 'helpdesk-team-question');

    // Anna's open page: the answer arrives without a reload, marked as the kenniscentrum's; the note does not.
    const arrived = a.getByRole('article', { name: 'Bericht van Kim Kenniscentrum' }).filter({ hasText: 'Een amendement dien je in tijdens de vergadering' });
    await arrived.waitFor();
    await arrived.getByText('Kenniscentrum', { exact: true }).waitFor();
    await a.getByText('Nieuw antwoord van het kenniscentrum.').waitFor({ state: 'attached' });
    expect(await arrived.locator('strong').textContent()).toBe('tijdens de vergadering');
    await a.getByText('Status: Beantwoord').waitFor();
    expect(await a.getByText(NOTE).count()).toBe(0);
    expect(await a.getByText('Interne notitie').count()).toBe(0);
    await expectNoAxeViolations(a, 'her question with the answer that arrived live');
    await screenshot(a, 'helpdesk-answer-live');
    // Not after a reload either.
    await a.reload();
    await arrived.waitFor();
    expect(await a.getByText(NOTE).count()).toBe(0);

    // Her question in her list: answered.
    await a.goto('/kenniscentrum/vragen');
    const mine = a.getByRole('list', { name: 'Je vragen, laatst actief eerst' }).getByRole('listitem').filter({ hasText: SUBJECT });
    await mine.getByText('Beantwoord').waitFor();
    await expectNoAxeViolations(a, 'her list of questions');
    // A member never downloads the team's code.
    expect(annaScripts.filter((path) => STAFF_CHUNK.test(path))).toEqual([]);
  });

  it('the team inbox: tabs with counts, assigning to herself and changing the status; members have no access', async () => {
    const db = e2e.testApp.db;
    const bram = await makeUser(db, { displayName: 'Bram Begroting' });
    const carla = await makeUser(db, { displayName: 'Carla Commissie' });
    const lies = await makeUser(db, { displayName: 'Lies Team', centreTeam: true });
    await askQuestion(db, bram, { subject: 'Vraag over de voorjaarsnota', body: 'Wanneer komt de voorjaarsnota in de raad?' });
    await askQuestion(db, carla, { subject: 'Vraag over de commissie', body: 'Mag een commissielid een motie indienen?' });

    const l = await (await e2e.context()).newPage();
    await loginThroughForm(l, lies.email);
    await l.goto('/kenniscentrum/inbox');
    await l.getByRole('heading', { level: 1, name: 'Inbox van de helpdesk' }).waitFor();
    const before = Object.fromEntries(await Promise.all(TABS.map(async (name) => [name, await countOf(l, name)] as const))) as Record<(typeof TABS)[number], number>;
    expect(before['Niet toegewezen']).toBeGreaterThanOrEqual(2);
    expect(before['Van mij']).toBe(0);
    const unassigned = l.getByRole('list', { name: 'Vragen: Niet toegewezen' });
    await unassigned.getByRole('link', { name: 'Vraag over de voorjaarsnota' }).waitFor();
    await unassigned.getByRole('link', { name: 'Vraag over de commissie' }).waitFor();
    expect(await tab(l, 'Niet toegewezen', before['Niet toegewezen']).getAttribute('aria-current')).toBe('page');
    await l.getByRole('link', { name: 'Standaardantwoorden' }).waitFor();
    await l.getByRole('link', { name: 'Cijfers' }).waitFor();
    await expectNoAxeViolations(l, 'inbox with two unassigned questions');
    await screenshot(l, 'helpdesk-inbox');

    // She takes Bram's question.
    await l.getByRole('link', { name: 'Vraag over de voorjaarsnota' }).click();
    await l.getByRole('heading', { level: 1, name: 'Vraag over de voorjaarsnota' }).waitFor();
    await l.getByLabel(/^Toegewezen aan/).selectOption({ label: 'Lies Team' });
    await l.getByRole('button', { name: 'Opslaan' }).click();
    await l.getByText('De behandeling is opgeslagen.').waitFor();
    await expectNoAxeViolations(l, 'triage saved');
    await l.getByRole('link', { name: 'Inbox van de helpdesk' }).click();
    await tab(l, 'Niet toegewezen', before['Niet toegewezen'] - 1).waitFor();
    await tab(l, 'Van mij', 1).click();
    expect(await tab(l, 'Van mij', 1).getAttribute('aria-current')).toBe('page');
    const mine = l.getByRole('list', { name: 'Vragen: Van mij' }).getByRole('listitem');
    await mine.getByText('Behandeld door Lies Team').waitFor();
    expect(await mine.count()).toBe(1);
    await expectNoAxeViolations(l, 'inbox, tab Van mij');

    // She closes it: it leaves "Van mij" and "Alle open" for "Gesloten".
    await mine.getByRole('link', { name: 'Vraag over de voorjaarsnota' }).click();
    await l.getByRole('heading', { level: 1, name: 'Vraag over de voorjaarsnota' }).waitFor();
    await l.getByLabel(/^Status/).selectOption({ label: 'Gesloten' });
    await l.getByRole('button', { name: 'Opslaan' }).click();
    await l.getByText('Status: Gesloten').waitFor();
    await l.getByRole('link', { name: 'Inbox van de helpdesk' }).click();
    await tab(l, 'Gesloten', before.Gesloten + 1).waitFor();
    await tab(l, 'Van mij', 0).waitFor();
    await tab(l, 'Alle open', before['Alle open'] - 1).waitFor();
    await tab(l, 'Gesloten', before.Gesloten + 1).click();
    await l.getByRole('list', { name: 'Vragen: Gesloten' }).getByRole('link', { name: 'Vraag over de voorjaarsnota' }).waitFor();
    await expectNoAxeViolations(l, 'inbox, tab Gesloten');

    // A member who is not on the team: no access.
    const b = await (await e2e.context()).newPage();
    await loginThroughForm(b, bram.email);
    await b.goto('/kenniscentrum/inbox');
    await b.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
  });

  it('the member consents to sharing; the team publishes it as a thread with the answer', async () => {
    const db = e2e.testApp.db;
    await makeCategory(db, { slug: 'vragen-aan-het-kenniscentrum', name: 'Vragen aan het kenniscentrum' });
    const dewi = await makeUser(db, { displayName: 'Dewi Deler' });
    const ruud = await makeUser(db, { displayName: 'Ruud Redacteur', centreTeam: true });
    const id = await askQuestion(db, dewi, { subject: 'Spreektijd in de raad verdelen', body: 'Hoe verdelen andere raden de spreektijd tussen fracties?' });

    // Dewi, on a phone, waits elsewhere; the answer lights up the header's badge.
    const d = await (await e2e.context({ width: 375, height: 740 })).newPage();
    await loginThroughForm(d, dewi.email);
    await centreLink(d).and(d.getByRole('link', { name: 'Kenniscentrum', exact: true })).waitFor();
    const { question } = await readableQuestion(db, id, ruud);
    await postMessage(db, ruud, question, 'Veel raden verdelen de spreektijd naar **zetelaantal**, met een vaste basistijd per fractie.', false);
    await d.getByRole('link', { name: 'Kenniscentrum, 1 vraag met een nieuw antwoord' }).click();
    await d.getByRole('heading', { level: 1, name: 'Kenniscentrum' }).waitFor();
    await d.getByRole('link', { name: 'Mijn vragen' }).click();
    await d.getByRole('link', { name: 'Spreektijd in de raad verdelen' }).click();
    await d.getByRole('heading', { level: 1, name: 'Spreektijd in de raad verdelen' }).waitFor();
    // Read in a tab in front: the badge goes.
    await d.getByRole('link', { name: 'Kenniscentrum', exact: true }).waitFor();

    // She consents, with her party and municipality but without her name.
    const consent = d.getByRole('region', { name: 'Delen op het forum' });
    await consent.getByText('Mag het kenniscentrum deze vraag en het antwoord anoniem delen op het forum').waitFor();
    await expectNoAxeViolations(d, 'her answered question with the consent block');
    await consent.getByLabel('Met mijn partij en gemeente').check();
    await consent.getByRole('button', { name: 'Ja, dat mag' }).click();
    await consent.getByText('Je hebt toestemming gegeven om je vraag te delen: met je partij en gemeente.').waitFor();
    await consent.getByRole('button', { name: 'Toestemming intrekken' }).waitFor();
    await expectNoAxeViolations(d, 'consent given');
    await screenshot(d, 'helpdesk-consent');

    // Ruud publishes it from the inbox.
    const r = await (await e2e.context()).newPage();
    await loginThroughForm(r, ruud.email);
    await r.goto(`/kenniscentrum/inbox/${id}`);
    const publish = r.getByRole('region', { name: 'Publiceren op het forum' });
    await publish.getByText('Het lid gaf toestemming om de vraag en het antwoord te delen: zonder naam, met partij en gemeente.').waitFor();
    await publish.getByText('Haal namen en andere gegevens weg').waitFor();
    expect(await publish.getByLabel(/^Titel/).inputValue()).toBe('Spreektijd in de raad verdelen');
    expect(await publish.getByLabel('De vraag').inputValue()).toBe('Hoe verdelen andere raden de spreektijd tussen fracties?');
    expect(await publish.getByLabel('Het antwoord').inputValue()).toContain('naar **zetelaantal**');
    await expectNoAxeViolations(r, 'publish form');
    await publish.getByLabel(/^Categorie/).selectOption({ label: 'Vragen aan het kenniscentrum' });
    await publish.getByRole('button', { name: 'Publiceren op het forum' }).click();
    await publish.getByText('De vraag is gepubliceerd op het forum.').waitFor();
    await publish.getByRole('link', { name: 'Bekijk de discussie' }).click();

    // The thread exists, with the answer.
    await r.getByRole('heading', { level: 1, name: 'Spreektijd in de raad verdelen' }).waitFor();
    await r.getByRole('article', { name: 'Bericht van Kenniscentrum' }).getByText('Veel raden verdelen de spreektijd naar zetelaantal').waitFor();
    expect(r.url()).toMatch(/\/discussie\/\d+$/);
    const threadPath = new URL(r.url()).pathname;
    await expectNoAxeViolations(r, 'the published thread');

    // Dewi's page now links to it (the change arrives live), and her consent can no longer change.
    await consent.getByRole('link', { name: 'Bekijk de discussie op het forum' }).waitFor();
    expect(await consent.getByRole('link', { name: 'Bekijk de discussie op het forum' }).getAttribute('href')).toBe(threadPath);
    expect(await consent.getByRole('button', { name: 'Toestemming intrekken' }).count()).toBe(0);
    await expectNoAxeViolations(d, 'her question, published');
  });

  it('the team keeps canned answers, inserts one into an answer, and reads the figures per month', async () => {
    const db = e2e.testApp.db;
    const eva = await makeUser(db, { displayName: 'Eva Element' });
    const tara = await makeUser(db, { displayName: 'Tara Team', centreTeam: true });
    const id = await askQuestion(db, eva, { subject: 'Vragenrecht van raadsleden', body: 'Hoeveel tijd heeft het college voor schriftelijke vragen?' });

    const t = await (await e2e.context()).newPage();
    const taraScripts = scriptsOf(t);
    await loginThroughForm(t, tara.email);
    await t.goto('/kenniscentrum/inbox');
    await t.getByRole('link', { name: 'Standaardantwoorden' }).click();
    await t.getByRole('heading', { level: 1, name: 'Standaardantwoorden' }).waitFor();
    await t.getByText('Er zijn nog geen standaardantwoorden.').waitFor();
    // The team's pages come in chunks of their own.
    expect(taraScripts.some((path) => STAFF_CHUNK.test(path))).toBe(true);
    await expectNoAxeViolations(t, 'canned answers, empty');

    // Added, then renamed in its place.
    const add = t.getByRole('region', { name: 'Nieuw standaardantwoord' });
    await add.getByLabel('Titel').fill('Verwijzing naar het reglement');
    await add.getByLabel('Tekst').fill('Kijk in het **reglement van orde**, artikel 12.');
    await add.getByRole('button', { name: 'Toevoegen' }).click();
    await t.getByText('„Verwijzing naar het reglement” is toegevoegd.').waitFor();
    const item = t.getByRole('list', { name: 'Standaardantwoorden' }).getByRole('listitem');
    await item.getByRole('heading', { name: 'Verwijzing naar het reglement' }).waitFor();
    expect(await add.getByLabel('Titel').inputValue()).toBe('');
    await expectNoAxeViolations(t, 'canned answers, one added');
    await item.getByRole('button', { name: '„Verwijzing naar het reglement” bewerken' }).click();
    await item.getByLabel('Titel').fill('Reglement van orde');
    await item.getByRole('button', { name: 'Opslaan' }).click();
    await t.getByText('„Reglement van orde” is opgeslagen.').waitFor();
    await item.getByRole('heading', { name: 'Reglement van orde' }).waitFor();

    // Inserted into an answer, and sent.
    await t.goto(`/kenniscentrum/inbox/${id}`);
    await t.getByRole('heading', { level: 1, name: 'Vragenrecht van raadsleden' }).waitFor();
    await t.getByLabel('Standaardantwoord invoegen').selectOption({ label: 'Reglement van orde' });
    await expect.poll(() => t.getByLabel('Je antwoord').inputValue()).toBe('Kijk in het **reglement van orde**, artikel 12.');
    await t.getByRole('button', { name: 'Versturen' }).click();
    await t.getByRole('article', { name: 'Bericht van Tara Team' }).getByText('Kijk in het reglement van orde, artikel 12.').waitFor();

    // The figures: this month has at least this question, asked and answered.
    await t.goto('/kenniscentrum/cijfers');
    await t.getByRole('heading', { level: 1, name: 'Cijfers van de helpdesk' }).waitFor();
    const month = new Date().toLocaleDateString('nl-NL', { month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
    const row = t.getByRole('table', { name: 'Vragen en reactietijd per maand, nieuwste maand eerst' }).getByRole('row', { name: new RegExp(`^${month}`) });
    await row.waitFor();
    expect(Number(await row.getByRole('cell').nth(0).textContent())).toBeGreaterThanOrEqual(1);
    expect(Number(await row.getByRole('cell').nth(1).textContent())).toBeGreaterThanOrEqual(1);
    expect(await row.getByRole('cell').nth(2).textContent()).toMatch(/^\d+ (min|u)/);
    await expectNoAxeViolations(t, 'figures per month');
    await screenshot(t, 'helpdesk-stats');

    // Deleted after a question.
    await t.goto('/kenniscentrum/standaardantwoorden');
    await t.getByRole('button', { name: '„Reglement van orde” verwijderen' }).click();
    const dialog = t.getByRole('dialog', { name: 'Standaardantwoord verwijderen' });
    await expectNoAxeViolations(t, 'delete canned answer dialog');
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await t.getByText('„Reglement van orde” is verwijderd.').waitFor();
    await t.getByText('Er zijn nog geen standaardantwoorden.').waitFor();
  });
});
