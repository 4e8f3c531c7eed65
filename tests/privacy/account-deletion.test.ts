import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadWithPost } from '../../shared/api/forum.js';
import type { LogList } from '../../shared/api/moderation.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import { CATEGORIES } from '../../shared/constants.js';
import { currentCode, enableTotpDirectly } from '../../server/auth/totp.js';
import { queryRows } from '../../server/db/client.js';
import type { CurrentUser } from '../../server/auth/types.js';
import { DEFAULT_PASSWORD, makeUser } from '../../server/dev/factories.js';
import { REMOVED_TEXT } from '../../server/forum/former-author.js';
import { FORMER_MEMBER_NAME, formerMemberId } from '../../server/privacy/former-member.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { rowCounts } from '../helpers/row-counts.js';

/**
 * "Account verwijderen": her posts stay by "Oud-lid" (or, by her choice, as placeholders), and everything else of hers
 * goes; her name and address are nowhere afterwards: not in the users table, the search documents, other members'
 * notifications, the directory, the @-suggestions or other members' mentions of her.
 */
let t: TestApp;
let formerId: number;
const slug = CATEGORIES[0]!.slug;
let names = 0;

beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  formerId = await formerMemberId(t.db);
});
afterAll(() => t.close());

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.db, query))[0]!.n;

/** A member with a distinctive name and address, and all kinds of data: posts, a reaction, bookmark, draft, watch, picture, notifications. */
async function memberWithData() {
  const name = `Annelies Privacytest ${++names}`;
  const email = `annelies${names}@voorbeeld.nl`;
  const her = await t.login({ displayName: name, email, party: 'Partij Geheim', municipality: 'Zoetermeer' });
  const other = await t.login();
  const own = await her.client.post<ThreadWithPost>('/api/threads', { categorySlug: slug, title: 'Een vraag over fuseren', body: 'Mijn eigen tekst over de fusie.' });
  expect(own.status).toBe(201);
  const othersThread = await other.client.post<ThreadWithPost>('/api/threads', { categorySlug: slug, title: 'Een discussie van een ander', body: 'Openingsbericht.' });
  const threadId = othersThread.body.thread.id;
  const reply = await her.client.post<{ post: { id: number } }>(`/api/threads/${threadId}/posts`, { body: 'Mijn reactie in andermans discussie.' });
  expect(reply.status).toBe(201);
  const mention = await other.client.post<{ post: { id: number; bodyHtml: string } }>(`/api/threads/${threadId}/posts`, { body: `Wat vind jij, @${name}?` });
  expect(mention.body.post.bodyHtml).toContain(`/leden/${her.user.id}`);
  expect((await her.client.put(`/api/posts/${othersThread.body.post.id}/reactions/thanks`)).status).toBeLessThan(300);
  expect((await her.client.put(`/api/posts/${othersThread.body.post.id}/bookmark`, { note: 'bewaren' })).status).toBe(200);
  expect((await her.client.put(`/api/threads/${threadId}/draft`, { body: 'Half af' })).status).toBeLessThan(300);
  await t.db.execute(sql`insert into avatars (user_id, image, content_type) values (${her.user.id}, ${Buffer.from('png')}, 'image/png')`);
  await t.app.notifications.drain();
  return { her, other, name, email, ownThreadId: own.body.thread.id, ownPostId: own.body.post.id, replyId: reply.body.post.id, threadId, mentionId: mention.body.post.id, reactedPostId: othersThread.body.post.id };
}

async function expectNowhere(user: CurrentUser, name: string, email: string, viewer: TestClient) {
  expect(await count(sql`select count(*)::int as n from users where id = ${user.id} or email = ${email} or display_name = ${name}`)).toBe(0);
  for (const table of ['sessions', 'notifications', 'bookmarks', 'drafts', 'thread_watches', 'category_watches', 'post_reactions', 'thread_reads', 'avatars', 'mail_outbox', 'data_exports', 'totp_credentials']) {
    expect(await count(sql`select count(*)::int as n from ${sql.identifier(table)} where user_id = ${user.id}`), table).toBe(0);
  }
  expect(await count(sql`select count(*)::int as n from posts where author_id = ${user.id} or body ilike ${'%' + name + '%'} or body_html ilike ${'%' + name + '%'}`)).toBe(0);
  await t.app.searchService.drainOutbox();
  expect(await count(sql`select count(*)::int as n from search_documents where author_id = ${user.id} or body ilike ${'%' + name + '%'}`)).toBe(0);
  const inbox = await viewer.get<NotificationList>('/api/notifications');
  expect(JSON.stringify(inbox.body)).not.toContain(name);
  const directory = await viewer.get(`/api/members?q=${encodeURIComponent('Annelies')}`);
  expect(JSON.stringify(directory.body)).not.toContain(name);
  const suggest = await viewer.get(`/api/members/suggest?q=${encodeURIComponent('Annelies')}`);
  expect(JSON.stringify(suggest.body)).not.toContain(name);
  expect((await viewer.get(`/api/members/${user.id}`)).status).toBe(404);
}

