import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { categoryWatches, notifications, threadWatches, users } from '../../server/db/schema.js';
import { categoryId, DEFAULT_PASSWORD, makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

const headerLink = (page: Page, unread: number) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: unread ? `Meldingen, ${unread} ongelezen` : 'Meldingen', exact: true });

/** What a member chooses to hear: per thread and category (Volgen / Normaal / Negeren), and by mail (account page). */
describe('notification settings', () => {
  useE2e();

  const notificationsOf = async (userId: number) => (await e2e.testApp.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, userId))).length;

  it('changes mail preferences on the account page, and they are still changed after a reload', async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Mila Mailvoorkeur' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);

    // From the notifications page, which links to the settings: focus lands on their heading.
    await headerLink(page, 0).click();
    await page.getByRole('link', { name: 'Meldingen en e-mail instellen' }).click();
    await page.waitForURL('**/profiel#meldingen-en-email');
    const section = page.getByRole('region', { name: 'Meldingen en e-mail' });
    await section.getByLabel('Reacties op mijn berichten').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('meldingen-en-email');

    // What she has until she chooses.
    expect(await section.getByLabel('Volg discussies waarin ik schrijf').isChecked()).toBe(true);
    expect(await section.getByLabel('Reacties op mijn berichten').inputValue()).toBe('direct');
    expect(await section.getByLabel('Nieuwe discussies in categorieën die ik volg').inputValue()).toBe('weekly');
    await expectNoAxeViolations(page, 'account page with notification settings');
    await screenshot(page, 'notification-settings-desktop');

    // Nothing changed: nothing sent, and she is told so.
    await section.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await section.getByRole('status').filter({ hasText: 'Je hebt niets gewijzigd.' }).waitFor();

    await section.getByLabel('Vermeldingen en citaten').selectOption({ label: 'Wekelijks' });
    await section.getByLabel('Discussies die ik volg').selectOption({ label: 'Nooit' });
    await section.getByLabel('Volg discussies waarin ik schrijf').uncheck();
    await section.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await section.getByRole('status').filter({ hasText: 'Je instellingen voor meldingen en e-mail zijn opgeslagen.' }).waitFor();
    const [row] = await db.select({ autoWatch: users.autoWatch, mail: users.mailPreferences }).from(users).where(eq(users.id, member.id));
    expect(row?.autoWatch).toBe(false);
    expect(row?.mail).toMatchObject({ mentions: 'weekly', watching: 'never' });

    await page.reload();
    const again = page.getByRole('region', { name: 'Meldingen en e-mail' });
    await again.getByLabel('Reacties op mijn berichten').waitFor();
    expect(await again.getByLabel('Vermeldingen en citaten').inputValue()).toBe('weekly');
    expect(await again.getByLabel('Discussies die ik volg').inputValue()).toBe('never');
    expect(await again.getByLabel('Reacties op mijn berichten').inputValue()).toBe('direct');
    expect(await again.getByLabel('Volg discussies waarin ik schrijf').isChecked()).toBe(false);

    // No auto-follow: writing in a thread no longer makes her follow it.
    const { threadId } = await makeThread(db, await makeUser(db), { title: 'Zonder automatisch volgen' });
    await makePost(db, member, threadId, { body: 'Mijn eerste reactie.' });
    expect(await db.select().from(threadWatches).where(and(eq(threadWatches.userId, member.id), eq(threadWatches.threadId, threadId)))).toEqual([]);
  });

  it('shows no settings to an account that is not (yet) a member', async () => {
    const pending = await makeUser(e2e.testApp.db, { status: 'pending' });
    const page = await (await e2e.context()).newPage();
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill(pending.email);
    await page.getByLabel('Wachtwoord').fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL('**/wachten');
    await page.goto('/profiel');
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wachtwoord wijzigen' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Meldingen en e-mail' }).count()).toBe(0);
  });

  it('sets a thread to Volgen or Negeren from the thread page, saved at once, and Negeren silences it', async () => {
    const db = e2e.testApp.db;
    const reader = await makeUser(db, { displayName: 'Lies Lezer' });
    const writer = await makeUser(db, { displayName: 'Sjoerd Schrijver' });
    const { threadId } = await makeThread(db, writer, { category: 'ledenwerving', title: 'Jongeren betrekken bij de partij' });

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Jongeren betrekken bij de partij' }).waitFor();
    const summary = page.locator('.watch-control summary');
    expect(await summary.textContent()).toBe('Meldingen over deze discussie: Normaal');

    // From the keyboard: open the disclosure, move to Volgen.
    await summary.focus();
    await page.keyboard.press('Enter');
    const group = page.getByRole('group', { name: 'Wat wil je horen over deze discussie?' });
    await group.waitFor();
    const normal = group.getByRole('radio', { name: 'Normaal' });
    expect(await normal.isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'thread with the watch control open');
    await screenshot(page, 'thread-watch-control-desktop');

    await group.getByRole('radio', { name: 'Volgen' }).check();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen: je volgt deze discussie.' }).waitFor();
    expect(await summary.textContent()).toBe('Meldingen over deze discussie: Volgen');
    const level = async () => (await db.select({ level: threadWatches.level }).from(threadWatches).where(and(eq(threadWatches.userId, reader.id), eq(threadWatches.threadId, threadId))))[0]?.level ?? 'normal';
    expect(await level()).toBe('watching');

    // Following: a new reply is a notification for her.
    await makePost(db, writer, threadId, { body: 'Organiseer een avond in het jongerencentrum.' });
    await e2e.testApp.app.notifications.drain();
    await headerLink(page, 1).waitFor();

    await page.reload();
    await page.locator('.watch-control summary').click();
    expect(await page.getByRole('radio', { name: 'Volgen' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Negeren' }).check();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen: je negeert deze discussie.' }).waitFor();
    expect(await level()).toBe('ignoring');

    // Ignored: even a reply to her own post in it notifies nothing.
    const hers = await makePost(db, reader, threadId, { body: 'Goed idee, ik help mee.' });
    expect(await level()).toBe('ignoring');
    const before = await notificationsOf(reader.id);
    await makePost(db, writer, threadId, { body: 'Dank je, Lies!', replyToPostId: hers });
    await e2e.testApp.app.notifications.drain();
    expect(await notificationsOf(reader.id)).toBe(before);
  });

  it('follows new threads in a category from its thread list', async () => {
    const db = e2e.testApp.db;
    const reader = await makeUser(db, { displayName: 'Cato Categorie' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, reader.email);
    await page.goto('/forum/fondsenwerving');
    await page.getByRole('heading', { level: 1, name: 'Fondsenwerving' }).waitFor();
    const summary = page.locator('.watch-control summary');
    expect(await summary.textContent()).toBe('Meldingen over deze categorie: Normaal');
    await summary.click();
    const group = page.getByRole('group', { name: 'Wil je horen van nieuwe discussies in deze categorie?' });
    expect(await group.getByRole('radio').count()).toBe(2);
    await expectNoAxeViolations(page, 'category with the watch control open');
    await group.getByRole('radio', { name: 'Volgen' }).check();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen: je hoort van elke nieuwe discussie in deze categorie.' }).waitFor();
    const watched = await db.select({ level: categoryWatches.level }).from(categoryWatches).where(and(eq(categoryWatches.userId, reader.id), eq(categoryWatches.categoryId, await categoryId(db, 'fondsenwerving'))));
    expect(watched).toEqual([{ level: 'watching' }]);

    // A new thread there is a notification for her, live.
    await makeThread(db, await makeUser(db, { displayName: 'Dirk Donateur' }), { category: 'fondsenwerving', title: 'Een crowdfunding opzetten' });
    await e2e.testApp.app.notifications.drain();
    await headerLink(page, 1).click();
    await page.getByRole('link', { name: 'Nieuwe discussie in Fondsenwerving: „Een crowdfunding opzetten”' }).waitFor();

    await page.goto('/forum/fondsenwerving');
    expect(await page.locator('.watch-control summary').textContent()).toBe('Meldingen over deze categorie: Volgen');
  });
});
