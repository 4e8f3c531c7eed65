import { describe, expect, it } from 'vitest';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { e2e, expectNoAxeViolations, loginThroughForm, screenshot, useE2e } from './browser.js';

/** A post's earlier versions, opened from its "bewerkt" marker by its author or a moderator; other members only see the marker. */
describe('edit history', () => {
  useE2e();

  it('shows the author each edit, newest first, with what was removed and added; a member only sees that it was edited', async () => {
    const db = e2e.testApp.db;
    const author = await makeUser(db, { displayName: 'Hanna Herzien' });
    const reader = await makeUser(db);
    const { threadId } = await makeThread(db, author, { title: 'Ledenvergadering in maart' });
    const postId = await makePost(db, author, threadId, { body: 'De vergadering is op dinsdag in het buurthuis.' });
    const api = await e2e.testApp.loginAs(author);
    expect((await api.patch(`/api/posts/${postId}`, { body: 'De vergadering is op woensdag in het buurthuis.' })).status).toBe(200);
    expect((await api.patch(`/api/posts/${postId}`, { body: 'De vergadering is op woensdag in het stadhuis.' })).status).toBe(200);

    const page = await (await e2e.context()).newPage();
    await loginThroughForm(page, author.email);
    await page.goto(`/discussie/${threadId}`);
    const post = page.locator(`#bericht-${postId}`);
    await post.getByRole('button', { name: 'bewerkt — eerdere versies bekijken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Eerdere versies' });
    const changes = dialog.getByRole('listitem');
    await expect.poll(() => changes.count()).toBe(2);
    await changes.nth(0).getByText(/^Bewerkt door Hanna Herzien op /).waitFor();
    expect(await changes.nth(0).locator('del').textContent()).toBe('weggehaald: buurthuis');
    expect(await changes.nth(0).locator('ins').textContent()).toBe('toegevoegd: stadhuis');
    expect(await changes.nth(1).locator('del').textContent()).toBe('weggehaald: dinsdag');
    expect(await changes.nth(1).locator('ins').textContent()).toBe('toegevoegd: woensdag');
    await expectNoAxeViolations(page, 'edit history');
    await screenshot(page, 'edit-history-desktop');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const other = await (await e2e.context()).newPage();
    await loginThroughForm(other, reader.email);
    await other.goto(`/discussie/${threadId}`);
    const seen = other.locator(`#bericht-${postId}`);
    await seen.getByText('bewerkt', { exact: true }).waitFor();
    expect(await seen.getByRole('button', { name: /eerdere versies/ }).count()).toBe(0);
  });
});
