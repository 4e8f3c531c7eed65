import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { User } from '../../shared/api/users.js';
import { asDisplayNameTaken } from '../../server/auth/display-name-taken.js';
import { ensureAdmin } from '../../server/auth/ensure-admin.js';
import { users } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { HttpError } from '../../server/http/errors.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/**
 * Display names (ASVS level 2): unique ignoring case, accents and invisible characters, held by a unique index in
 * the database; no names that imitate staff; no names without a letter or digit.
 */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

let n = 0;
const registration = (displayName: string, email = `naam${++n}@example.nl`) => ({
  email,
  password: 'plein-proef-wachtwoord-42',
  displayName,
  party: 'Lokaal Belang',
  municipality: 'Utrecht',
});
const register = (displayName: string, email?: string) => t.guest().post<ErrorBody>('/api/auth/register', registration(displayName, email));
const accountsNamed = async (name: string) => t.db.$count(users, sql`display_name_key(${users.displayName}) = display_name_key(${name})`);

function expectTaken(res: { status: number; body: ErrorBody }) {
  expect(res.status, JSON.stringify(res.body)).toBe(409);
  const message = 'Deze naam is al in gebruik. Kies een andere naam.';
  expect(res.body.error).toEqual({ code: 'display_name_taken', field: 'displayName', message, fields: [{ field: 'displayName', message }] });
}

describe('one name per member', () => {
  it('refuses at registration a name that differs only in case, accents, invisible characters, width or spacing', async () => {
    await makeUser(t.db, { displayName: 'Anna de Vries' });
    for (const name of ['ANNA DE VRIES', 'Ánna de Vriës', 'Anna\u200B de Vries', 'Anna de\u00A0Vries', 'Ａｎｎａ de Vries', 'Anna  de   Vries', 'An\u00ADna de Vries\uFEFF']) {
      const res = await register(name);
      expectTaken(res);
    }
    expect(await accountsNamed('Anna de Vries')).toBe(1);
  });

  it('answers the same for a taken name whether or not the e-mail address is taken too (the address stays secret)', async () => {
    await makeUser(t.db, { displayName: 'Bert Jansen', email: 'bert@example.nl' });
    const knownAddress = await register('bert jansen', 'bert@example.nl');
    const newAddress = await register('bert jansen', 'nieuw-adres@example.nl');
    expectTaken(knownAddress);
    expect(knownAddress.status).toBe(newAddress.status);
    expect(knownAddress.body).toEqual(newAddress.body);
    expect(Object.keys(knownAddress.raw.headers).sort()).toEqual(Object.keys(newAddress.raw.headers).sort());
    expect(await t.db.$count(users, eq(users.email, 'nieuw-adres@example.nl'))).toBe(0);
  });

  it('refuses a taken name at a profile change, but lets a member write their own name differently', async () => {
    await makeUser(t.db, { displayName: 'Chris Smit' });
    const { client, user } = await t.login({ displayName: 'Dirk Bos' });
    expectTaken(await client.patch<ErrorBody>('/api/me', { displayName: 'chris smít' }));
    const own = await client.patch<{ user: User }>('/api/me', { displayName: 'DIRK BOS' });
    expect(own.status).toBe(200);
    expect(own.body.user.displayName).toBe('DIRK BOS');
    expect((await t.db.select().from(users).where(eq(users.id, user.id)))[0]!.displayName).toBe('DIRK BOS');
  });

  it('two registrations of one new name at the same time: exactly one gets it', async () => {
    const results = await Promise.all([register('Eva Gelijktijdig'), register('eva gelijktijdig')]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 409]);
    expect(await accountsNamed('Eva Gelijktijdig')).toBe(1);
  });

  it('is held by the database itself: a second row with the same name is refused, and that refusal is the same 409', async () => {
    await makeUser(t.db, { displayName: 'Frits Database' });
    await expect(makeUser(t.db, { displayName: 'FRITS DATABASE\u200D' })).rejects.toThrow();
    const refusal = await asDisplayNameTaken(() => makeUser(t.db, { displayName: 'frits database' })).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(HttpError);
    expect(refusal).toMatchObject({ statusCode: 409, code: 'display_name_taken', field: 'displayName' });
  });
});

