import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { hashSessionId } from '../../server/auth/session-store.js';
import { sessions } from '../../server/db/schema.js';
import { DEFAULT_PASSWORD, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { captureStream } from '../helpers/log-capture.js';

const DAY = 24 * 3600 * 1000;
// Written out rather than imported, so the test states the rule (and ran against the code before it).
const SESSION_IDLE_MS = 14 * DAY;
const SESSION_ABSOLUTE_MS = 30 * DAY;

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** Rewrites fields of the stored session's data, as if the session had been made or renewed earlier. */
async function editSessionData(userId: number, fields: Record<string, number>) {
  await t.db.execute(sql`update sessions set data = data || ${JSON.stringify(fields)}::jsonb where user_id = ${userId}`);
}

describe('session lifetime', () => {
  it('stores the login time and an idle expiry of 14 days', async () => {
    const before = Date.now();
    const { user } = await t.login();
    const [row] = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect((row!.data as { loginAt: number }).loginAt).toBeGreaterThanOrEqual(before);
    expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + SESSION_IDLE_MS - 1000);
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + SESSION_IDLE_MS + 1000);
  });

  it('logs a session out 30 days after its login, however recently it was used', async () => {
    const { client, user } = await t.login();
    expect((await client.get('/api/me')).status).toBe(200);
    // Used (renewed) just now, but logged in 31 days ago.
    await editSessionData(user.id, { loginAt: Date.now() - 31 * DAY, renewedAt: Date.now() });
    const res = await client.get<{ error: { code: string } }>('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('not_logged_in');
    // Logged out means gone: the row is destroyed, not merely ignored.
    expect(await t.db.$count(sessions, eq(sessions.userId, user.id))).toBe(0);
    // And the browser can log in again as usual (with a guest's CSRF token, as the SPA fetches after a 401).
    await client.refreshCsrf();
    expect((await client.login(user.email, DEFAULT_PASSWORD)).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('renews the idle expiry halfway, but never beyond the absolute end', async () => {
    const { client, user } = await t.login();
    const loginAt = Date.now() - 29 * DAY;
    // Last renewed 8 days ago (past half the idle lifetime): this request renews, but only up to loginAt + 30 days.
    await editSessionData(user.id, { loginAt, renewedAt: Date.now() - 8 * DAY });
    expect((await client.get('/api/me')).status).toBe(200);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect((row!.data as { renewedAt: number }).renewedAt).toBeGreaterThan(Date.now() - DAY);
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(loginAt + SESSION_ABSOLUTE_MS);
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('keeps the login time across a password change (a new session id is not a new login)', async () => {
    const { client, user } = await t.login();
    const loginAt = Date.now() - 10 * DAY;
    await editSessionData(user.id, { loginAt });
    const res = await client.post('/api/me/password', { currentPassword: DEFAULT_PASSWORD, newPassword: 'een-ander-lang-wachtwoord' });
    expect(res.status).toBe(204);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect((row!.data as { loginAt: number }).loginAt).toBe(loginAt);
  });
});

describe('cookies in production', () => {
  let prod: TestApp;
  beforeAll(async () => {
    // Production cookies are Secure; the session library sets one only over HTTPS, which a proxy reports.
    prod = await buildTestApp({ env: { NODE_ENV: 'production', TRUST_PROXY: '1' } });
  });
  afterAll(() => prod.close());

  const https = { 'x-forwarded-proto': 'https' };
  const setCookies = (res: { cookies: unknown }) => res.cookies as { name: string; value: string; secure?: boolean; path?: string; domain?: string }[];

  it('gives the session, CSRF and device cookies the __Host- prefix, and they work', async () => {
    const user = await makeUser(prod.db);
    const csrf = await prod.app.inject({ method: 'GET', url: '/api/auth/csrf', headers: https });
    const [csrfCookie] = setCookies(csrf);
    expect(csrfCookie).toMatchObject({ name: '__Host-plein_csrf', secure: true, path: '/' });
    const token = csrf.json<{ token: string }>().token;
    const login = await prod.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { ...https, cookie: `${csrfCookie!.name}=${csrfCookie!.value}`, 'x-csrf-token': token },
      payload: { email: user.email, password: DEFAULT_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookies = setCookies(login);
    expect(cookies.map((c) => c.name).sort()).toEqual(['__Host-plein_device', '__Host-plein_session']);
    for (const cookie of cookies) {
      // What the browser demands of a __Host- cookie: Secure, Path=/ and no Domain.
      expect(cookie, cookie.name).toMatchObject({ secure: true, path: '/' });
      expect(cookie.domain, cookie.name).toBeUndefined();
    }
    const session = cookies.find((c) => c.name === '__Host-plein_session')!;
    const me = await prod.app.inject({ method: 'GET', url: '/api/me', headers: { ...https, cookie: `${session.name}=${session.value}` } });
    expect(me.statusCode).toBe(200);
    // The unprefixed name no longer counts: a cookie planted under it opens nothing.
    const planted = await prod.app.inject({ method: 'GET', url: '/api/me', headers: { ...https, cookie: `plein_session=${session.value}` } });
    expect(planted.statusCode).toBe(401);
  });
});

describe('purging expired sessions', () => {
  it('deletes expired sessions as soon as the app is ready, and keeps live ones', async () => {
    const database = await createTestDatabase();
    try {
      const user = await makeUser(database.db);
      const row = (id: string, expiresAt: Date) => ({ idHash: hashSessionId(id), userId: user.id, data: { userId: user.id, loginAt: Date.now() }, expiresAt });
      await database.db.insert(sessions).values([row('verlopen', new Date(Date.now() - 1000)), row('levend', new Date(Date.now() + DAY))]);
      const app = await buildApp({ config: testConfig(), database, logger: { level: 'error', stream: captureStream() }, searchWorker: false });
      try {
        await app.ready();
        const left = await database.db.select({ idHash: sessions.idHash }).from(sessions);
        expect(left.map((r) => r.idHash)).toEqual([hashSessionId('levend')]);
      } finally {
        await app.close();
      }
    } finally {
      await database.drop();
    }
  });
});
