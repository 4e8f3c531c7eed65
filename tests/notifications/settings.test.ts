import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationSettings } from '../../shared/api/notifications.js';
import { DEFAULT_MAIL_PREFERENCES } from '../../shared/constants.js';
import { queryRows } from '../../server/db/client.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

const URL = '/api/me/notification-settings';
const stored = async (userId: number) =>
  (await queryRows<{ mail_preferences: Record<string, string>; auto_watch: boolean }>(t.db, sql`select mail_preferences, auto_watch from users where id = ${userId}`))[0]!;

describe('GET /api/me/notification-settings', () => {
  it('answers the defaults until she chooses', async () => {
    const { client } = await t.login();
    const res = await client.get<NotificationSettings>(URL);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ autoWatch: true, mail: DEFAULT_MAIL_PREFERENCES });
  });

  it('ignores junk in the stored preferences (a kind it does not know, a value that is no frequency)', async () => {
    const { client, user } = await t.login();
    await t.db.execute(sql`update users set mail_preferences = '{"replies":"hourly","mentions":"never","old":"daily"}'::jsonb where id = ${user.id}`);
    expect((await client.get<NotificationSettings>(URL)).body.mail).toEqual({ ...DEFAULT_MAIL_PREFERENCES, mentions: 'never' });
  });
});

describe('PUT /api/me/notification-settings', () => {
  it('changes only what it names, merged into her earlier choices', async () => {
    const { client, user } = await t.login();
    let res = await client.request<NotificationSettings>('PUT', URL, { mail: { replies: 'daily' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ autoWatch: true, mail: { ...DEFAULT_MAIL_PREFERENCES, replies: 'daily' } });
    res = await client.request<NotificationSettings>('PUT', URL, { autoWatch: false, mail: { categories: 'never' } });
    expect(res.body).toEqual({ autoWatch: false, mail: { ...DEFAULT_MAIL_PREFERENCES, replies: 'daily', categories: 'never' } });
    // Only her choices are stored; a default she never touched follows the default.
    expect(await stored(user.id)).toEqual({ mail_preferences: { replies: 'daily', categories: 'never' }, auto_watch: false });
    expect((await client.get<NotificationSettings>(URL)).body).toEqual(res.body);
  });

  it('refuses bad input with a Dutch 400 and changes nothing', async () => {
    const { client, user } = await t.login();
    const before = await stored(user.id);
    for (const body of [
      { mail: { replies: 'hourly' } },
      { mail: { replies: 3 } },
      { autoWatch: 'ja' },
      { mail: 'direct' },
      {},
      { something: 'else' },
      { mail: {} },
    ]) {
      const res = await client.request<{ error: { code: string; message: string } }>('PUT', URL, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(['invalid_input', 'nothing_to_change']).toContain(res.body.error.code);
      expect(res.body.error.message).toMatch(/^(Kies bij „Reacties op mijn berichten” een van de mogelijkheden|Kies bij „Volg discussies waarin ik schrijf” ja of nee|„E-mail” heeft niet de juiste vorm|Geef minstens één instelling.*)\.?$/);
    }
    expect(await stored(user.id)).toEqual(before);
  });

  it('is only for her own account: guests, pending and suspended accounts are refused, and a PUT needs the CSRF token', async () => {
    expect((await t.guest().get(URL)).status).toBe(401);
    expect((await t.guest().request('PUT', URL, { autoWatch: false }, { csrf: false })).status).toBe(403);
    for (const status of ['pending', 'suspended'] as const) {
      const { client, user } = await t.login({ status });
      expect((await client.get(URL)).status).toBe(403);
      expect((await client.request('PUT', URL, { mail: { replies: 'never' } })).status).toBe(403);
      expect((await stored(user.id)).mail_preferences).toEqual({});
    }
    const { client, user } = await t.login();
    expect((await client.request('PUT', URL, { mail: { replies: 'never' } }, { csrf: false })).status).toBe(403);
    expect((await stored(user.id)).mail_preferences).toEqual({});
  });

  it('changes only her own row', async () => {
    const { client } = await t.login();
    const other = await t.login();
    await client.request('PUT', URL, { autoWatch: false, mail: { watching: 'never' } });
    expect(await stored(other.user.id)).toEqual({ mail_preferences: {}, auto_watch: true });
  });
});
