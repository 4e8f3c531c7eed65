import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { findBadCharacters } from '../../server/http/text-input.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/**
 * Finding 3 of the audit: a NUL in any text input reached PostgreSQL, which refused it with a 500 (and the error
 * log then held the statement's parameters). Every text input with a control character is now a 400 that names
 * the field, before any handler runs.
 */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const counts = async () =>
  (await queryRows<{ users: number; posts: number; reports: number }>(
    t.db,
    sql`select (select count(*)::int from users) as users, (select count(*)::int from posts) as posts, (select count(*)::int from reports) as reports`,
  ))[0];

/** The message names the field by the label its form shows (shared/field-labels.ts), in Dutch quotes. */
function expectRefused(res: { status: number; body: unknown }, field: string, label: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body).toMatchObject({ error: { code: 'invalid_characters', field, message: expect.stringMatching(new RegExp(`^„${label}” bevat tekens`)) } });
}

const registration = { email: 'nul@example.nl', password: 'een-lang-wachtwoord', displayName: 'Naam', party: 'Partij', municipality: 'Utrecht' };

describe('control characters in text input', () => {
  it('refuses a NUL at registration, naming the field, and creates no account', async () => {
    const before = await counts();
    const res = await t.guest().post('/api/auth/register', { ...registration, displayName: 'Nul\u0000Naam' });
    expectRefused(res, 'displayName', 'Naam zoals anderen die zien');
    expect(await counts()).toEqual(before);
  });

  it('refuses a NUL in the login e-mail and in the profile fields', async () => {
    expectRefused(await t.guest().post('/api/auth/login', { email: 'a\u0000@example.nl', password: 'x' }), 'email', 'E-mailadres');
    const { client } = await t.login();
    expectRefused(await client.patch('/api/me', { party: 'Par\u0000tij' }), 'party', 'Partij');
    expectRefused(await client.patch('/api/me', { municipality: '\u0000' }), 'municipality', 'Gemeente');
  });

  it('refuses control characters in posts, titles and report notes', async () => {
    const { client, user } = await t.login();
    const { threadId } = await makeThread(t.db, user);
    const postId = await makePost(t.db, user, threadId);
    const before = await counts();
    expectRefused(await client.post(`/api/threads/${threadId}/posts`, { body: 'Een bericht met een \u0000 erin' }), 'body', 'Je bericht');
    expectRefused(await client.post('/api/threads', { categorySlug: 'algemeen', title: 'Titel\u0007', body: 'Een gewone tekst hier.' }), 'title', 'Titel');
    expectRefused(await client.post(`/api/posts/${postId}/reports`, { reason: 'spam', note: 'zie \u0000' }), 'note', 'Toelichting');
    expect(await counts()).toEqual(before);
  });

  it('refuses DEL, C1 controls and lone surrogates as well as C0 controls', async () => {
    const { client, user } = await t.login();
    const { threadId } = await makeThread(t.db, user);
    for (const bad of ['\u0001', '\u001b[31m', '\u007f', '\u0085', '\u009f', '\ud800', 'a\udc00b', '\udbff']) {
      expectRefused(await client.post(`/api/threads/${threadId}/posts`, { body: `Tekst ${bad} tekst` }), 'body', 'Je bericht');
    }
  });

  it('refuses them in the query string and in path parameters', async () => {
    const { client } = await t.login();
    expectRefused(await client.get('/api/search?q=%00'), 'q', 'Zoekterm');
    expectRefused(await client.get('/api/search?q=zoek%C2%85'), 'q', 'Zoekterm');
    expectRefused(await client.get('/api/categories/alg%00emeen/threads'), 'slug', 'Categorie in het adres');
  });

  it('accepts line breaks and tabs in multi-line texts, and emoji everywhere', async () => {
    const { client, user } = await t.login();
    const { threadId } = await makeThread(t.db, user);
    const post = await client.post(`/api/threads/${threadId}/posts`, { body: 'Regel een\r\nRegel\ttwee 🙂' });
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    const profile = await client.patch('/api/me', { party: 'Partij 🌷' });
    expect(profile.status, JSON.stringify(profile.body)).toBe(200);
  });

  it('refuses line breaks and tabs in single-line fields', async () => {
    const { client } = await t.login();
    expectRefused(await client.patch('/api/me', { displayName: 'Twee\nregels' }), 'displayName', 'Naam');
    expectRefused(await client.post('/api/threads', { categorySlug: 'algemeen', title: 'Een\ttitel', body: 'Een gewone tekst hier.' }), 'title', 'Titel');
    expectRefused(await client.get('/api/search?q=een%0Atwee'), 'q', 'Zoekterm');
  });
});

describe('findBadCharacters', () => {
  it('names the first bad string by its dotted path, in keys and nested values alike', () => {
    expect(findBadCharacters({ a: { b: ['ok', 'n\u0000'] } })).toBe('a.b.1');
    expect(findBadCharacters({ ['k\u0000']: 1 })).toBe('k\uFFFD');
    expect(findBadCharacters({ ok: 'fine', nested: { ['a\nb']: 'x' } })).toBe('nested.a\uFFFDb');
    expect(findBadCharacters({ body: 'a\nb\tc', title: 'x' })).toBeNull();
    expect(findBadCharacters({ title: 'a\nb' })).toBe('title');
    expect(findBadCharacters('\ud83d\ude42 fine')).toBeNull();
    expect(findBadCharacters(undefined)).toBeNull();
    expect(findBadCharacters('a\nb')).toBeNull();
    expect(findBadCharacters('a\u0000b')).toBe('');
  });

  it('walks a body nested far deeper than the call stack reaches', () => {
    const depth = 100_000;
    const deep = JSON.parse('{"a":'.repeat(depth) + '"x\\u0000"' + '}'.repeat(depth)) as unknown;
    const found = findBadCharacters(deep);
    expect(found?.split('.')).toHaveLength(depth);
  });
});
