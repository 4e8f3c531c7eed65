import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { avatars } from '../../server/db/schema.js';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** What has focus: its tag, type and its name as a screen reader would start it (aria-label, else its text). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', type: el?.type ?? '', text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim() };
  });

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, match: (f: { tag: string; type: string; text: string }) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`focus never reached the element; it is on ${JSON.stringify(await focused(page))}`);
}

/** Whether an <img> has loaded, and how wide the picture it got is (0: not, or not allowed to). */
const loadedWidth = (img: Locator) => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : -1));

/** A fixed test photo: 120 × 80, orange with a dark band, as a JPEG from a camera would come. */
const photo = () =>
  sharp({ create: { width: 120, height: 80, channels: 3, background: { r: 230, g: 120, b: 20 } } })
    .composite([{ input: { create: { width: 120, height: 20, channels: 3, background: { r: 40, g: 40, b: 60 } } }, left: 0, top: 60 }])
    .withExif({ IFD0: { Make: 'Testcam' } })
    .jpeg()
    .toBuffer();

describe('avatars', () => {
  useE2e();

  it('uploads a picture on the account page with the keyboard, and shows it beside her post and in the header', async () => {
    const db = e2e.testApp.db;
    const anna = await makeUser(db, { displayName: 'Anna de Vries' });
    const { threadId, postId } = await makeThread(db, anna, { title: 'Wie heeft er een goede fotograaf?' });

    const page = await (await e2e.context()).newPage();
    // Anything the CSP refused would be reported here.
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await loginThroughForm(page, anna.email);
    await page.goto('/profiel');
    const section = page.getByRole('region', { name: 'Profielfoto' });
    await section.getByText('Je hebt geen profielfoto: naast je naam staan je initialen.').waitFor();
    // Her initials, hidden from screen readers (her name is beside them everywhere).
    const initials = section.locator('.avatar-initials');
    expect(await initials.textContent()).toBe('AV');
    expect(await initials.getAttribute('aria-hidden')).toBe('true');
    await section.getByText('We snijden je foto vierkant bij en verwijderen locatie- en cameragegevens.').waitFor();
    await expectNoAxeViolations(page, 'the account page without a picture');

    // To the file input with Tab. The browser's own file dialog is not the page's: the test gives the focused input
    // its file directly (waiting for headless Chromium's file chooser after Space was flaky in CI).
    await tabTo(page, (f) => f.tag === 'input' && f.type === 'file');
    await section.locator('input[type="file"]').setInputFiles({ name: 'vakantie.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await section.getByText('Zo komt je nieuwe foto eruit te zien.').waitFor();
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Foto opslaan');
    await page.keyboard.press('Enter');
    await section.getByRole('status').filter({ hasText: 'Je profielfoto is opgeslagen.' }).waitFor();
    await section.getByText('Deze foto staat naast je naam bij je berichten.').waitFor();

    // Stored, and shown from Plein itself: 256 pixels wide, decorative (alt="").
    const [stored] = await db.select({ type: avatars.contentType }).from(avatars).where(eq(avatars.userId, anna.id));
    expect(stored?.type).toBe('image/webp');
    const current = section.locator('.avatar-current img');
    const src = await current.getAttribute('src');
    expect(src).toMatch(new RegExp(`^/api/members/${anna.id}/avatar\\?v=\\d+$`));
    expect(await current.getAttribute('alt')).toBe('');
    await expect.poll(() => loadedWidth(current)).toBe(256);
    const header = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn account', exact: true });
    await expect.poll(() => loadedWidth(header.locator('img'))).toBe(256);
    await expectNoAxeViolations(page, 'the account page with a picture');
    await screenshot(page, 'avatar-profile-desktop');

    // Beside her post, for her and for anyone else reading.
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Wie heeft er een goede fotograaf?' }).waitFor();
    const beside = page.locator(`#bericht-${postId} .post-head img.avatar`);
    await expect.poll(() => loadedWidth(beside)).toBe(256);
    expect(await beside.getAttribute('src')).toBe(src);
    const other = await (await e2e.context()).newPage();
    await loginThroughForm(other, (await makeUser(db, { displayName: 'Bert Lezer' })).email);
    await other.goto(`/discussie/${threadId}`);
    await expect.poll(() => loadedWidth(other.locator(`#bericht-${postId} .post-head img.avatar`))).toBe(256);
    await screenshot(other, 'avatar-thread-desktop');

    // And back to initials: the button goes, so focus moves to the message that says what happened.
    await page.goto('/profiel');
    await section.getByText('Deze foto staat naast je naam bij je berichten.').waitFor();
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Foto verwijderen');
    await page.keyboard.press('Enter');
    await section.getByRole('status').filter({ hasText: 'Je profielfoto is verwijderd.' }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'p', text: 'Je profielfoto is verwijderd. Naast je naam staan nu je initialen.' });
    expect(await section.locator('.avatar-current .avatar-initials').textContent()).toBe('AV');
    expect(await db.select().from(avatars).where(eq(avatars.userId, anna.id))).toEqual([]);
    expect(refused).toEqual([]);
  });

  it('says at once that a file is not a picture it takes, without uploading it', async () => {
    const db = e2e.testApp.db;
    const bert = await makeUser(db, { displayName: 'Bert Bestand' });
    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, bert.email);
    await page.goto('/profiel');
    const section = page.getByRole('region', { name: 'Profielfoto' });
    await section.getByLabel('Kies een foto').setInputFiles({ name: 'notulen.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 geen foto') });
    await section.getByRole('alert').filter({ hasText: 'Kies een foto in JPEG-, PNG- of WebP-formaat.' }).waitFor();
    expect(await section.getByLabel('Kies een foto').getAttribute('aria-invalid')).toBe('true');
    await section.getByRole('button', { name: 'Foto opslaan' }).click();
    expect(await db.select().from(avatars).where(eq(avatars.userId, bert.id))).toEqual([]);
    await expectNoAxeViolations(page, 'the account page with a refused file');
  });
});
