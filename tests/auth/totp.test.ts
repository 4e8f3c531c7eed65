import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { RecoveryCodeList, TotpSetup, TotpStatus } from '../../shared/api/totp.js';
import type { LoginAnswer, UserBody } from '../../shared/api/users.js';
import { moderationActions, notifications, totpCredentials } from '../../server/db/schema.js';
import { DEFAULT_PASSWORD, makeUser } from '../../server/dev/factories.js';
import { CODE_FAILURES_MAX, CODES_PER_LOGIN } from '../../server/auth/totp-routes.js';
import { currentCode, enableTotpDirectly, matchingStep, SETUP_MS, setupValid, signSetup } from '../../server/auth/totp.js';
import type { CurrentUser } from '../../server/auth/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

/** The second login step (server/auth/totp.ts, totp-routes.ts): setting it up, logging in with it, and its limits. */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const NEXT_STEP = 30_000;
const told = async (userId: number) => (await t.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind);

/** What goes back with the first code: the offered secret and its token. */
const offered = (setup: TotpSetup) => ({ secret: setup.secret, setupToken: setup.setupToken });

/** Password step for `user`: the client now waits for the code (202), holding the challenge's CSRF token. */
async function passwordStep(user: CurrentUser & { email: string }): Promise<TestClient> {
  const client = t.guest();
  const res = await client.post<{ status: string; csrfToken: string }>('/api/auth/login', { email: user.email, password: DEFAULT_PASSWORD });
  expect(res.status).toBe(202);
  expect(res.body.status).toBe('totp_required');
  client.csrfToken = res.body.csrfToken;
  return client;
}

async function withTotp(options: Parameters<typeof makeUser>[1] = {}) {
  const user = await makeUser(t.db, options);
  const secret = await enableTotpDirectly(t.db, user.id);
  return { user, secret };
}

describe('setting up the second step', () => {
  it('offers a secret with its QR code, accepts it only with a right code, answers ten recovery codes once, and logs out every other session', async () => {
    const { user, client } = await t.login();
    const other = await t.loginAs(user);
    expect((await client.get<TotpStatus>('/api/me/totp')).body).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });

    // A secret that was not offered to her, or not with this token, is refused; offering one writes nothing.
    const forged = await client.post<ErrorBody>('/api/me/totp/enable', { code: '123456', secret: 'A'.repeat(32), setupToken: `${Date.now() + 60_000}.abc` });
    expect(forged.body.error.code).toBe('totp_setup_expired');
    const setup = await client.post<TotpSetup>('/api/me/totp/setup');
    const elsewhere = await (await t.login()).client.post<TotpSetup>('/api/me/totp/setup');
    const theirs = await client.post<ErrorBody>('/api/me/totp/enable', { code: currentCode(elsewhere.body.secret), secret: elsewhere.body.secret, setupToken: elsewhere.body.setupToken });
    expect(theirs.body.error.code).toBe('totp_setup_expired');
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(setup.body.uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(setup.body.secret);
    expect(uri.searchParams.get('issuer')).toBe('Plein');
    expect(setup.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);

    const wrong = await client.post<ErrorBody>('/api/me/totp/enable', { ...offered(setup.body), code: '000000' === currentCode(setup.body.secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'invalid_code', field: 'code' });
    expect((await client.post<ErrorBody>('/api/me/totp/enable', { ...offered(setup.body), code: 'abcdef' })).status).toBe(400);
    expect((await client.get<TotpStatus>('/api/me/totp')).body.enabled).toBe(false);

    const enabled = await client.post<RecoveryCodeList>('/api/me/totp/enable', { ...offered(setup.body), code: currentCode(setup.body.secret) });
    expect(enabled.status).toBe(200);
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    expect(new Set(enabled.body.recoveryCodes).size).toBe(10);
    for (const code of enabled.body.recoveryCodes) expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    // This browser goes on; the other session is over.
    expect((await client.get<UserBody>('/api/me')).body.user).toMatchObject({ id: user.id, totpEnabled: true });
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await client.get<TotpStatus>('/api/me/totp')).body).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect(await told(user.id)).toContain('totp_enabled');
    // Set up once: a second setup is refused until it is turned off.
    expect((await client.post<ErrorBody>('/api/me/totp/setup')).body.error.code).toBe('totp_enabled');
  });
});

