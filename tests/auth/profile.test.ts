import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../shared/api/users.js';
import { sessions, users } from '../../server/db/schema.js';
import { DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string; field?: string } };

describe('editing one’s profile', () => {
  it('changes name, party and municipality', async () => {
    const { client } = await t.login();
    const res = await client.patch<{ user: User }>('/api/me', { displayName: ' Els Smit ', party: 'Lokaal Zwolle', municipality: 'Zwolle' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ displayName: 'Els Smit', party: 'Lokaal Zwolle', municipality: 'Zwolle' });
    expect((await client.get<{ user: User }>('/api/me')).body.user.displayName).toBe('Els Smit');
  });

  it('takes the verified badge away when the representative role changes, and keeps it otherwise', async () => {
    const { client, user } = await t.login({ representativeRole: 'raadslid' });
    await t.db.update(users).set({ representativeVerified: true }).where(eq(users.id, user.id));
    expect((await client.patch<{ user: User }>('/api/me', { displayName: 'Nieuwe naam' })).body.user.representativeVerified).toBe(true);
    const res = await client.patch<{ user: User }>('/api/me', { representativeRole: 'wethouder' });
    expect(res.body.user).toMatchObject({ representativeRole: 'wethouder', representativeVerified: false });
  });

  it('refuses an empty change, bad values, and changes by accounts that are not active', async () => {
    const { client, user } = await t.login();
    expect((await client.patch<ErrorBody>('/api/me', {})).status).toBe(400);
    // Unknown fields are dropped: what is left is an empty change, not a server error.
    expect((await client.patch<ErrorBody>('/api/me', { body: null, categorySlug: 0 })).body.error.code).toBe('nothing_to_change');
    expect((await client.patch<{ user: User }>('/api/me', { representativeRole: null })).status).toBe(200);
    expect((await client.patch<ErrorBody>('/api/me', { displayName: '  ' })).body.error.field).toBe('displayName');
    expect((await client.patch<ErrorBody>('/api/me', { representativeRole: 'keizer' })).body.error.field).toBe('representativeRole');
    expect((await client.patch<ErrorBody>('/api/me', { party: 'x'.repeat(121) })).body.error.field).toBe('party');
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.displayName).toBe(user.displayName);
    const { client: pending } = await t.login({ status: 'pending' });
    expect((await pending.patch<ErrorBody>('/api/me', { displayName: 'Mag niet' })).status).toBe(403);
    expect((await t.guest().patch('/api/me', { displayName: 'Gast' })).status).toBe(401);
  });
});

describe('changing the password', () => {
  it('needs the current password, logs out other sessions and keeps this one with a new id', async () => {
    const { client, user } = await t.login();
    const otherDevice = await t.loginAs(user);
    const oldCookie = client.cookies.get('plein_session');

    const wrong = await client.post<ErrorBody>('/api/me/password', { currentPassword: 'niet-goed-123', newPassword: 'een-nieuw-wachtwoord' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'wrong_password', field: 'currentPassword' });
    expect((await client.post<ErrorBody>('/api/me/password', { currentPassword: DEFAULT_PASSWORD, newPassword: 'kort' })).body.error.field).toBe('newPassword');

    expect((await client.post('/api/me/password', { currentPassword: DEFAULT_PASSWORD, newPassword: 'een-nieuw-wachtwoord' })).status).toBe(204);
    expect(client.cookies.get('plein_session')).not.toBe(oldCookie);
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await otherDevice.get('/api/me')).status).toBe(401);
    expect(await t.db.$count(sessions, eq(sessions.userId, user.id))).toBe(1);

    expect((await t.guest().login(user.email, DEFAULT_PASSWORD)).status).toBe(401);
    expect((await t.guest().login(user.email, 'een-nieuw-wachtwoord')).status).toBe(200);
  });
});
