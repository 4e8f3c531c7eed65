import { and, eq, isNull } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { notifications } from '../../server/db/schema.js';
import { DEFAULT_PASSWORD, makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** The header link by its exact accessible name, which carries the unread count ("Meldingen, 2 ongelezen"). */
const headerLink = (page: Page, unread: number) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: unread ? `Meldingen, ${unread} ongelezen` : 'Meldingen', exact: true });

const listItems = (page: Page) => page.getByRole('list', { name: 'Je meldingen, nieuwste eerst' }).getByRole('listitem');

/** /meldingen: the header count, the list with its "new" marks, paging, "mark all" and the suspended reader. */
describe('notifications', () => {
  // The suspended member's page names the centre's address (CONTACT_EMAIL).
  useE2e({ CONTACT_EMAIL: 'vragen@kenniscentrum.example.nl' });

  const unreadRows = async (userId: number) =>
    (await e2e.testApp.db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))).length;

  it('counts a moderator decision in the header live, reads one without a link by showing it, and one with a link by following it', async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Nora Nieuws' });
    const { threadId, postId } = await makeThread(db, member, { category: 'kandidaatstelling', title: 'Screening van kandidaten' });
    const moderator = await e2e.testApp.loginAs(await makeUser(db, { role: 'moderator', displayName: 'Moos Moderator' }));

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);
    await headerLink(page, 0).waitFor();

    const hidden = await moderator.post(`/api/moderation/threads/${threadId}/hide`, { reason: 'Er stonden telefoonnummers van kandidaten in.' });
    expect(hidden.status).toBe(200);
    // No reload: the live socket announces it and the header asks for the count again.
    await headerLink(page, 1).waitFor();
    await expectNoAxeViolations(page, 'forum with an unread notification');

    await headerLink(page, 1).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    const first = listItems(page).first();
    // Her thread is hidden from her: the notification has nowhere to go, so it is plain text, and reading it here is reading it.
    await first.getByText('Je discussie „Screening van kandidaten” is verborgen, met alle reacties, omdat: Er stonden telefoonnummers van kandidaten in.').waitFor();
    expect(await first.getByRole('link').count()).toBe(0);
    await first.getByText('Nieuw', { exact: true }).waitFor();
    await headerLink(page, 0).waitFor();
    await expect.poll(() => unreadRows(member.id)).toBe(0);
    await expectNoAxeViolations(page, 'notifications');
    await screenshot(page, 'notifications-desktop');

    // One that arrives while the page is open comes in at the top. It links to her post, so it stays unread until followed.
    expect((await moderator.post(`/api/moderation/threads/${threadId}/restore`, {})).status).toBe(200);
    const restored = first.getByRole('link', { name: 'Je discussie „Screening van kandidaten” is weer zichtbaar.' });
    await restored.waitFor();
    expect(await listItems(page).count()).toBe(2);
    await first.getByText('Nieuw', { exact: true }).waitFor();
    await headerLink(page, 1).waitFor();
    expect(await unreadRows(member.id)).toBe(1);

    await restored.click();
    await page.waitForURL(`**/discussie/${threadId}#bericht-${postId}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`bericht-${postId}`);
    await headerLink(page, 0).waitFor();
    expect(await unreadRows(member.id)).toBe(0);

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await listItems(page).first().getByRole('link', { name: 'Je discussie „Screening van kandidaten” is weer zichtbaar.' }).waitFor();
    expect(await page.locator('.notification-list .badge.new').count()).toBe(0);
  });

  it('follows a notification to its post: the header counts it, the link lands on the reply with focus, and it is read', async () => {
    const db = e2e.testApp.db;
    const anna = await makeUser(db, { displayName: 'Anna Vraagsteller' });
    const bram = await makeUser(db, { displayName: 'Bram Beantwoorder' });
    const { threadId } = await makeThread(db, anna, { category: 'fuseren', title: 'Twee partijen samenvoegen' });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, anna.email);
    await headerLink(page, 0).waitFor();

    const answer = await (await e2e.testApp.loginAs(bram)).post(`/api/threads/${threadId}/posts`, { body: 'Begin met een gezamenlijke ledenvergadering.' });
    expect(answer.status).toBe(201);
    const replyId = (answer.body as { post: { id: number } }).post.id;
    await e2e.testApp.app.notifications.drain();
    // Live: the worker's event makes the header count again.
    await headerLink(page, 1).waitFor();

    await headerLink(page, 1).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    const link = listItems(page).first().getByRole('link', { name: 'Bram Beantwoorder reageerde in „Twee partijen samenvoegen”' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/discussie/${threadId}#bericht-${replyId}`);
    // Seeing the list reads nothing that has a link: the count stays until she follows it.
    await listItems(page).first().getByText('Nieuw', { exact: true }).waitFor();
    await headerLink(page, 1).waitFor();
    expect(await unreadRows(anna.id)).toBe(1);
    await expectNoAxeViolations(page, 'notifications with a link to a reply');
    await screenshot(page, 'notifications-link-desktop');

    // From the keyboard, as a screen-reader user would.
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/discussie/${threadId}#bericht-${replyId}`);
    await page.getByRole('heading', { level: 1, name: 'Twee partijen samenvoegen' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`bericht-${replyId}`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Begin met een gezamenlijke ledenvergadering.');
    await headerLink(page, 0).waitFor();
    expect(await unreadRows(anna.id)).toBe(0);
  });

  it('groups two replies in one thread into one notification that links to the first', async () => {
    const db = e2e.testApp.db;
    const anna = await makeUser(db, { displayName: 'Annet Starter' });
    const bram = await makeUser(db, { displayName: 'Bas Reageerder' });
    const cees = await makeUser(db, { displayName: 'Cees Ook' });
    const { threadId } = await makeThread(db, anna, { category: 'campagne', title: 'Flyeren in de regen' });
    const firstReply = await makePost(db, bram, threadId, { body: 'Neem plastic hoesjes mee.' });
    await makePost(db, cees, threadId, { body: 'Of flyer alleen in winkelcentra.' });
    await e2e.testApp.app.notifications.drain();

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, anna.email);
    await headerLink(page, 1).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    const link = listItems(page).first().getByRole('link', { name: '2 nieuwe reacties in „Flyeren in de regen”' });
    await link.waitFor();
    expect(await listItems(page).count()).toBe(1);
    await expectNoAxeViolations(page, 'notifications with a group');

    await link.click();
    await page.waitForURL(`**/discussie/${threadId}#bericht-${firstReply}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`bericht-${firstReply}`);
    await headerLink(page, 0).waitFor();
  });

  it('pages with "Meer laden" and marks everything read at once, keeping focus on the button', async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Veel Meldingen' });
    await db.insert(notifications).values(Array.from({ length: 45 }, (_, i) => ({ userId: member.id, kind: 'post_restored', message: `Melding nummer ${i + 1}` })));

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);
    await headerLink(page, 45).waitFor();
    await headerLink(page, 45).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await listItems(page).first().getByText('Melding nummer 45').waitFor();
    expect(await listItems(page).count()).toBe(20);
    // The twenty shown are read; the older ones wait.
    await headerLink(page, 25).waitFor();

    const markAll = page.getByRole('button', { name: 'Alles als gelezen markeren' });
    await markAll.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Alle meldingen zijn als gelezen gemarkeerd.' }).waitFor();
    await headerLink(page, 0).waitFor();
    expect(await unreadRows(member.id)).toBe(0);
    expect(await page.locator('.notification-list .badge.new').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Alles als gelezen markeren');

    // After each page, focus is on the first new notification, where the reader goes on; also after the last page, when the button is gone.
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName}: ${document.activeElement?.querySelector('span:not(.badge)')?.textContent}`);
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await listItems(page).nth(39).getByText('Melding nummer 6', { exact: true }).waitFor();
    await expect.poll(focused).toBe('LI: Melding nummer 25');
    await page.getByRole('button', { name: 'Meer laden' }).focus();
    await page.keyboard.press('Enter');
    await listItems(page).last().getByText('Melding nummer 1', { exact: true }).waitFor();
    expect(await listItems(page).count()).toBe(45);
    await page.getByRole('button', { name: 'Meer laden' }).waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('LI: Melding nummer 5');
    expect(await page.locator('.notification-list .badge.new').count()).toBe(0);
    await expectNoAxeViolations(page, 'notifications, all loaded and read');
  });

  it('lets a suspended member, who cannot open the forum, read why', async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Sander Geschorst' });
    const moderator = await e2e.testApp.loginAs(await makeUser(db, { role: 'moderator' }));
    expect((await moderator.post(`/api/admin/users/${member.id}/suspend`, { reason: 'Herhaaldelijk persoonlijke aanvallen.' })).status).toBe(200);

    const page = await (await e2e.context()).newPage();
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill(member.email);
    await page.getByLabel('Wachtwoord').fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Je account is geschorst' }).waitFor();
    const contact = page.getByRole('link', { name: 'vragen@kenniscentrum.example.nl' });
    await contact.waitFor();
    expect(await contact.getAttribute('href')).toBe('mailto:vragen@kenniscentrum.example.nl');
    await expectNoAxeViolations(page, 'the page of a suspended member');

    await headerLink(page, 1).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await listItems(page).first().getByText('Je account is voor onbepaalde tijd geschorst omdat: Herhaaldelijk persoonlijke aanvallen.').waitFor();
    await headerLink(page, 0).waitFor();
    await expectNoAxeViolations(page, 'notifications of a suspended member');
  });

  it('shows moderators what waits, in the header and beside each moderation tab, and a member nothing of it', async () => {
    const db = e2e.testApp.db;
    const writer = await makeUser(db, { displayName: 'Wim Schrijver' });
    const reporter = await makeUser(db, { displayName: 'Rita Melder' });
    const moderator = await makeUser(db, { role: 'moderator', displayName: 'Mira Moderator' });
    const { threadId } = await makeThread(db, writer, { category: 'algemeen', title: 'Een bericht om te melden' });
    const postId = await makePost(db, writer, threadId, { body: 'Koop nu goedkope flyers bij mijn bedrijf!' });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, moderator.email);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Moderatie', exact: true }).waitFor();

    // A report: the moderator hears of it live (a notification), and the header counts the reported post.
    expect((await (await e2e.testApp.loginAs(reporter)).post(`/api/posts/${postId}/reports`, { reason: 'spam' })).status).toBe(201);
    await headerLink(page, 1).waitFor();
    const moderation = nav.getByRole('link', { name: 'Moderatie, 1 wacht: 1 gerapporteerd bericht', exact: true });
    await moderation.waitFor();
    expect(await moderation.textContent()).toBe('Moderatie 1');
    await expectNoAxeViolations(page, 'forum with a moderation count');

    // A registration waiting (its address confirmed) is counted from the next page on.
    await makeUser(db, { status: 'pending', displayName: 'Nieuw Lid' });
    await headerLink(page, 1).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await nav.getByRole('link', { name: 'Moderatie, 2 wachten: 1 gerapporteerd bericht, 1 aanmelding', exact: true }).waitFor();
    const signal = listItems(page).first().getByRole('link', { name: 'Nieuw rapport over een bericht' });
    await signal.click();
    await page.waitForURL('**/moderatie');
    await page.getByRole('heading', { level: 1, name: 'Gerapporteerde berichten' }).waitFor();
    await headerLink(page, 0).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Moderatie-onderdelen' });
    await tabs.getByRole('link', { name: 'Gerapporteerde berichten, 1 wacht', exact: true }).waitFor();
    await tabs.getByRole('link', { name: 'Aanmeldingen, 1 wacht', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'moderation queue with counts');
    await screenshot(page, 'moderation-counts-desktop');

    // Her decision changes what waits, on this page already.
    await page.getByRole('button', { name: 'Rapport afwijzen' }).click();
    await page.getByText('Het rapport is afgewezen.').waitFor();
    await tabs.getByRole('link', { name: 'Gerapporteerde berichten', exact: true }).waitFor();
    await nav.getByRole('link', { name: 'Moderatie, 1 wacht: 1 aanmelding', exact: true }).waitFor();

    // A member has no moderation link and is told nothing of what waits.
    const memberPage = await (await e2e.context()).newPage();
    await loginThroughForm(memberPage, reporter.email);
    await headerLink(memberPage, 0).waitFor();
    expect(await memberPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Moderatie/ }).count()).toBe(0);
    const summary = await memberPage.evaluate(async () => (await fetch('/api/notifications/summary')).json());
    expect(summary).toEqual({ unreadCount: 0, waiting: null });
  });
});
