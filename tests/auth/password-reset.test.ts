import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import { hashAccountToken } from '../../server/auth/account-tokens.js';
import { accountTokens, mailOutbox, notifications, sessions, users } from '../../server/db/schema.js';
import { DEFAULT_PASSWORD, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { linkIn, mailsTo } from './account-mail.js';

let smtp: TestSmtp;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const NEW_PASSWORD = 'een-nieuw-lang-wachtwoord';
const requestReset = (email: string) => t.guest().post<{ status: string }>('/api/auth/password-reset', { email });
const confirm = (token: string, password = NEW_PASSWORD) => t.guest().post<ErrorBody>('/api/auth/password-reset/confirm', { token, password });
const passwordHashOf = async (id: number) => (await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id)))[0]!.hash;

/** Asks for a reset of `email`, sends the outbox, and returns the token of the link in the mail that arrived. */
async function resetLink(email: string): Promise<string> {
  const before = mailsTo(smtp, email).length;
  expect((await requestReset(email)).status).toBe(202);
  await t.app.mail.drain();
  const mails = mailsTo(smtp, email);
  expect(mails).toHaveLength(before + 1);
  return linkIn(mails.at(-1)!, t.config.mail.siteUrl, '/wachtwoord-herstellen').token;
}

describe('wachtwoord vergeten', () => {
  it('mails a link that sets a new password once; the old password stops working', async () => {
    const user = await makeUser(t.db, { displayName: 'Vergeetachtige Vera' });
    const res = await requestReset(user.email.toUpperCase());
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'received' });
    await t.app.mail.drain();
    const [mail] = mailsTo(smtp, user.email);
    expect(mail!.subject).toBe('Een nieuw wachtwoord kiezen voor Plein');
    expect(mail!.text).toContain('Hallo Vergeetachtige Vera,');
    // Account mail is always sent: no unsubscribe.
    expect(mail!.headers.get('list-unsubscribe')).toBeUndefined();
    const { token } = linkIn(mail!, t.config.mail.siteUrl, '/wachtwoord-herstellen');
    // Only the hash is stored.
    const [row] = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(row!.tokenHash).toBe(hashAccountToken(token));
    expect(row!.tokenHash).not.toContain(token);

    expect((await confirm(token)).status).toBe(204);
    expect((await t.guest().login(user.email, NEW_PASSWORD)).status).toBe(200);
    expect((await t.guest().login(user.email, DEFAULT_PASSWORD)).status).toBe(401);

    // A used link changes nothing.
    const hash = await passwordHashOf(user.id);
    const again = await confirm(token, 'nog-een-ander-wachtwoord');
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 'invalid_token', field: 'token' });
    expect(await passwordHashOf(user.id)).toBe(hash);
  });

  it('ends every session of the account, and tells the live sockets', async () => {
    const { client: laptop, user } = await t.login();
    const phone = await t.loginAs(user);
    const revoked: number[] = [];
    const listener = ({ userId }: { userId: number }) => revoked.push(userId);
    t.app.authEvents.on('revoked', listener);
    try {
      expect((await confirm(await resetLink(user.email))).status).toBe(204);
    } finally {
      t.app.authEvents.off('revoked', listener);
    }
    expect(revoked).toEqual([user.id]);
    expect(await t.db.$count(sessions, eq(sessions.userId, user.id))).toBe(0);
    expect((await laptop.get('/api/me')).status).toBe(401);
    expect((await phone.get('/api/me')).status).toBe(401);
  });

  it('refuses an expired link and changes nothing', async () => {
    const user = await makeUser(t.db);
    const token = 'verlopen-token-voor-de-proef-1234567890abcdefghij';
    await t.db.insert(accountTokens).values({ tokenHash: hashAccountToken(token), userId: user.id, purpose: 'password_reset', expiresAt: new Date(Date.now() - 1000) });
    const hash = await passwordHashOf(user.id);
    const res = await confirm(token);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_token');
    expect(res.body.error.message).toMatch(/link/);
    expect(await passwordHashOf(user.id)).toBe(hash);
    const [row] = await t.db.select().from(accountTokens).where(eq(accountTokens.tokenHash, hashAccountToken(token)));
    expect(row!.usedAt).toBeNull();
  });

  it('refuses a confirmation link as a reset link, and an unknown one', async () => {
    const user = await makeUser(t.db);
    const token = 'bevestigingslink-geen-herstellink-1234567890abcdef';
    await t.db.insert(accountTokens).values({ tokenHash: hashAccountToken(token), userId: user.id, purpose: 'email_confirm', expiresAt: new Date(Date.now() + 3600_000) });
    expect((await confirm(token)).body.error.code).toBe('invalid_token');
    expect((await confirm('bestaat-niet')).body.error.code).toBe('invalid_token');
    expect((await t.guest().login(user.email, DEFAULT_PASSWORD)).status).toBe(200);
  });

  it('checks the new password against the policy before using up the link', async () => {
    const user = await makeUser(t.db);
    const token = await resetLink(user.email);
    const weak = await confirm(token, 'aaaaaaaaaaaaaaaa');
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'weak_password', field: 'password' });
    expect((await confirm(token)).status).toBe(204);
  });

  it('lets only the newest link work', async () => {
    const user = await makeUser(t.db);
    const first = await resetLink(user.email);
    const second = await resetLink(user.email);
    expect((await confirm(first)).body.error.code).toBe('invalid_token');
    expect((await confirm(second)).status).toBe(204);
  });

  it('answers an unknown address exactly like a known one, and mails nobody', async () => {
    const user = await makeUser(t.db);
    const unknown = `niemand-${Date.now()}@example.nl`;
    const tokensBefore = await t.db.$count(accountTokens);
    const known = await requestReset(user.email);
    const stranger = await requestReset(unknown);
    expect(stranger.status).toBe(known.status);
    expect(stranger.body).toEqual(known.body);
    for (const header of ['set-cookie', 'content-type', 'content-length']) expect(stranger.headers[header], header).toEqual(known.headers[header]);
    expect(await t.db.$count(accountTokens)).toBe(tokensBefore + 1);
    await t.app.mail.drain();
    expect(mailsTo(smtp, unknown)).toHaveLength(0);
    expect(mailsTo(smtp, user.email)).toHaveLength(1);
    expect(await t.db.$count(mailOutbox)).toBe(0);
  });

  it('sends at most three reset mails to one address an hour, and still answers 202', async () => {
    const user = await makeUser(t.db);
    for (let i = 0; i < 3; i++) await resetLink(user.email);
    const fourth = await requestReset(user.email);
    expect(fourth.status).toBe(202);
    expect(fourth.body).toEqual({ status: 'received' });
    await t.app.mail.drain();
    expect(mailsTo(smtp, user.email)).toHaveLength(3);
    // The limit is per address: another account is not held back by it.
    await resetLink((await makeUser(t.db)).email);
  });

  it('counts following the link as confirming the address: a waiting registration reaches the moderators', async () => {
    const moderator = await makeUser(t.db, { role: 'moderator' });
    const user = await makeUser(t.db, { status: 'pending', emailConfirmed: false });
    expect((await confirm(await resetLink(user.email))).status).toBe(204);
    const [row] = await t.db.select({ confirmedAt: users.emailConfirmedAt }).from(users).where(eq(users.id, user.id));
    expect(row!.confirmedAt).not.toBeNull();
    expect(await t.db.$count(notifications, and(eq(notifications.userId, moderator.id), eq(notifications.kind, 'registration_waiting')))).toBe(1);
    const login = await t.guest().login(user.email, NEW_PASSWORD);
    expect(login.status).toBe(200);
  });
});

describe('limits per client', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await buildTestApp({ env: { RATE_LIMIT_AUTH_MAX: '3' } });
  });
  afterAll(() => limited.close());

  it('refuses a fourth reset request, or a fourth new password, from one client within the window', async () => {
    const requests: number[] = [];
    for (let i = 0; i < 4; i++) requests.push((await limited.guest().post('/api/auth/password-reset', { email: `een${i}@example.nl` })).status);
    expect(requests).toEqual([202, 202, 202, 429]);
    const confirms: number[] = [];
    for (let i = 0; i < 4; i++) confirms.push((await limited.guest().post('/api/auth/password-reset/confirm', { token: `gok-${i}`, password: NEW_PASSWORD })).status);
    expect(confirms).toEqual([400, 400, 400, 429]);
  });
});
