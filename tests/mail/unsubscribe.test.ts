import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { makeUser } from '../../server/dev/factories.js';
import { readUnsubscribeToken, unsubscribeToken } from '../../server/mail/unsubscribe.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const secret = () => t.config.sessionSecret;
const preferences = async (userId: number) =>
  (await queryRows<{ p: Record<string, string> }>(t.db, sql`select mail_preferences as p from users where id = ${userId}`))[0]!.p;

describe('unsubscribe tokens', () => {
  it('name their member and kind, and nothing else passes', () => {
    const token = unsubscribeToken(secret(), { userId: 42, kind: 'mentions' });
    expect(readUnsubscribeToken(secret(), token)).toEqual({ userId: 42, kind: 'mentions' });
    expect(readUnsubscribeToken('another-secret-another-secret-1234', token)).toBeNull();
    const [payload, signature] = token.split('.') as [string, string];
    // Another member or kind with the old signature.
    expect(readUnsubscribeToken(secret(), `${Buffer.from('43.mentions').toString('base64url')}.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(secret(), `${Buffer.from('42.all').toString('base64url')}.${signature}`)).toBeNull();
    // A flipped signature character, a cut one, junk.
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    expect(readUnsubscribeToken(secret(), `${payload}.${flipped}`)).toBeNull();
    expect(readUnsubscribeToken(secret(), `${payload}.${signature.slice(1)}`)).toBeNull();
    for (const junk of ['', '.', 'abc', `${payload}.`, `.${signature}`, `${payload}.${signature}.x`]) expect(readUnsubscribeToken(secret(), junk)).toBeNull();
  });

  it('are not accepted for a kind that does not exist, even when signed', () => {
    const forged = unsubscribeToken(secret(), { userId: 1, kind: 'passwords' as 'all' });
    expect(readUnsubscribeToken(secret(), forged)).toBeNull();
  });
});

describe('POST /api/mail/unsubscribe', () => {
  it('switches one kind off with a one-click form post from a mail client (no cookies, no CSRF token)', async () => {
    const user = await makeUser(t.db);
    await t.db.execute(sql`update users set mail_preferences = '{"mentions":"daily"}'::jsonb where id = ${user.id}`);
    const token = unsubscribeToken(secret(), { userId: user.id, kind: 'replies' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/mail/unsubscribe?token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kind: 'replies' });
    expect(await preferences(user.id)).toEqual({ mentions: 'daily', replies: 'never' });
  });

  it('accepts the token in the query string with no body at all', async () => {
    const user = await makeUser(t.db);
    const res = await t.app.inject({ method: 'POST', url: `/api/mail/unsubscribe?token=${unsubscribeToken(secret(), { userId: user.id, kind: 'watching' })}` });
    expect(res.statusCode).toBe(200);
    expect(await preferences(user.id)).toEqual({ watching: 'never' });
  });

  it('takes the token from a JSON body (the /afmelden page), and "all" switches every kind off', async () => {
    const user = await makeUser(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/mail/unsubscribe',
      payload: { token: unsubscribeToken(secret(), { userId: user.id, kind: 'all' }) },
    });
    expect(res.statusCode).toBe(200);
    expect(await preferences(user.id)).toEqual({ replies: 'never', mentions: 'never', watching: 'never', categories: 'never', messages: 'never' });
  });

  it('refuses a tampered or missing token with a Dutch 400 and changes nothing', async () => {
    const user = await makeUser(t.db);
    const token = unsubscribeToken(secret(), { userId: user.id, kind: 'watching' });
    const [, signature] = token.split('.');
    const tampered = `${Buffer.from(`${user.id}.all`).toString('base64url')}.${signature}`;
    for (const url of [`/api/mail/unsubscribe?token=${tampered}`, '/api/mail/unsubscribe?token=x', '/api/mail/unsubscribe']) {
      const res = await t.app.inject({ method: 'POST', url, payload: {} });
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_token', field: 'token' } });
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/afmeldlink klopt niet/);
    }
    expect(await preferences(user.id)).toEqual({});
  });

  it("with another member's token changes that member only, whoever is logged in", async () => {
    const { client, user: me } = await t.login();
    const other = await makeUser(t.db);
    const res = await client.post('/api/mail/unsubscribe', { token: unsubscribeToken(secret(), { userId: other.id, kind: 'categories' }) });
    expect(res.status).toBe(200);
    expect(await preferences(other.id)).toEqual({ categories: 'never' });
    expect(await preferences(me.id)).toEqual({});
  });

  it('is declared public and needs no CSRF token, unlike the other public writes', async () => {
    expect(t.app.accessTable).toContainEqual(expect.objectContaining({ method: 'POST', url: '/api/mail/unsubscribe', auth: 'public' }));
    // Registration, also public, still refuses a post without the CSRF token: the exemption is this route's alone.
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: {} });
    expect(res.statusCode).toBe(403);
  });
});

describe('GET /api/mail/unsubscribe/preview', () => {
  it('says what the link would switch off and changes nothing (link scanners follow GETs)', async () => {
    const user = await makeUser(t.db);
    const token = unsubscribeToken(secret(), { userId: user.id, kind: 'mentions' });
    const res = await t.guest().get(`/api/mail/unsubscribe/preview?token=${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ kind: 'mentions' });
    expect(await preferences(user.id)).toEqual({});
    expect((await t.guest().get('/api/mail/unsubscribe/preview?token=nope')).status).toBe(400);
  });
});
