import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTPS_REQUIRED_MESSAGE } from '../../server/auth/session-plugin.js';
import { users } from '../../server/db/schema.js';
import { DEFAULT_PASSWORD, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/**
 * Cookies are Secure exactly when the request is HTTPS (on the socket, or reported by a trusted proxy), and a
 * production server never hands out a cookie the browser would drop: over plain HTTP it says what to set instead.
 */
interface SetCookie {
  name: string;
  value: string;
  secure?: boolean;
  path?: string;
}

/** A browser's login from one address, with the given headers on every request: CSRF token first, then the login. */
async function login(t: TestApp, email: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') {
  const send = (options: InjectOptions) => t.app.inject({ remoteAddress, ...options, headers: { ...headers, ...options.headers } });
  const csrf = await send({ method: 'GET', url: '/api/auth/csrf' });
  const csrfCookies = csrf.cookies as SetCookie[];
  const cookieHeader = csrfCookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await send({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie: cookieHeader, 'x-csrf-token': csrf.json<{ token: string }>().token },
    payload: { email, password: DEFAULT_PASSWORD },
  });
  const cookies = res.cookies as SetCookie[];
  const me = async () => send({ method: 'GET', url: '/api/me', headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
  return { csrfCookies, res, cookies, me };
}

describe('in development', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => t.close());

  it('sends cookies without Secure over plain HTTP, and the member stays logged in', async () => {
    const user = await makeUser(t.db);
    const { csrfCookies, res, cookies, me } = await login(t, user.email);
    expect(res.statusCode).toBe(200);
    for (const cookie of [...csrfCookies, ...cookies]) expect(cookie.secure, cookie.name).toBeFalsy();
    expect(cookies.map((c) => c.name)).toContain('plein_session');
    expect((await me()).statusCode).toBe(200);
  });

  it('makes the session and CSRF cookies Secure when a trusted proxy reports HTTPS', async () => {
    const user = await makeUser(t.db);
    const { csrfCookies, res, cookies, me } = await login(t, user.email, { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    const session = cookies.find((c) => c.name === 'plein_session');
    expect(session?.secure).toBe(true);
    expect(csrfCookies.find((c) => c.name === 'plein_csrf')?.secure).toBe(true);
    expect((await me()).statusCode).toBe(200);
  });
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    // One named proxy: only a request from 10.0.0.5 may say it came in over HTTPS.
    t = await buildTestApp({ env: { NODE_ENV: 'production', STAFF_TOTP_REQUIRED: 'false', TRUST_PROXY: '10.0.0.5' } });
  });
  afterAll(() => t.close());

  it('gives Secure __Host- cookies over HTTPS through the trusted proxy', async () => {
    const user = await makeUser(t.db);
    const { csrfCookies, res, cookies, me } = await login(t, user.email, { 'x-forwarded-proto': 'https' }, '10.0.0.5');
    expect(res.statusCode).toBe(200);
    expect(csrfCookies.map((c) => [c.name, c.secure])).toEqual([['__Host-plein_csrf', true]]);
    expect(cookies.find((c) => c.name === '__Host-plein_session')).toMatchObject({ secure: true, path: '/' });
    expect((await me()).statusCode).toBe(200);
  });

  it('refuses a login over plain HTTP with a message that says what to set, and starts no session', async () => {
    const user = await makeUser(t.db);
    const { res, cookies } = await login(t, user.email, {}, '10.0.0.5');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: { code: 'https_required', message: HTTPS_REQUIRED_MESSAGE } });
    for (const words of ['PUBLIC_ORIGIN=https://', 'TRUST_PROXY=1', 'PUBLIC_ORIGIN=http://localhost:3000']) expect(HTTPS_REQUIRED_MESSAGE).toContain(words);
    expect(cookies.filter((c) => c.name.includes('session'))).toEqual([]);
  });

  it('does not believe X-Forwarded-Proto from a client that is not the proxy', async () => {
    const user = await makeUser(t.db);
    const { res, cookies } = await login(t, user.email, { 'x-forwarded-proto': 'https' }, '198.51.100.20');
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('https_required');
    expect(cookies).toEqual([]);
  });

  it('refuses a registration over plain HTTP and creates no account', async () => {
    const before = await t.db.$count(users);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: '198.51.100.21',
      payload: { email: 'nieuw.https@example.nl', password: 'een-lang-wachtwoord-https', displayName: 'Nieuw Https', party: 'Partij', municipality: 'Dorp' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('https_required');
    expect(await t.db.$count(users)).toBe(before);
  });

  it('still answers the health check over plain HTTP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
  });
});

describe('in production as a trial on http://localhost', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { NODE_ENV: 'production', STAFF_TOTP_REQUIRED: 'false', PUBLIC_ORIGIN: 'http://localhost:3000' } });
  });
  afterAll(() => t.close());

  it('logs in over plain HTTP with plain, non-Secure cookies, and keeps the member logged in', async () => {
    const user = await makeUser(t.db);
    const { res, cookies, me } = await login(t, user.email, { host: 'localhost:3000' });
    expect(res.statusCode).toBe(200);
    const session = cookies.find((c) => c.name === 'plein_session');
    expect(session?.secure).toBeFalsy();
    expect((await me()).statusCode).toBe(200);
    // HSTS or upgrade-insecure-requests would send the browser to https://localhost, where nothing listens.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });
});
