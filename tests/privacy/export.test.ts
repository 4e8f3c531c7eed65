import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadWithPost } from '../../shared/api/forum.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import type { DataExport, DataExportList } from '../../shared/api/privacy.js';
import { CATEGORIES } from '../../shared/constants.js';
import { DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { EXPORT_READY_MESSAGE, EXPORTS_PER_DAY } from '../../server/privacy/exports.js';
import { mailsTo } from '../auth/account-mail.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { rowCounts } from '../helpers/row-counts.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

/**
 * "Mijn gegevens downloaden": asked with her password, built by the export worker, announced by a notification and a
 * mail, downloadable by her only, as an attachment that no cache keeps. It holds her data and nothing about other
 * members she may not see: not who reported her, no moderator's note or name, no other member's address.
 */
let t: TestApp;
let smtp: TestSmtp;
const slug = CATEGORIES[0]!.slug;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

async function ask(client: TestClient) {
  return client.post<DataExport>('/api/me/exports', { password: DEFAULT_PASSWORD });
}

async function download(client: TestClient, id: number) {
  return client.get<string>(`/api/me/exports/${id}/download`);
}

describe('an export of her data', () => {
  it('holds her profile, posts with revisions, reports, reactions, bookmarks, drafts, watches and sessions; nothing of others', async () => {
    const { client: her, user } = await t.login({ displayName: 'Exporterende Els', email: 'els.export@voorbeeld.nl' });
    const { client: other, user: otherUser } = await t.login({ displayName: 'Andere Arend', email: 'arend.ander@voorbeeld.nl' });
    const moderator = await t.login({ role: 'moderator', displayName: 'Moderator Mies' });
    const own = await her.post<ThreadWithPost>('/api/threads', { categorySlug: slug, title: 'Mijn vraag over begrotingen', body: 'Eerste versie van mijn tekst.' });
    expect((await her.patch(`/api/posts/${own.body.post.id}`, { body: 'Tweede versie van mijn tekst.' })).status).toBe(200);
    const theirs = await other.post<ThreadWithPost>('/api/threads', { categorySlug: slug, title: 'Een vraag van Arend', body: 'Arends eigen tekst.' });
    expect((await her.put(`/api/posts/${theirs.body.post.id}/reactions/useful`)).status).toBeLessThan(300);
    expect((await her.put(`/api/posts/${theirs.body.post.id}/bookmark`, { note: 'Nalezen' })).status).toBe(200);
    expect((await her.put(`/api/threads/${theirs.body.thread.id}/draft`, { body: 'Mijn concept' })).status).toBeLessThan(300);
    expect((await her.post(`/api/posts/${theirs.body.post.id}/reports`, { reason: 'off_topic', note: 'Hoort elders' })).status).toBeLessThan(300);
    // Arend reports her post; a moderator hides it with a reason she is told.
    expect((await other.post(`/api/posts/${own.body.post.id}/reports`, { reason: 'spam', note: 'Arends geheime toelichting' })).status).toBeLessThan(300);
    expect((await moderator.client.post(`/api/moderation/posts/${own.body.post.id}/hide`, { reason: 'Reclame' })).status).toBeLessThan(300);

    const asked = await ask(her);
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'pending', readyAt: null });
    expect((await t.app.privacy.drainExports()) >= 1).toBe(true);
    const list = await her.get<DataExportList>('/api/me/exports');
    expect(list.body.exports[0]).toMatchObject({ id: asked.body.id, status: 'ready' });

    const file = await download(her, asked.body.id);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="plein-gegevens-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(file.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(file.raw.body) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON document read by path
    expect(data.profile).toMatchObject({ id: user.id, email: 'els.export@voorbeeld.nl', displayName: 'Exporterende Els', showAffiliation: true, avatar: null });
    expect(data.posts).toHaveLength(1);
    expect(data.posts[0]).toMatchObject({ body: 'Tweede versie van mijn tekst.', hiddenReason: 'Reclame' });
    expect(data.posts[0].revisions).toEqual([expect.objectContaining({ body: 'Eerste versie van mijn tekst.', byYou: true })]);
    expect(data.threads).toEqual([expect.objectContaining({ title: 'Mijn vraag over begrotingen' })]);
    expect(data.reports).toEqual([expect.objectContaining({ postId: theirs.body.post.id, reason: 'off_topic', note: 'Hoort elders' })]);
    expect(data.reactions).toEqual([expect.objectContaining({ postId: theirs.body.post.id, kind: 'useful' })]);
    expect(data.bookmarks).toEqual([expect.objectContaining({ note: 'Nalezen' })]);
    expect(data.drafts).toEqual([expect.objectContaining({ body: 'Mijn concept' })]);
    expect(data.watches.threads.length).toBeGreaterThan(0);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(Object.keys(data.sessions[0]).sort()).toEqual(['createdAt', 'expiresAt']);
    expect(data.moderation).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'hide_post', reason: 'Reclame', postId: own.body.post.id })]));

    const text = file.raw.body;
    for (const secret of ['arend.ander@voorbeeld.nl', 'Arends geheime toelichting', 'Moderator Mies', String(otherUser.id) + ',"reason":"spam"', 'password', 'idHash', 'id_hash', 'token']) {
      expect(text, secret).not.toContain(secret);
    }
    expect(data.moderation.some((row: Record<string, unknown>) => 'moderatorId' in row || 'reporterId' in row)).toBe(false);
  });

  it('is announced by a notification and a mail, and a second one waits for the first', async () => {
    const { client: her, user } = await t.login({ email: 'els.mail@voorbeeld.nl' });
    expect((await ask(her)).status).toBe(202);
    const again = await ask(her);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'export_running' } });
    await t.app.privacy.drainExports();
    const inbox = await her.get<NotificationList>('/api/notifications');
    expect(JSON.stringify(inbox.body)).toContain(EXPORT_READY_MESSAGE);
    await t.app.mail.drain();
    const [mail] = mailsTo(smtp, 'els.mail@voorbeeld.nl');
    expect(mail!.subject).toBe('Je gegevens van Plein staan klaar');
    expect(mail!.text).toContain(`${t.config.mail.siteUrl}/profiel`);
    // The mail carries no data of hers beyond her name.
    expect(mail!.text).not.toContain(String(user.email));
  });

  it(`can be asked ${EXPORTS_PER_DAY} times a day`, async () => {
    const { client: her } = await t.login();
    for (let i = 0; i < EXPORTS_PER_DAY; i++) {
      expect((await ask(her)).status).toBe(202);
      await t.app.privacy.drainExports();
    }
    const refused = await ask(her);
    expect(refused.status).toBe(429);
  });

  it('is gone for her once expired', async () => {
    const { client: her } = await t.login();
    const asked = await ask(her);
    await t.app.privacy.drainExports();
    await t.db.execute(sql`update data_exports set expires_at = now() - interval '1 minute' where id = ${asked.body.id}`);
    expect((await download(her, asked.body.id)).status).toBe(404);
    expect((await her.get<DataExportList>('/api/me/exports')).body.exports).toEqual([]);
  });
});

describe('refusals', () => {
  it('only she downloads it: another member and a guest get nothing', async () => {
    const { client: her } = await t.login();
    const asked = await ask(her);
    await t.app.privacy.drainExports();
    const { client: other } = await t.login();
    const res = await download(other, asked.body.id);
    expect(res.status).toBe(404);
    expect(String(res.raw.body)).not.toContain('profile');
    expect((await download(t.guest(), asked.body.id)).status).toBe(401);
    expect((await t.guest().get('/api/me/exports')).status).toBe(401);
  });

  it('a wrong password, a guest or a missing CSRF token asks nothing', async () => {
    const { client: her } = await t.login();
    const before = await rowCounts(t.db);
    const wrong = await her.post('/api/me/exports', { password: 'fout-wachtwoord' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: 'wrong_password', field: 'password' } });
    expect((await t.guest().post('/api/me/exports', { password: DEFAULT_PASSWORD })).status).toBe(401);
    expect((await her.post('/api/me/exports', { password: DEFAULT_PASSWORD }, { csrf: false })).status).toBe(403);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});