describe('logging in with the second step', () => {
  it('asks for the code after the right password, logs in only with it, and on a new session id each time', async () => {
    const { user, secret } = await withTotp();
    const guest = t.guest();
    await guest.refreshCsrf();
    const before = guest.cookieHeader;
    const client = await passwordStep(user);
    // Not logged in yet: the password alone opens nothing.
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await client.get('/api/categories')).status).toBe(401);
    const challenged = client.cookieHeader;
    expect(challenged).not.toBe(before);

    const wrong = await client.post<ErrorBody>('/api/auth/login/totp', { code: currentCode(secret, Date.now() - 10 * NEXT_STEP) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_code');
    const res = await client.post<LoginAnswer>('/api/auth/login/totp', { code: currentCode(secret) });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: user.id, totpEnabled: true });
    client.csrfToken = res.body.csrfToken;
    expect(client.cookieHeader).not.toBe(challenged);
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
  });

  it('accepts each code once: the same code in a second login is refused (no replay), the next one is accepted', async () => {
    const { user, secret } = await withTotp();
    const now = Date.now();
    const first = await passwordStep(user);
    expect((await first.post('/api/auth/login/totp', { code: currentCode(secret, now) })).status).toBe(200);
    const second = await passwordStep(user);
    const replay = await second.post<ErrorBody>('/api/auth/login/totp', { code: currentCode(secret, now) });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('invalid_code');
    expect((await second.post('/api/auth/login/totp', { code: currentCode(secret, now + NEXT_STEP) })).status).toBe(200);
  });

  it('takes a recovery code instead, once, and tells her how many are left', async () => {
    const { user, client } = await t.login();
    const setup = await client.post<TotpSetup>('/api/me/totp/setup');
    const { recoveryCodes } = (await client.post<RecoveryCodeList>('/api/me/totp/enable', { ...offered(setup.body), code: currentCode(setup.body.secret) })).body;
    const first = await passwordStep(user);
    // Typed in lower case and without dashes, it is still hers.
    const res = await first.post<LoginAnswer>('/api/auth/login/totp', { recoveryCode: recoveryCodes[0]!.toLowerCase().replace(/-/g, ' ') });
    expect(res.status).toBe(200);
    const [note] = (await t.db.select().from(notifications).where(eq(notifications.userId, user.id))).filter((n) => n.kind === 'recovery_code_used');
    expect(note?.message).toContain('nog 9');
    const again = await passwordStep(user);
    const used = await again.post<ErrorBody>('/api/auth/login/totp', { recoveryCode: recoveryCodes[0]! });
    expect(used.status).toBe(401);
    expect(used.body.error.code).toBe('invalid_code');
    // Someone else's code is no code of hers.
    const stranger = await withTotp();
    const theirs = await passwordStep(stranger.user);
    expect((await theirs.post('/api/auth/login/totp', { recoveryCode: recoveryCodes[1]! })).status).toBe(401);
  });

  it('ends the login after five wrong codes, and refuses every code for the account after ten, the right one too', async () => {
    const { user, secret } = await withTotp();
    const wrongCode = () => (currentCode(secret) === '000000' ? '999999' : '000000');
    const client = await passwordStep(user);
    for (let i = 1; i < CODES_PER_LOGIN; i++) expect((await client.post<ErrorBody>('/api/auth/login/totp', { code: wrongCode() })).body.error.code).toBe('invalid_code');
    const last = await client.post<ErrorBody>('/api/auth/login/totp', { code: wrongCode() });
    expect(last.body.error.code).toBe('totp_expired');
    expect((await client.post<ErrorBody>('/api/auth/login/totp', { code: currentCode(secret) })).body.error.code).toBe('totp_expired');

    // The wrong codes count per account, across logins: a new password step buys no new guesses.
    const next = await passwordStep(user);
    for (let i = CODES_PER_LOGIN; i < CODE_FAILURES_MAX; i++) await next.post('/api/auth/login/totp', { code: wrongCode() });
    const third = await passwordStep(user);
    const locked = await third.post<ErrorBody>('/api/auth/login/totp', { code: currentCode(secret) });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    expect(locked.headers['retry-after']).toBeDefined();
    const [credential] = await t.db.select().from(totpCredentials).where(eq(totpCredentials.userId, user.id));
    expect(credential!.lastStep).toBe(0); // no code was accepted
  });

  it('refuses a code with no password step before it, and a body without a code', async () => {
    const guest = t.guest();
    const res = await guest.post<ErrorBody>('/api/auth/login/totp', { code: '123456' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('totp_expired');
    const { user } = await withTotp();
    const client = await passwordStep(user);
    expect((await client.post<ErrorBody>('/api/auth/login/totp', {})).status).toBe(400);
    expect((await client.post<ErrorBody>('/api/auth/login/totp', { code: '12345' })).status).toBe(400);
  });
});

