import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ReplyDraftAnswer, ThreadDraftAnswer } from '../../shared/api/drafts.js';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** The quiet line under a form with a draft. */
const draftStatus = (page: Page, text: string) => page.locator('.draft-status').filter({ hasText: text });

/** The methods of the requests the page sends to `path` from now on. */
function watchRequests(page: Page, path: string): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === path) seen.push(r.method());
  });
  return seen;
}

/** Reloads and waits until the page has asked for its draft, so what the form then holds is what restoring did. */
async function reloadWithDraft(page: Page, draftPath: string): Promise<void> {
  const asked = page.waitForResponse((r) => new URL(r.url()).pathname === draftPath && r.request().method() === 'GET');
  await page.reload();
  await asked;
}

/** Drafts: the reply composer and the new-thread form keep what she writes across a reload, until she posts or discards it. */
describe('drafts', () => {
  useE2e();

  it('keeps a reply across a reload, and posting it leaves no draft behind', async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Cor Concept' });
    const { threadId } = await makeThread(db, await makeUser(db), { title: 'Verkiezingsprogramma schrijven' });
    const api = await e2e.testApp.loginAs(member);
    const draftPath = `/api/threads/${threadId}/draft`;

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);
    await page.goto(`/discussie/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Verkiezingsprogramma schrijven' }).waitFor();
    const composer = page.getByRole('textbox', { name: 'Je bericht' });
    await composer.focus();
    await page.keyboard.type('Begin bij wat je in vier jaar echt wilt bereiken.');
    await draftStatus(page, 'Concept opgeslagen').waitFor();
    expect((await api.get<ReplyDraftAnswer>(draftPath)).body.draft?.body).toBe('Begin bij wat je in vier jaar echt wilt bereiken.');
    await expectNoAxeViolations(page, 'a thread with a saved draft');

    await reloadWithDraft(page, draftPath);
    await expect.poll(() => composer.inputValue()).toBe('Begin bij wat je in vier jaar echt wilt bereiken.');
    await draftStatus(page, 'Je concept is teruggezet.').waitFor();
    await screenshot(page, 'draft-restored-desktop');

    // Typing on and posting at once: the save still waiting for the pause is dropped, so nothing brings the draft back.
    await composer.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' En schrijf het samen.');
    const afterPosting = watchRequests(page, draftPath);
    await page.getByRole('button', { name: 'Plaatsen' }).click();
    await page.getByRole('article', { name: 'Bericht van Cor Concept' }).getByText('Begin bij wat je in vier jaar echt wilt bereiken. En schrijf het samen.').waitFor();
    await expect.poll(() => composer.inputValue()).toBe('');
    expect((await api.get<ReplyDraftAnswer>(draftPath)).body.draft).toBeNull();

    await reloadWithDraft(page, draftPath);
    await page.getByRole('article', { name: 'Bericht van Cor Concept' }).waitFor();
    expect(await composer.inputValue()).toBe('');
    // Nothing was saved after the post: the reload's GET is the only request.
    expect(afterPosting).toEqual(['GET']);
    expect((await api.get<ReplyDraftAnswer>(draftPath)).body.draft).toBeNull();
  });

  it('does not overwrite what she typed before the draft arrived, and discards a draft after asking', async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Dien Dubbel' });
    const { threadId } = await makeThread(db, await makeUser(db), { title: 'Een kascommissie instellen' });
    const api = await e2e.testApp.loginAs(member);
    const draftPath = `/api/threads/${threadId}/draft`;
    expect((await api.put(draftPath, { body: 'Een oud concept.' })).status).toBe(200);

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);
    // The draft's answer waits until she has typed something.
    let letGo: () => void = () => {};
    const typed = new Promise<void>((resolve) => (letGo = resolve));
    await page.route(`**${draftPath}`, async (route) => {
      if (route.request().method() === 'GET') await typed;
      await route.continue();
    });
    const asked = page.waitForResponse((r) => new URL(r.url()).pathname === draftPath && r.request().method() === 'GET');
    await page.goto(`/discussie/${threadId}`);
    const composer = page.getByRole('textbox', { name: 'Je bericht' });
    await composer.waitFor();
    await composer.focus();
    await page.keyboard.type('Twee leden');
    letGo();
    await asked;
    await draftStatus(page, 'Concept opgeslagen').waitFor();
    expect(await composer.inputValue()).toBe('Twee leden');
    expect((await api.get<ReplyDraftAnswer>(draftPath)).body.draft?.body).toBe('Twee leden');
    await page.unroute(`**${draftPath}`);

    // "Concept weggooien" asks first; then the text and the draft are gone and focus is back in the composer.
    await page.getByRole('button', { name: 'Concept weggooien' }).click();
    const dialog = page.getByRole('dialog', { name: 'Concept weggooien?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'the discard dialog');
    await dialog.getByRole('button', { name: 'Concept weggooien' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => composer.inputValue()).toBe('');
    await draftStatus(page, 'Het concept is weggegooid.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect((await api.get<ReplyDraftAnswer>(draftPath)).body.draft).toBeNull();
    expect(await page.getByRole('button', { name: 'Concept weggooien' }).count()).toBe(0);
  });

  it("keeps a new thread's title and text across a reload, and starting the thread clears them", async () => {
    const db = e2e.testApp.db;
    const member = await makeUser(db, { displayName: 'Nel Nieuw' });
    const api = await e2e.testApp.loginAs(member);
    const draftPath = '/api/drafts/new-thread';

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, member.email);
    await page.goto('/nieuw?categorie=campagne');
    await page.getByRole('heading', { level: 1, name: 'Nieuwe discussie' }).waitFor();
    const title = page.getByRole('textbox', { name: /^Titel/ });
    const body = page.getByRole('textbox', { name: 'Je bericht' });
    await title.fill('Posters ophangen zonder vergunning?');
    await body.fill('Mag dat in onze gemeente, en waar?');
    await draftStatus(page, 'Concept opgeslagen').waitFor();
    await expect
      .poll(async () => (await api.get<ThreadDraftAnswer>(draftPath)).body.draft)
      .toMatchObject({ categorySlug: 'campagne', title: 'Posters ophangen zonder vergunning?', body: 'Mag dat in onze gemeente, en waar?' });
    await expectNoAxeViolations(page, 'a new thread with a saved draft');

    await reloadWithDraft(page, draftPath);
    await expect.poll(() => title.inputValue()).toBe('Posters ophangen zonder vergunning?');
    expect(await body.inputValue()).toBe('Mag dat in onze gemeente, en waar?');
    expect(await page.getByRole('combobox', { name: /^Categorie/ }).inputValue()).toBe('campagne');

    const afterPosting = watchRequests(page, draftPath);
    await page.getByRole('button', { name: 'Discussie starten' }).click();
    await page.waitForURL(/\/discussie\/\d+$/);
    await page.getByRole('heading', { level: 1, name: 'Posters ophangen zonder vergunning?' }).waitFor();
    expect((await api.get<ThreadDraftAnswer>(draftPath)).body.draft).toBeNull();

    const asked = page.waitForResponse((r) => new URL(r.url()).pathname === draftPath && r.request().method() === 'GET');
    await page.goto('/nieuw');
    await asked;
    await page.getByRole('heading', { level: 1, name: 'Nieuwe discussie' }).waitFor();
    expect(await title.inputValue()).toBe('');
    expect(await body.inputValue()).toBe('');
    expect((await api.get<ThreadDraftAnswer>(draftPath)).body.draft).toBeNull();
    // Leaving the form after posting sent nothing (it is saved while it is left, so this would be its moment).
    expect(afterPosting).toEqual(['GET']);
  });
});
