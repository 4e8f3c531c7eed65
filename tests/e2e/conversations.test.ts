import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { deleteMessage, editMessage, postMessage, startConversation } from '../../server/conversations/writes.js';
import { makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const SUBJECT = 'Overleg over de begroting';

/** The header's "Berichten" link, whatever its count says. */
const messagesLink = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Berichten/ });

/** Private conversations: started from a member page, arriving live, read, reported, left, and blocked. */
describe('private conversations', () => {
  useE2e();

  it('starts a conversation from a member page, delivers a reply live, reports it to a moderator, and lets a member leave', async () => {
    const db = e2e.testApp.db;
    const anna = await makeUser(db, { displayName: 'Anna Afzender' });
    const bram = await makeUser(db, { displayName: 'Bram Bestemming' });
    const mila = await makeUser(db, { displayName: 'Mila Moderator', role: 'moderator' });

    // Anna writes to Bram from his member page.
    const a = await (await e2e.context()).newPage();
    await loginThroughForm(a, anna.email);
    await a.goto(`/leden/${bram.id}`);
    await a.getByRole('heading', { level: 1, name: 'Bram Bestemming' }).waitFor();
    await expectNoAxeViolations(a, 'member page with "Stuur een bericht"');
    await a.getByRole('link', { name: 'Stuur een bericht' }).click();
    await a.getByRole('heading', { level: 1, name: 'Nieuw bericht' }).waitFor();
    // He is already chosen as the recipient.
    await a.getByRole('list', { name: 'Ontvangers' }).getByText('Bram Bestemming').waitFor();
    await expectNoAxeViolations(a, 'new conversation form');
    await screenshot(a, 'conversation-new');
    // Sent without a subject: the field says why, nothing is created.
    await a.getByLabel('Je bericht').fill('Hoi Bram, heb jij de begroting al gelezen?');
    await a.getByRole('button', { name: 'Versturen' }).click();
    await a.getByLabel('Onderwerp').and(a.locator('[aria-invalid="true"]')).waitFor();
    await expectNoAxeViolations(a, 'new conversation form with an error');
    await a.getByLabel('Onderwerp').fill(SUBJECT);
    await a.getByRole('button', { name: 'Versturen' }).click();
    await a.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    expect(a.url()).toMatch(/\/berichten\/\d+$/);
    const conversationPath = new URL(a.url()).pathname;
    await a.getByText('Hoi Bram, heb jij de begroting al gelezen?').waitFor();
    await expectNoAxeViolations(a, 'conversation (sender)');

    // Bram, in his own browser: the header counts the conversation with a message he has not read.
    const b = await (await e2e.context()).newPage();
    await loginThroughForm(b, bram.email);
    await b.getByRole('link', { name: 'Berichten, 1 gesprek met nieuwe berichten' }).waitFor();
    await messagesLink(b).click();
    await b.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
    const item = b.getByRole('list', { name: 'Je gesprekken, laatst actief eerst' }).getByRole('listitem');
    await item.getByText('1 nieuw bericht').waitFor();
    await item.getByText('Met Anna Afzender').waitFor();
    await expectNoAxeViolations(b, 'conversation list with an unread conversation');
    await screenshot(b, 'conversation-list');
    await item.getByRole('link', { name: SUBJECT }).click();
    await b.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    // Seen in a tab in front: read, and the header stops counting it.
    await messagesLink(b).and(b.getByRole('link', { name: 'Berichten', exact: true })).waitFor();
    await expectNoAxeViolations(b, 'conversation (recipient)');

    // Anna replies; Bram's open page shows it without a reload, and says so politely.
    await a.getByLabel('Je antwoord').fill('Ik hoor graag **vóór vrijdag** van je.');
    await a.getByRole('button', { name: 'Versturen' }).click();
    await a.getByRole('article', { name: 'Bericht van Anna Afzender' }).filter({ hasText: 'Ik hoor graag' }).waitFor();
    const arrived = b.getByRole('article', { name: 'Bericht van Anna Afzender' }).filter({ hasText: 'Ik hoor graag vóór vrijdag van je.' });
    await arrived.waitFor();
    await b.getByText('Nieuw bericht van Anna Afzender.').waitFor({ state: 'attached' });
    expect(await arrived.locator('strong').textContent()).toBe('vóór vrijdag');
    await expectNoAxeViolations(b, 'conversation with a message that arrived live');
    await screenshot(b, 'conversation-live');

    // Bram reports it: a moderator may now read the conversation.
    await arrived.getByRole('button', { name: 'Rapporteren' }).click();
    const dialog = b.getByRole('dialog', { name: 'Bericht rapporteren' });
    await dialog.getByLabel('Beledigend of kwetsend').check();
    await expectNoAxeViolations(b, 'report dialog');
    await dialog.getByRole('button', { name: 'Rapport versturen' }).click();
    await dialog.getByText('Bedankt. Een moderator bekijkt je rapport.').waitFor();
    await dialog.getByRole('button', { name: 'Sluiten' }).click();

    // Mila finds it in the queue and reads the conversation, read-only.
    const m = await (await e2e.context()).newPage();
    await loginThroughForm(m, mila.email);
    await m.getByRole('link', { name: 'Moderatie, 1 wacht: 1 gerapporteerd bericht' }).click();
    const section = m.getByRole('region', { name: 'Gerapporteerde privéberichten' });
    await section.getByText('Beledigend of kwetsend').waitFor();
    await expectNoAxeViolations(m, 'moderation queue with a reported private message');
    await screenshot(m, 'conversation-reported');
    await section.getByRole('link', { name: `Gesprek „${SUBJECT}” lezen` }).click();
    await m.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await m.getByText('Je leest dit gesprek als moderator').waitFor();
    await m.getByText('Ik hoor graag vóór vrijdag van je.').waitFor();
    expect(await m.getByLabel('Je antwoord').count()).toBe(0);
    expect(await m.getByRole('button', { name: 'Gesprek verlaten' }).count()).toBe(0);
    expect(await m.getByRole('button', { name: 'Rapporteren' }).count()).toBe(0);
    await expectNoAxeViolations(m, 'moderator read-only conversation');
    // She deletes the message from the queue; Anna's open page shows it gone.
    await m.goto('/moderatie');
    await section.getByRole('button', { name: 'Bericht verwijderen' }).click();
    const removal = m.getByRole('dialog', { name: 'Bericht verwijderen' });
    await expectNoAxeViolations(m, 'delete-message dialog');
    await removal.getByRole('button', { name: 'Bericht verwijderen' }).click();
    await section.getByText('Het bericht is verwijderd.').waitFor();
    await section.getByText('Er wachten geen gerapporteerde privéberichten.').waitFor();
    await m.getByRole('link', { name: 'Moderatie', exact: true }).waitFor();
    await a.getByRole('article', { name: 'Bericht van Anna Afzender' }).filter({ hasText: 'Dit bericht is verwijderd.' }).waitFor();

    // Bram leaves: the conversation goes from his list; Anna's page says she is now alone in it.
    await b.getByRole('button', { name: 'Gesprek verlaten' }).click();
    const leave = b.getByRole('dialog', { name: 'Gesprek verlaten' });
    await expectNoAxeViolations(b, 'leave dialog');
    await leave.getByRole('button', { name: 'Gesprek verlaten' }).click();
    await b.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
    await b.getByText(`Je hebt het gesprek "${SUBJECT}" verlaten.`).waitFor();
    await b.getByText('Je hebt nog geen gesprekken.').waitFor();
    await expectNoAxeViolations(b, 'empty conversation list after leaving');
    await a.getByText('Je bent de enige deelnemer nog.').waitFor();
    // And he cannot open it any more.
    await b.goto(conversationPath);
    await b.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
  });

  it('keeps a draft, and blocking a member takes away "Stuur een bericht" until she is unblocked on Mijn account', async () => {
    const db = e2e.testApp.db;
    const carla = await makeUser(db, { displayName: 'Carla Collega' });
    const dirk = await makeUser(db, { displayName: 'Dirk Drammer' });

    // Carla on a phone: her pages are checked at that width.
    const c = await (await e2e.context({ width: 375, height: 740 })).newPage();
    await loginThroughForm(c, carla.email);
    // Dirk writes to Carla first, from the link a member page or a post gives (?aan=).
    const d = await (await e2e.context()).newPage();
    await loginThroughForm(d, dirk.email);
    await d.goto(`/berichten/nieuw?aan=${carla.id}`);
    await d.getByRole('list', { name: 'Ontvangers' }).getByText('Carla Collega').waitFor();
    await d.getByLabel('Onderwerp').fill('Nog één vraag');
    await d.getByLabel('Je bericht').fill('Mag ik je bellen over de motie?');
    await d.getByRole('button', { name: 'Versturen' }).click();
    await d.getByRole('heading', { level: 1, name: 'Nog één vraag' }).waitFor();

    // Carla is notified, and the notification leads to the conversation.
    await e2e.testApp.app.notifications.drain();
    await c.goto('/meldingen');
    await c.getByRole('link', { name: /Dirk Drammer stuurde je een bericht/ }).click();
    await c.getByRole('heading', { level: 1, name: 'Nog één vraag' }).waitFor();
    // She starts an answer and leaves it: the draft is there when she comes back.
    await c.getByLabel('Je antwoord').fill('Liever niet, maar');
    await c.getByText('Concept opgeslagen').waitFor();
    await c.goto('/berichten');
    await c.getByRole('link', { name: 'Nog één vraag' }).click();
    await c.getByRole('heading', { level: 1, name: 'Nog één vraag' }).waitFor();
    await expect.poll(() => c.getByLabel('Je antwoord').inputValue()).toBe('Liever niet, maar');
    await expectNoAxeViolations(c, 'conversation with a restored draft, on a phone');
    await screenshot(c, 'conversation-phone');

    // She blocks him from his member page.
    await c.goto(`/leden/${dirk.id}`);
    await c.getByRole('link', { name: 'Stuur een bericht' }).waitFor();
    await c.getByRole('button', { name: 'Blokkeren' }).click();
    const confirm = c.getByRole('dialog', { name: 'Dirk Drammer blokkeren' });
    await expectNoAxeViolations(c, 'block dialog');
    await confirm.getByRole('button', { name: 'Blokkeren' }).click();
    await c.getByText('Je hebt Dirk Drammer geblokkeerd.').waitFor();
    await c.getByRole('button', { name: 'Blokkering opheffen' }).waitFor();
    await c.getByText('Je hebt dit lid geblokkeerd voor berichten: jullie kunnen geen nieuw gesprek met elkaar beginnen.').waitFor();
    // Both ways: she cannot start one with him either while she blocks him.
    expect(await c.getByRole('link', { name: 'Stuur een bericht' }).count()).toBe(0);
    await expectNoAxeViolations(c, 'member page of a blocked member');

    // Dirk no longer finds "Stuur een bericht" on her page, nor can he start one by the link.
    await d.goto(`/leden/${carla.id}`);
    await d.getByRole('heading', { level: 1, name: 'Carla Collega' }).waitFor();
    expect(await d.getByRole('link', { name: 'Stuur een bericht' }).count()).toBe(0);
    await d.goto(`/berichten/nieuw?aan=${carla.id}`);
    await d.getByText('Je kunt Carla Collega geen bericht sturen.').waitFor();
    expect(await d.getByRole('list', { name: 'Ontvangers' }).count()).toBe(0);
    await expectNoAxeViolations(d, 'new conversation to someone who blocked him');

    // Mijn account lists him; unblocking there gives him his link back.
    await c.goto('/profiel');
    const blocked = c.getByRole('region', { name: 'Geblokkeerde leden' });
    await blocked.getByRole('link', { name: 'Dirk Drammer' }).waitFor();
    await expectNoAxeViolations(c, 'profile with a blocked member');
    await blocked.getByRole('button', { name: 'Blokkering opheffen' }).click();
    await blocked.getByText('Dirk Drammer is niet meer geblokkeerd.').waitFor();
    await blocked.getByText('Je hebt niemand geblokkeerd.').waitFor();
    await d.goto(`/leden/${carla.id}`);
    await d.getByRole('link', { name: 'Stuur een bericht' }).waitFor();
  });

  it('loads earlier messages, counts a new one in the header live, shows edits and deletions live, edits her own and adds a participant', async () => {
    const db = e2e.testApp.db;
    const eva = await makeUser(db, { displayName: 'Eva Eerste' });
    const frank = await makeUser(db, { displayName: 'Frank Fractie' });
    await makeUser(db, { displayName: 'Gert Gast' });
    const id = await startConversation(db, eva, { subject: 'Lange draad over de kieslijst', body: 'Bericht nummer 1 over de kieslijst.', participantIds: [frank.id] });
    for (let i = 2; i <= 55; i++) await postMessage(db, i % 2 ? eva : frank, id, `Bericht nummer ${i} over de kieslijst.`);

    const f = await (await e2e.context()).newPage();
    await loginThroughForm(f, frank.email);
    await f.goto(`/berichten/${id}`);
    await f.getByRole('heading', { level: 1, name: 'Lange draad over de kieslijst' }).waitFor();
    const messages = f.getByRole('region', { name: 'Berichten in dit gesprek' }).getByRole('article');
    // The newest 50; the five before them one button away.
    await expect.poll(() => messages.count()).toBe(50);
    await f.getByRole('button', { name: 'Eerdere berichten laden' }).focus();
    await f.keyboard.press('Enter');
    await f.getByText('Bericht nummer 1 over de kieslijst.').waitFor();
    expect(await messages.count()).toBe(55);
    await f.getByRole('button', { name: 'Eerdere berichten laden' }).waitFor({ state: 'detached' });
    await expectNoAxeViolations(f, 'long conversation with earlier messages loaded');

    // Elsewhere in the forum, a new message makes the header count without a reload or a navigation.
    await f.getByRole('link', { name: 'Forum', exact: true }).click();
    await f.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
    await f.getByRole('link', { name: 'Berichten', exact: true }).waitFor();
    const fresh = await postMessage(db, eva, id, 'Nog een laatste vraag over plek 3.');
    await f.getByRole('link', { name: 'Berichten, 1 gesprek met nieuwe berichten' }).waitFor();
    await f.getByRole('link', { name: 'Berichten, 1 gesprek met nieuwe berichten' }).click();
    await f.getByRole('list', { name: 'Je gesprekken, laatst actief eerst' }).getByText('Eva Eerste: Nog een laatste vraag over plek 3.').waitFor();
    await f.getByRole('link', { name: 'Lange draad over de kieslijst' }).click();
    await f.getByText('Nog een laatste vraag over plek 3.').waitFor();
    // Opened with news below earlier messages: the line says where it starts.
    await f.getByRole('separator', { name: 'Sinds je laatste bezoek' }).waitFor();

    // Eva edits and then deletes it; his open page follows.
    await editMessage(db, fresh, id, 'Nog een laatste vraag over plek 4.');
    const evas = f.getByRole('article', { name: 'Bericht van Eva Eerste' });
    await evas.filter({ hasText: 'Nog een laatste vraag over plek 4.' }).getByText('bewerkt').waitFor();
    await deleteMessage(db, fresh, id);
    await evas.filter({ hasText: 'Dit bericht is verwijderd.' }).waitFor();

    // He edits his own last message; it takes focus with its new text.
    const ownId = await f.getByRole('article', { name: 'Bericht van Frank Fractie' }).filter({ hasText: 'Bericht nummer 54 over de kieslijst.' }).getAttribute('id');
    const own = f.locator(`article[id="${ownId}"]`);
    await own.getByRole('button', { name: 'Bewerken' }).click();
    await own.getByLabel('Je bericht').fill('Bericht nummer 54, aangevuld.');
    await expectNoAxeViolations(f, 'editing her own message');
    await own.getByRole('button', { name: 'Wijziging opslaan' }).click();
    const edited = f.getByRole('article', { name: 'Bericht van Frank Fractie' }).filter({ hasText: 'Bericht nummer 54, aangevuld.' });
    await edited.getByText('bewerkt').waitFor();
    await f.waitForFunction(() => document.activeElement?.textContent?.includes('Bericht nummer 54, aangevuld.') ?? false);

    // And asks Gert in.
    await f.getByRole('button', { name: 'Deelnemers toevoegen' }).click();
    const add = f.getByRole('dialog', { name: 'Deelnemers toevoegen' });
    await add.getByRole('combobox', { name: /Aan/ }).fill('Gert');
    await add.getByRole('option', { name: 'Gert Gast' }).waitFor();
    await f.keyboard.press('Enter');
    await add.getByRole('list', { name: 'Ontvangers' }).getByText('Gert Gast').waitFor();
    await expectNoAxeViolations(f, 'add-participants dialog');
    await add.getByRole('button', { name: 'Toevoegen' }).click();
    await f.getByText('Gert Gast doet nu mee.').waitFor();
    await f.getByRole('list', { name: 'Deelnemers' }).getByRole('link', { name: 'Gert Gast' }).waitFor();
  });
});
