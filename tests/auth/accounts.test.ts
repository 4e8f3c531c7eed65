import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, sessions, users } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const registration = (email: string) => ({
  email,
  password: 'een-lang-wachtwoord',
  displayName: 'Anna de Vries',
  party: 'Gemeentebelangen Zeist',
  municipality: 'Zeist',
  representativeRole: 'raadslid',
});

describe('registration and login', () => {
  it('registers a pending account that, once its address is confirmed, can log in but not use the forum', async () => {
    const guest = t.guest();
    const res = await guest.post('/api/auth/register', registration('Anna@Example.nl'));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'received' });

    // Not before the link in the confirmation mail is followed (tests/auth/email-confirmation.test.ts reads the mail).
    const early = await guest.login('anna@example.nl', 'een-lang-wachtwoord');
    expect(early.status).toBe(403);
    expect((early.body as unknown as { error: { code: string } }).error.code).toBe('email_unconfirmed');
    const [queued] = await t.db.select({ data: mailOutbox.data }).from(mailOutbox).innerJoin(users, eq(users.id, mailOutbox.userId)).where(eq(users.email, 'anna@example.nl'));
    const { token } = queued!.data as { token: string };
    expect((await guest.post('/api/auth/confirm-email', { token })).status).toBe(200);

    const login = await guest.login('anna@example.nl', 'een-lang-wachtwoord');
    expect(login.status).toBe(200);
    const me = await guest.get<{ user: { status: string; role: string; representativeRole: string; displayName: string } }>('/api/me');
    expect(me.body.user).toMatchObject({ status: 'pending', role: 'member', representativeRole: 'raadslid', displayName: 'Anna de Vries' });
    const categories = await guest.get<{ error: { code: string } }>('/api/categories');
    expect(categories.status).toBe(403);
    expect(categories.body.error.code).toBe('account_pending');
  });

  it('answers a registration for a taken e-mail exactly like a new one, and leaves the account alone', async () => {
    const existing = await makeUser(t.db, { displayName: 'Bestaand Lid' });
    const [before] = await t.db.select().from(users).where(eq(users.id, existing.id));
    const taken = await t.guest().post('/api/auth/register', { ...registration(existing.email.toUpperCase()), displayName: 'Indringer' });
    const fresh = await t.guest().post('/api/auth/register', { ...registration('nieuw-adres@example.nl'), displayName: 'Nieuwe Naam' });
    expect(taken.status).toBe(202);
    expect(taken.body).toEqual(fresh.body);
    // Headers that could tell them apart: cookies, and the answer's type and length.
    for (const header of ['set-cookie', 'content-type', 'content-length']) expect(taken.headers[header], header).toEqual(fresh.headers[header]);
    const [after] = await t.db.select().from(users).where(eq(users.id, existing.id));
    expect(after).toEqual(before);
    expect(await t.db.$count(users, eq(users.email, existing.email))).toBe(1);
  });

  it('names the field of bad registration input and writes nothing', async () => {
    const before = await t.db.$count(users);
    for (const [body, field] of [
      [{ ...registration('x@example.nl'), email: 'geen-email' }, 'email'],
      [{ ...registration('x@example.nl'), password: 'kort' }, 'password'],
      [{ ...registration('x@example.nl'), representativeRole: 'koning' }, 'representativeRole'],
      [{ ...registration('x@example.nl'), displayName: '   ' }, 'displayName'],
      [{ email: 'x@example.nl' }, 'password'],
    ] as const) {
      const res = await t.guest().post<{ error: { code: string; field: string } }>('/api/auth/register', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.field).toBe(field);
    }
    expect(await t.db.$count(users)).toBe(before);
  });

  it('gives one answer for an unknown e-mail and a wrong password', async () => {
    const unknown = await t.guest().login('niemand@example.nl', 'een-lang-wachtwoord');
    const wrong = await t.guest().login('anna@example.nl', 'fout-wachtwoord');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('issues a new session id at login (no session fixation) and stores only its hash', async () => {
    const user = await makeUser(t.db);
    const client = t.guest();
    // A session cookie planted before login must not survive it.
    client.cookies.set('plein_session', 'planted-by-an-attacker');
    await client.login(user.email, 'wachtwoord-123');
    const cookie = client.cookies.get('plein_session')!;
    expect(cookie).toBeTruthy();
    expect(cookie).not.toContain('planted');
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    const rawId = decodeURIComponent(cookie).split('.')[0]!;
    expect(rows[0]!.idHash).not.toContain(rawId);
    expect(rows[0]!.idHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('logs out: the session is gone from the database and the cookie no longer works', async () => {
    const { client, user } = await t.login();
    expect((await client.get('/api/me')).status).toBe(200);
    const oldCookie = client.cookieHeader;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(await t.db.$count(sessions, eq(sessions.userId, user.id))).toBe(0);
    const replay = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: oldCookie } });
    expect(replay.statusCode).toBe(401);
  });

  it('ends a session at its expiry: the cookie then counts for nothing', async () => {
    const { client, user } = await t.login();
    expect((await client.get('/api/me')).status).toBe(200);
    await t.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, user.id));
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('logs out everywhere: every session of the user ends', async () => {
    const { client: laptop, user } = await t.login();
    const phone = await t.loginAs(user);
    expect((await laptop.post('/api/auth/logout-everywhere')).status).toBe(204);
    expect((await phone.get('/api/me')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without a valid token', async () => {
    const { client } = await t.login();
    const missing = await client.post<{ error: { code: string } }>('/api/threads', { categorySlug: 'algemeen', title: 'Zonder token', body: 'x' }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf_invalid');
    client.csrfToken = 'vervalst';
    const forged = await client.post<{ error: { code: string } }>('/api/threads', { categorySlug: 'algemeen', title: 'Vals token', body: 'x' });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_invalid');
  });

  it("does not accept a guest's token after login", async () => {
    const { user } = await t.login();
    const client = t.guest();
    const guestToken = await client.refreshCsrf();
    await client.login(user.email, 'wachtwoord-123');
    client.csrfToken = guestToken;
    const res = await client.post('/api/threads', { categorySlug: 'algemeen', title: 'Oud token', body: 'x' });
    expect(res.status).toBe(403);
  });
});

describe('access', () => {
  it('answers 401 to guests on /api/me and the forum', async () => {
    for (const url of ['/api/me', '/api/categories', '/api/categories/fuseren/threads', '/api/threads/1', '/api/admin/users']) {
      const res = await t.guest().get<{ error: { code: string } }>(url);
      expect(res.status, url).toBe(401);
      expect(res.body.error.code).toBe('not_logged_in');
    }
  });

  it('answers 403 to suspended and rejected accounts', async () => {
    const { client: suspended } = await t.login({ status: 'suspended' });
    expect((await suspended.get<{ error: { code: string } }>('/api/categories')).body.error.code).toBe('account_suspended');
    const { client: rejected } = await t.login({ status: 'rejected' });
    expect((await rejected.get<{ error: { code: string } }>('/api/categories')).body.error.code).toBe('account_rejected');
  });

  it('lifts a suspension whose end has passed', async () => {
    const { client, user } = await t.login({ status: 'suspended' });
    await t.db.update(users).set({ suspendedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, user.id));
    expect((await client.get('/api/categories')).status).toBe(200);
  });
});
