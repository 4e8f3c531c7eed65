import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { UserList } from '../../shared/api/users.js';
import { hashAccountToken } from '../../server/auth/account-tokens.js';
import { purgeUnconfirmedRegistrations } from '../../server/auth/email-confirmation.js';
import { accountTokens, notifications, users } from '../../server/db/schema.js';
import { DEFAULT_PASSWORD, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { linkIn, mailsTo } from './account-mail.js';

let smtp: TestSmtp;
let t: TestApp;
let moderator: { client: TestClient; user: { id: number } };
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
  moderator = await t.login({ role: 'moderator' });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

let n = 0;
const registration = (email: string, overrides: Record<string, unknown> = {}) => ({
  email,
  password: 'een-lang-wachtwoord',
  displayName: `Nieuw Lid ${++n}`,
  party: 'Gemeentebelangen Zeist',
  municipality: 'Zeist',
  representativeRole: 'raadslid',
  ...overrides,
});
const freshAddress = () => `aanmelder-${++n}-${Date.now()}@example.nl`;
const register = (body: Record<string, unknown>) => t.guest().post<{ status: string }>('/api/auth/register', body);
const confirmEmail = (token: string) => t.guest().post<{ status: string } & ErrorBody>('/api/auth/confirm-email', { token });
const userByEmail = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0];
const pendingList = async () => (await moderator.client.get<UserList>('/api/admin/users?status=pending&limit=100')).body.users.map((u) => u.email);
const waitingSignals = () => t.db.$count(notifications, and(eq(notifications.userId, moderator.user.id), eq(notifications.kind, 'registration_waiting')));

/** Sends the outbox and returns the newest mail to `email`. */
async function lastMailTo(email: string) {
  await t.app.mail.drain();
  const mails = mailsTo(smtp, email);
  expect(mails.length, `a mail to ${email}`).toBeGreaterThan(0);
  return mails.at(-1)!;
}

