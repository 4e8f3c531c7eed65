import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblem } from '../../server/auth/password-policy.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { users } from '../../server/db/schema.js';
import { DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

// Each at least 10 characters, so only the new rules can refuse them.
const WEAK = [
  ['password123', 'a common password'],
  ['Qwertyuiop', 'a common password in another case'],
  ['1234567890', 'a common run of digits'],
  ['          ', 'only spaces'],
  ['\t\t\t\t\t\t\t\t\t\t\t', 'only whitespace'],
  ['aaaaaaaaaaaa', 'one repeated character'],
  ['€€€€€€€€€€', 'one repeated character outside ASCII'],
] as const;

describe('password rule', () => {
  it.each(WEAK)('refuses %j at registration (%s) with a Dutch 400 naming the field, and writes nothing', async (password) => {
    const email = `zwak-${Buffer.from(password).toString('hex').slice(0, 16)}@example.nl`;
    const res = await t.guest().post<{ error: { code: string; field: string; message: string } }>('/api/auth/register', {
      email,
      password,
      displayName: `Zwak ${Buffer.from(password).toString('hex').slice(0, 12)}`,
      party: 'Lokaal Belang',
      municipality: 'Utrecht',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'weak_password', field: 'password' });
    expect(res.body.error.message).toMatch(/wachtwoord/i);
    expect(await t.db.$count(users, eq(users.email, email))).toBe(0);
  });

  it.each(WEAK)('refuses %j as a new password (%s) and keeps the old one', async (password) => {
    const { client, user } = await t.login();
    const res = await client.post<{ error: { code: string; field: string } }>('/api/me/password', { currentPassword: DEFAULT_PASSWORD, newPassword: password });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'weak_password', field: 'newPassword' });
    expect((await t.guest().login(user.email, DEFAULT_PASSWORD)).status).toBe(200);
  });

  it('keeps the 10-character minimum and accepts a long, uncommon password', () => {
    expect(passwordProblem('kort-1234')).toBe('too_short');
    expect(passwordProblem('fietsen langs de Vecht')).toBeNull();
    expect(passwordProblem(DEFAULT_PASSWORD)).toBeNull();
  });

  it('holds ADMIN_PASSWORD to the same rule at start', () => {
    for (const password of ['password123', 'aaaaaaaaaaaa', 'kort']) {
      let error: unknown;
      try {
        loadConfig({ DATA_DIR: '/tmp/plein-test-unused', SESSION_SECRET: 'x'.repeat(40), ADMIN_EMAIL: 'beheer@example.nl', ADMIN_PASSWORD: password });
      } catch (e) {
        error = e;
      }
      expect(error, password).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe('ADMIN_PASSWORD');
    }
  });
});