describe('deleting her own account', () => {
  it('keeps her posts by "Oud-lid" without name, party or municipality, and removes everything else of hers', async () => {
    const d = await memberWithData();
    const before = await count(sql`select thanks_count as n from posts where id = ${d.reactedPostId}`);
    expect(before).toBe(1);
    const res = await d.her.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: false });
    expect(res.status).toBe(204);
    expect((await d.her.client.get('/api/me')).status).toBe(401);

    const thread = await d.other.client.get<{ posts: { id: number; author: Record<string, unknown>; bodyHtml: string }[] }>(`/api/threads/${d.threadId}`);
    const reply = thread.body.posts.find((p) => p.id === d.replyId)!;
    expect(reply.author).toMatchObject({ id: formerId, displayName: FORMER_MEMBER_NAME });
    expect(reply.author.party).toBeUndefined();
    expect(reply.author.municipality).toBeUndefined();
    expect(reply.bodyHtml).toContain('Mijn reactie in andermans discussie.');
    const mention = thread.body.posts.find((p) => p.id === d.mentionId)!;
    expect(mention.bodyHtml).toContain('@Oud-lid');
    // Reactions taken back through the counters.
    expect(await count(sql`select thanks_count as n from posts where id = ${d.reactedPostId}`)).toBe(0);
    expect(await count(sql`select reaction_count as n from threads where id = ${d.threadId}`)).toBe(0);

    await expectNowhere(d.her.user, d.name, d.email, d.other.client);
    // The other member's notification of her reply names "Oud-lid".
    const inbox = await d.other.client.get<NotificationList>('/api/notifications');
    expect(JSON.stringify(inbox.body)).toContain(FORMER_MEMBER_NAME);
  });

  it('by her choice replaces her posts’ text by a placeholder and deletes their earlier versions', async () => {
    const d = await memberWithData();
    expect((await d.her.client.patch(`/api/posts/${d.ownPostId}`, { body: 'Mijn eigen tekst, bewerkt.' })).status).toBe(200);
    expect(await count(sql`select count(*)::int as n from post_revisions where post_id = ${d.ownPostId}`)).toBeGreaterThan(0);
    expect((await d.her.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: true })).status).toBe(204);
    const thread = await d.other.client.get<{ posts: { id: number; bodyHtml: string; author: { displayName: string } }[] }>(`/api/threads/${d.ownThreadId}`);
    expect(thread.body.posts[0]).toMatchObject({ bodyHtml: `<p>${REMOVED_TEXT}</p>`, author: { displayName: FORMER_MEMBER_NAME } });
    expect(await count(sql`select count(*)::int as n from post_revisions where post_id = ${d.ownPostId}`)).toBe(0);
    await t.app.searchService.drainOutbox();
    expect(await count(sql`select count(*)::int as n from search_documents where post_id = ${d.ownPostId} and body ilike '%Mijn eigen tekst%'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from search_documents where post_id = ${d.ownPostId}`)).toBe(1);
    await expectNowhere(d.her.user, d.name, d.email, d.other.client);
  });

  it('records in the log that it happened and by whom, nothing of what was removed', async () => {
    const admin = await t.login({ role: 'admin' });
    const d = await memberWithData();
    expect((await d.her.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: true })).status).toBe(204);
    const log = await admin.client.get<LogList>('/api/moderation/log?action=delete_account');
    const entry = log.body.entries[0]!;
    expect(entry).toMatchObject({ action: 'delete_account', targetUser: null, targetUserDeleted: true, moderator: null, moderatorDeleted: true, reason: null });
    expect(JSON.stringify(entry)).not.toContain(d.name);
  });

  it('asks for the code too when she has two-step login on', async () => {
    const { client, user } = await t.login();
    const secret = await enableTotpDirectly(t.db, user.id);
    // Her session started before; the second step is asked of the deletion itself.
    const without = await client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: false });
    expect(without.status).toBe(400);
    expect(without.body).toMatchObject({ error: { code: 'totp_required', field: 'code' } });
    const wrong = await client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: false, code: '000000' === currentCode(secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(await count(sql`select count(*)::int as n from users where id = ${user.id}`)).toBe(1);
    expect((await client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: false, code: currentCode(secret) })).status).toBe(204);
    expect(await count(sql`select count(*)::int as n from users where id = ${user.id}`)).toBe(0);
  });

  it('the last admin cannot delete herself', async () => {
    const admin = await t.login({ role: 'admin' });
    await t.db.execute(sql`update users set role = 'member' where role = 'admin' and id <> ${admin.user.id}`);
    const res = await admin.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: false });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'last_admin' } });
    const second = await makeUser(t.db, { role: 'admin' });
    expect((await admin.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: false })).status).toBe(204);
    expect(await count(sql`select count(*)::int as n from users where id = ${second.id}`)).toBe(1);
  });
});

