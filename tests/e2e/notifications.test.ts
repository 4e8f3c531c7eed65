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
  useE2e();

  const unreadRows = async (userId: number) =>
    (await e2e.testApp.db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))).length;

  it('counts a moderator decision in the header live, shows it new once on the page, and reads it', async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Nora Nieuws' });
    const { threadId } = await makeThread(db, member, { category: 'kandidaatstelling', title: 'Screening van kandidaten' });
    const postId = await makePost(db, member, threadId, { body: 'Bel gerust met 06-12345678.' });
    const moderator = await e2e.testApp.loginAs(await makeUser(db, { role: 'moderator', displayName: 'Moos Moderator' }));

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);
    await headerLink(page, 0).waitFor();

    const hidden = await moderator.post(`/api/moderation/posts/${postId}/hide`, { reason: 'Er stond een telefoonnummer in.' });
    expect(hidden.status).toBe(200);
    // No reload: the live socket announces it and the header asks for the count again.
    await headerLink(page, 1).waitFor();
    await expectNoAxeViolations(page, 'forum with an unread notification');

    await headerLink(page, 1).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    const first = listItems(page).first();
    await first.getByText('Je bericht in "Screening van kandidaten" is verborgen omdat: Er stond een telefoonnummer in.').waitFor();
    await first.getByText('Nieuw', { exact: true }).waitFor();
    // Shown is read: the count leaves the header and the database, while the page keeps the "new" mark for this visit.
    await headerLink(page, 0).waitFor();
    await expect.poll(() => unreadRows(member.id)).toBe(0);
    await expectNoAxeViolations(page, 'notifications');
    await screenshot(page, 'notifications-desktop');

    // One that arrives while the page is open comes in at the top, and is read as well.
    expect((await moderator.post(`/api/moderation/posts/${postId}/restore`, {})).status).toBe(200);
    await first.getByText('Je bericht in "Screening van kandidaten" is weer zichtbaar.').waitFor();
    expect(await listItems(page).count()).toBe(2);
    await expect.poll(() => unreadRows(member.id)).toBe(0);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await listItems(page).first().waitFor();
    expect(await page.locator('.notification-list .badge.new').count()).toBe(0);
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

    await headerLink(page, 1).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await listItems(page).first().getByText('Je account is voor onbepaalde tijd geschorst omdat: Herhaaldelijk persoonlijke aanvallen.').waitFor();
    await headerLink(page, 0).waitFor();
    await expectNoAxeViolations(page, 'notifications of a suspended member');
  });
});