describe('changing the second step', () => {
  it('makes new recovery codes and turns it off only with her password, and tells her each time', async () => {
    const { user, client } = await t.login();
    const setup = await client.post<TotpSetup>('/api/me/totp/setup');
    const old = (await client.post<RecoveryCodeList>('/api/me/totp/enable', { ...offered(setup.body), code: currentCode(setup.body.secret) })).body.recoveryCodes;

    const wrong = await client.post<ErrorBody>('/api/me/totp/recovery-codes', { password: 'niet-mijn-wachtwoord' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'wrong_password', field: 'password' });
    const fresh = await client.post<RecoveryCodeList>('/api/me/totp/recovery-codes', { password: DEFAULT_PASSWORD });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes.some((c) => old.includes(c))).toBe(false);
    const stale = await passwordStep(user);
    expect((await stale.post('/api/auth/login/totp', { recoveryCode: old[0]! })).status).toBe(401);

    expect((await client.post<ErrorBody>('/api/me/totp/disable', { password: 'niet-mijn-wachtwoord' })).status).toBe(400);
    expect((await client.post('/api/me/totp/disable', { password: DEFAULT_PASSWORD })).status).toBe(204);
    expect((await client.get<TotpStatus>('/api/me/totp')).body).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    expect(await told(user.id)).toEqual(expect.arrayContaining(['totp_enabled', 'recovery_codes_replaced', 'totp_disabled']));
    const logged = await t.db.select().from(moderationActions).where(eq(moderationActions.targetUserId, user.id));
    expect(logged.map((a) => [a.action, a.moderatorId])).toEqual([
      ['enable_totp', user.id],
      ['replace_recovery_codes', user.id],
      ['disable_totp', user.id],
    ]);
    // Back to the password alone.
    expect((await t.guest().login(user.email, DEFAULT_PASSWORD)).status).toBe(200);
  });

  it('a setup token holds for its member and secret, for fifteen minutes', () => {
    const now = Date.UTC(2026, 11, 4, 12, 0, 0);
    const token = signSetup('sleutel', 7, 'ABCDEFGHIJKLMNOP', now);
    expect(setupValid('sleutel', 7, 'ABCDEFGHIJKLMNOP', token, now + SETUP_MS - 1)).toBe(true);
    expect(setupValid('sleutel', 7, 'ABCDEFGHIJKLMNOP', token, now + SETUP_MS + 1)).toBe(false);
    expect(setupValid('sleutel', 8, 'ABCDEFGHIJKLMNOP', token, now)).toBe(false);
    expect(setupValid('sleutel', 7, 'ABCDEFGHIJKLMNOQ', token, now)).toBe(false);
    expect(setupValid('andere-sleutel', 7, 'ABCDEFGHIJKLMNOP', token, now)).toBe(false);
    expect(setupValid('sleutel', 7, 'ABCDEFGHIJKLMNOP', `${now + 10 * SETUP_MS}.${token.split('.')[1]}`, now)).toBe(false);
    expect(setupValid('sleutel', 7, 'ABCDEFGHIJKLMNOP', 'onzin', now)).toBe(false);
  });

  it('matchingStep accepts the step before and after now, nothing further, and only six digits', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const now = Date.UTC(2026, 11, 4, 12, 0, 15);
    const step = Math.floor(now / 30_000);
    expect(matchingStep(secret, currentCode(secret, now), now)).toBe(step);
    expect(matchingStep(secret, currentCode(secret, now - NEXT_STEP), now)).toBe(step - 1);
    expect(matchingStep(secret, currentCode(secret, now + NEXT_STEP), now)).toBe(step + 1);
    expect(matchingStep(secret, currentCode(secret, now + 2 * NEXT_STEP), now)).toBeNull();
    expect(matchingStep(secret, ` ${currentCode(secret, now)}`, now)).toBeNull();
  });
});

describe('required for moderators and admins (STAFF_TOTP_REQUIRED)', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await buildTestApp({ env: { STAFF_TOTP_REQUIRED: 'true' } });
  });
  afterAll(() => strict.close());

  it('a moderator without it acts as a member: moderation refused with totp_required, no hidden post; with it, she moderates', async () => {
    const { user, client } = await strict.login({ role: 'moderator' });
    const me = (await client.get<UserBody>('/api/me')).body.user;
    expect(me).toMatchObject({ role: 'moderator', totpEnabled: false, totpRequired: true });
    const refused = await client.get<ErrorBody>('/api/moderation/queue');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('totp_required');
    expect((await client.get<TotpStatus>('/api/me/totp')).body.required).toBe(true);
    // A member without the role needs nothing.
    const { client: member } = await strict.login();
    expect((await member.get<UserBody>('/api/me')).body.user.totpRequired).toBeUndefined();

    const setup = await client.post<TotpSetup>('/api/me/totp/setup');
    expect((await client.post('/api/me/totp/enable', { ...offered(setup.body), code: currentCode(setup.body.secret) })).status).toBe(200);
    expect((await client.get('/api/moderation/queue')).status).toBe(200);
    expect((await client.get<UserBody>('/api/me')).body.user.totpRequired).toBeUndefined();
    expect(user.role).toBe('moderator');
  });
});