describe('refusals change nothing', () => {
  it('a wrong password, a guest, a missing CSRF token', async () => {
    const d = await memberWithData();
    const before = await rowCounts(t.db);
    const wrong = await d.her.client.post('/api/me/delete-account', { password: 'niet-mijn-wachtwoord', removeText: true });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: 'wrong_password', field: 'password' } });
    expect((await t.guest().post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: true })).status).toBe(401);
    expect((await d.her.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: true }, { csrf: false })).status).toBe(403);
    const missing = await d.her.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD });
    expect(missing.status).toBe(400);
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('another member cannot delete her account', async () => {
    const d = await memberWithData();
    const before = await rowCounts(t.db);
    const res = await d.other.client.post(`/api/admin/users/${d.her.user.id}/delete`, { reason: 'Op haar verzoek', removeText: false });
    expect(res.status).toBe(403);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});

describe('a moderator deletes an account on the member’s request', () => {
  it('with a reason the log keeps, naming the moderator', async () => {
    const moderator = await t.login({ role: 'moderator' });
    const d = await memberWithData();
    const res = await moderator.client.post(`/api/admin/users/${d.her.user.id}/delete`, { reason: 'Verzoek per mail van 3 december', removeText: false });
    expect(res.status).toBe(204);
    expect((await d.her.client.get('/api/me')).status).toBe(401);
    const admin = await t.login({ role: 'admin' });
    const log = await admin.client.get<LogList>('/api/moderation/log?action=delete_account');
    expect(log.body.entries.find((e) => e.moderator?.id === moderator.user.id)).toMatchObject({ moderator: { id: moderator.user.id }, targetUserDeleted: true, reason: 'Verzoek per mail van 3 december' });
    await expectNowhere(d.her.user, d.name, d.email, d.other.client);
  });

  it('not of another moderator, not of the "Oud-lid" account, not without a reason', async () => {
    const moderator = await t.login({ role: 'moderator' });
    const colleague = await makeUser(t.db, { role: 'moderator' });
    const before = await rowCounts(t.db);
    expect((await moderator.client.post(`/api/admin/users/${colleague.id}/delete`, { reason: 'x', removeText: false })).status).toBe(403);
    expect((await moderator.client.post(`/api/admin/users/${formerId}/delete`, { reason: 'x', removeText: false })).status).toBe(404);
    expect((await moderator.client.post(`/api/admin/users/${colleague.id}/delete`, { reason: ' ', removeText: false })).status).toBe(400);
    expect((await moderator.client.post(`/api/admin/users/${colleague.id}/delete`, { reason: 'x', removeText: false }, { csrf: false })).status).toBe(403);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});

describe('the "Oud-lid" account', () => {
  it('cannot log in and its name cannot be taken', async () => {
    const res = await t.guest().login('oud-lid@plein.invalid', '!');
    expect(res.status).toBe(401);
    await expect(makeUser(t.db, { displayName: 'oud-LID' })).rejects.toThrow();
  });
});