describe('names that imitate staff or show nothing', () => {
  const staffLike = [
    'Beheerder',
    'Beheerder \u200B',
    'Moderator',
    'M0derator',
    'MODERATOR',
    'Mod-erator',
    'M.o.d.e.r.a.t.o.r',
    'Hoofdmoderator',
    'Kenniscentrum',
    'Kenniscentrum Plein',
    'Admin',
    'Adm1n',
    '@dmin',
    'A d m i n',
    'SuperAdmin',
    'Admins',
    'Helpdesk',
    'Help Desk',
    'B\u0435heerder', // Cyrillic е
    'Ｍｏｄｅｒａｔｏｒ',
    'Jan (moderator)',
  ];

  it('refuses at registration a name that imitates staff, also lightly disguised, and creates nothing', async () => {
    const before = await t.db.$count(users);
    for (const name of staffLike) {
      const res = await register(name);
      expect(res.status, name).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'display_name_reserved', field: 'displayName' });
      expect(res.body.error.message).toContain('beheerders of moderatoren');
    }
    expect(await t.db.$count(users)).toBe(before);
  });

  it('refuses names with no letter or digit (only invisible characters, blanks or punctuation)', async () => {
    for (const name of ['\u200B', '\u200B\u200C\u200D', '\u3164', '\u2800\u2800', '...', '-- --', '\u00AD', '\u0301', '\u3164 \uFFA0']) {
      const res = await register(name);
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'display_name_invalid', field: 'displayName', message: 'Een naam moet minstens één letter of cijfer bevatten.' });
    }
  });

  it('refuses characters that reverse the text ("Jan\u202Erotaredom" shows as "Jan moderator")', async () => {
    const res = await register('Jan\u202Erotaredom');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'display_name_invalid', field: 'displayName' });
  });

  it('refuses the same at a profile change, and changes nothing', async () => {
    const { client, user } = await t.login({ displayName: 'Gerda Gewoon' });
    for (const name of ['Moderator Gerda', 'Beheerder\u200B', '\u200B']) {
      const res = await client.patch<ErrorBody>('/api/me', { displayName: name });
      expect(res.status, name).toBe(400);
      expect(res.body.error.field).toBe('displayName');
    }
    expect((await t.db.select().from(users).where(eq(users.id, user.id)))[0]!.displayName).toBe('Gerda Gewoon');
  });

  it('accepts ordinary names that merely contain such letters', async () => {
    for (const name of ['Mo D.', 'Ad Min', 'Badminton Bert', 'Modderman', 'Ella Admiraal', 'Supporter Sjaak', 'Zoë Çelik', 'Fatima el Amrani', 'Hà Nguyễn', '李小龍', 'Jan 2']) {
      const res = await register(name);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(202);
    }
  });

  it('the local admin made in code keeps "Beheerder" and can change his other details', async () => {
    await ensureAdmin(t.db, 'beheer-test@plein.local', 'plein-proef-wachtwoord-42');
    const [row] = await t.db.select().from(users).where(eq(users.email, 'beheer-test@plein.local'));
    expect(row!.displayName).toBe('Beheerder');
    const client = t.guest();
    expect((await client.login('beheer-test@plein.local', 'plein-proef-wachtwoord-42')).status).toBe(200);
    const res = await client.patch<{ user: User }>('/api/me', { displayName: 'Beheerder', party: 'Kenniscentrum Lokale Partijen' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.user).toMatchObject({ displayName: 'Beheerder', party: 'Kenniscentrum Lokale Partijen' });
    // A second admin made in code (ADMIN_EMAIL changed) gets a name of his own instead of failing the start.
    expect(await ensureAdmin(t.db, 'beheer-twee@plein.local', 'plein-proef-wachtwoord-42')).toBe('created');
    expect(await ensureAdmin(t.db, 'beheer-twee@plein.local', 'plein-proef-wachtwoord-42')).toBe('exists');
    expect((await t.db.select().from(users).where(eq(users.email, 'beheer-twee@plein.local')))[0]!.displayName).toBe('Beheerder 2');
  });
});