describe('confirming the address of a registration', () => {
  it('mails a link; until it is followed the account cannot log in and moderators do not see it', async () => {
    const email = freshAddress();
    const body = registration(email, { displayName: 'Anna Bevestigt' });
    expect((await register(body)).status).toBe(202);
    const mail = await lastMailTo(email);
    expect(mail.subject).toBe('Bevestig je e-mailadres voor Plein');
    expect(mail.text).toContain('Hallo Anna Bevestigt,');
    // What she confirms is named, since anyone can type her address.
    expect(mail.text).toContain('Partij: Gemeentebelangen Zeist');
    expect(mail.headers.get('list-unsubscribe')).toBeUndefined();
    const { token } = linkIn(mail, t.config.mail.siteUrl, '/bevestigen');

    const login = await t.guest().login(email, body.password);
    expect(login.status).toBe(403);
    expect((login.body as unknown as ErrorBody).error.code).toBe('email_unconfirmed');
    expect(await pendingList()).not.toContain(email);
    const signalsBefore = await waitingSignals();

    const confirmed = await confirmEmail(token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ status: 'pending' });
    expect(await pendingList()).toContain(email);
    expect(await waitingSignals()).toBe(signalsBefore + 1);
    expect((await t.guest().login(email, body.password)).status).toBe(200);

    // The link works once.
    const again = await confirmEmail(token);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_token');
    expect(await waitingSignals()).toBe(signalsBefore + 1);
  });

  it('refuses an expired link and an unknown one, and confirms nothing', async () => {
    const user = await makeUser(t.db, { status: 'pending', emailConfirmed: false });
    const token = 'verlopen-bevestiging-1234567890abcdefghijklmnopq';
    await t.db.insert(accountTokens).values({ tokenHash: hashAccountToken(token), userId: user.id, purpose: 'email_confirm', expiresAt: new Date(Date.now() - 1000) });
    expect((await confirmEmail(token)).body.error.code).toBe('invalid_token');
    expect((await confirmEmail('onzin')).body.error.code).toBe('invalid_token');
    expect((await userByEmail(user.email))!.emailConfirmedAt).toBeNull();
  });

  it('tells the owner of a confirmed account "je hebt al een account" and leaves her account exactly as it was', async () => {
    const owner = await makeUser(t.db, { displayName: 'Echte Eigenaar' });
    const before = await userByEmail(owner.email);
    const taken = await register(registration(owner.email.toUpperCase(), { displayName: 'Indringer Een', password: 'indringer-wachtwoord' }));
    const fresh = await register(registration(freshAddress()));
    expect(taken.status).toBe(202);
    expect(taken.body).toEqual(fresh.body);
    for (const header of ['set-cookie', 'content-type', 'content-length']) expect(taken.headers[header], header).toEqual(fresh.headers[header]);
    expect(await userByEmail(owner.email)).toEqual(before);
    expect(await t.db.$count(accountTokens, eq(accountTokens.userId, owner.id))).toBe(0);

    const mail = await lastMailTo(owner.email);
    expect(mail.subject).toBe('Je hebt al een account op Plein');
    expect(mail.text).toContain('Hallo Echte Eigenaar,');
    expect(mail.text).toContain(`${t.config.mail.siteUrl}/wachtwoord-vergeten`);
    expect(mail.text).not.toContain('Indringer');
    expect((await t.guest().login(owner.email, DEFAULT_PASSWORD)).status).toBe(200);
    expect((await t.guest().login(owner.email, 'indringer-wachtwoord')).status).toBe(401);
  });

  it('replaces an unconfirmed registration with a new one for the same address: only the newest link and details count', async () => {
    const email = freshAddress();
    await register(registration(email, { displayName: 'Kraker Karel', party: 'Verkeerde Partij', password: 'kraker-wachtwoord' }));
    const first = linkIn(await lastMailTo(email), t.config.mail.siteUrl, '/bevestigen').token;
    const before = await userByEmail(email);

    expect((await register(registration(email, { displayName: 'Echte Els', party: 'Lokaal Zeist', password: 'els-haar-wachtwoord' }))).status).toBe(202);
    const mail = await lastMailTo(email);
    expect(mail.text).toContain('Hallo Echte Els,');
    expect(mail.text).toContain('Partij: Lokaal Zeist');
    const second = linkIn(mail, t.config.mail.siteUrl, '/bevestigen').token;
    const after = await userByEmail(email);
    expect(after).toMatchObject({ id: before!.id, displayName: 'Echte Els', party: 'Lokaal Zeist', status: 'pending', emailConfirmedAt: null });

    expect((await confirmEmail(first)).body.error.code).toBe('invalid_token');
    expect((await confirmEmail(second)).body).toEqual({ status: 'pending' });
    expect((await t.guest().login(email, 'kraker-wachtwoord')).status).toBe(401);
    expect((await t.guest().login(email, 'els-haar-wachtwoord')).status).toBe(200);
  });

  it('lets the owner register again with the name her unconfirmed registration had, but not with another account’s name', async () => {
    const email = freshAddress();
    await register(registration(email, { displayName: 'Dezelfde Naam' }));
    expect((await register(registration(email, { displayName: 'Dezelfde Naam' }))).status).toBe(202);
    await makeUser(t.db, { displayName: 'Bezette Naam' });
    const taken = await register(registration(email, { displayName: 'Bezette Naam' }));
    expect(taken.status).toBe(409);
    expect((taken.body as unknown as ErrorBody).error.code).toBe('display_name_taken');
    expect((await userByEmail(email))!.displayName).toBe('Dezelfde Naam');
  });

  it('resends the link when the owner logs in with the right password, at most once per ten minutes', async () => {
    const email = freshAddress();
    const body = registration(email);
    await register(body);
    await lastMailTo(email);
    const count = () => mailsTo(smtp, email).length;

    // Just mailed: logging in sends nothing new.
    expect((await t.guest().login(email, body.password)).status).toBe(403);
    await t.app.mail.drain();
    expect(count()).toBe(1);

    // A wrong password never sends anything.
    const user = (await userByEmail(email))!;
    await t.db.update(accountTokens).set({ createdAt: sql`now() - interval '11 minutes'` }).where(eq(accountTokens.userId, user.id));
    expect((await t.guest().login(email, 'een-fout-wachtwoord')).status).toBe(401);
    await t.app.mail.drain();
    expect(count()).toBe(1);

    // Eleven minutes on, the right password brings a new link.
    const login = await t.guest().login(email, body.password);
    expect(login.status).toBe(403);
    expect((login.body as unknown as ErrorBody).error.message).toMatch(/nieuwe link/);
    const { token } = linkIn(await lastMailTo(email), t.config.mail.siteUrl, '/bevestigen');
    expect(count()).toBe(2);
    expect((await confirmEmail(token)).status).toBe(200);
  });

  it('sends at most three registration mails to one address an hour, answering 202 all the same', async () => {
    const email = freshAddress();
    for (let i = 0; i < 3; i++) {
      await register(registration(email));
      await lastMailTo(email);
    }
    const fourth = await register(registration(email));
    expect(fourth.status).toBe(202);
    await t.app.mail.drain();
    expect(mailsTo(smtp, email)).toHaveLength(3);
  });
});

describe('purging registrations never confirmed', () => {
  it('deletes an unconfirmed registration whose links expired, with expired tokens; keeps the rest', async () => {
    const old = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    const expired = await makeUser(t.db, { status: 'pending', emailConfirmed: false, createdAt: old });
    const live = await makeUser(t.db, { status: 'pending', emailConfirmed: false, createdAt: old });
    const confirmed = await makeUser(t.db, { status: 'pending', createdAt: old });
    const decided = await makeUser(t.db, { status: 'rejected', emailConfirmed: false, createdAt: old });
    const token = (userId: number, hours: number, purpose: 'email_confirm' | 'password_reset' = 'email_confirm') => ({
      tokenHash: hashAccountToken(`purge-${userId}-${purpose}-${hours}`),
      userId,
      purpose,
      expiresAt: new Date(Date.now() + hours * 3600 * 1000),
    });
    await t.db.insert(accountTokens).values([token(expired.id, -1), token(live.id, -2), token(live.id, 5), token(confirmed.id, -1), token(decided.id, -1), token(confirmed.id, 1, 'password_reset')]);

    await purgeUnconfirmedRegistrations(t.db, new Date());

    expect(await userByEmail(expired.email)).toBeUndefined();
    for (const kept of [live, confirmed, decided]) expect(await userByEmail(kept.email), kept.email).toBeDefined();
    const left = await t.db.select({ userId: accountTokens.userId, purpose: accountTokens.purpose }).from(accountTokens).where(sql`${accountTokens.userId} in (${sql.join([expired.id, live.id, confirmed.id, decided.id], sql`, `)})`);
    // The registration's tokens went with it; expired tokens of accounts that stay are the retention round's accountTokens rule.
    expect(left.sort((a, b) => a.userId - b.userId || a.purpose.localeCompare(b.purpose))).toEqual([
      { userId: live.id, purpose: 'email_confirm' },
      { userId: live.id, purpose: 'email_confirm' },
      { userId: confirmed.id, purpose: 'email_confirm' },
      { userId: confirmed.id, purpose: 'password_reset' },
      { userId: decided.id, purpose: 'email_confirm' },
    ]);
  });

  it('frees the address for its owner: she can register it again', async () => {
    const email = freshAddress();
    await register(registration(email, { displayName: 'Verlopen Vincent' }));
    const user = (await userByEmail(email))!;
    await t.db.update(users).set({ createdAt: new Date(Date.now() - 3 * 24 * 3600 * 1000) }).where(eq(users.id, user.id));
    await t.db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accountTokens.userId, user.id));
    await purgeUnconfirmedRegistrations(t.db, new Date());
    expect(await userByEmail(email)).toBeUndefined();
    // Its name is free again too.
    expect((await register(registration(freshAddress(), { displayName: 'Verlopen Vincent' }))).status).toBe(202);
  });
});
