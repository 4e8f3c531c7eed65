import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/constants.js';
import { queryRows } from '../../server/db/client.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { encodeCursor } from '../../server/http/pagination.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { listRoutes } from './route-list.js';

/**
 * Every route gets generated bad input: random JSON, wrong types, huge and deeply nested bodies, invalid UTF-8,
 * odd content types and headers, impossible path ids, and values past what the database holds (integers past
 * 2^31, dates outside the years 0001–9999, huge timestamps, control characters and lone surrogates) in the query,
 * in cursors and in body fields. None may answer 5xx, the server must keep answering, and no row may change
 * (ids in paths are never valid and every body holds something refused, so nothing should have been done).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
// Seeded, so every run (CI's included) sends the same requests and a failure can be replayed; FUZZ_SEED=N explores others.
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

// Not ' 1' or '0x10': the schema's type coercion reads those as the valid ids 1 and 16, which is harmless.
const ODD_IDS = [
  '-1', '0', '1e99', 'abc', '1.5', '2147483648', '4294967296', '-2147483649', '9007199254740993', '99999999999999999999',
  '%00', '%07', '%7F', '%C2%85', '%ED%A0%80', '%ff%fe', '..', 'null', '[]', '0x7fffffff1', '1 2', '1'.padEnd(199, '9'), 'x'.repeat(250),
];

/** Past what the database holds: PostgreSQL's integer, JavaScript's safe integers and dates, and the years 0001–9999. */
const BIG_INTEGERS = [2_147_483_648, -2_147_483_649, 4_294_967_296, 2 ** 53, 2 ** 53 + 2, 1e300, -1, 0];
const HUGE_TIMESTAMPS = [8.64e15, -8.64e15, 8.64e15 + 1, 253_402_300_800_000, -62_135_596_800_001];
const ODD_DATES = ['0000-01-01', '0000-12-31T23:59:59Z', '9999-12-31', '9999-12-31T23:59:59-05:00', '+010000-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0001-01-01T00:00:00+01:00', '2024-02-30', '1970-01-01'];
/** Characters no text input may hold: C0 and C1 controls, DEL, and halves of a surrogate pair. */
const BAD_CHARACTERS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f', '\ud800', '\udbff', '\udc00', '\udfff'];

const badCharacter = fc.constantFrom(...BAD_CHARACTERS);
/** A text that would pass a field's schema but for the one character it must not hold. */
const badText = fc.tuple(fc.string({ maxLength: 12 }), badCharacter, fc.string({ maxLength: 12 })).map(([a, bad, b]) => `Tekst ${a}${bad}${b} tekst`);
const bigInteger = fc.oneof(fc.constantFrom(...BIG_INTEGERS), fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }));
const oddDate = fc.oneof(fc.constantFrom(...ODD_DATES), fc.constantFrom(...HUGE_TIMESTAMPS).map((ms) => new Date(Math.max(-8.64e15, Math.min(8.64e15, ms))).toISOString()));
const oddKey = fc.oneof(bigInteger, fc.constantFrom(...HUGE_TIMESTAMPS), oddDate, badText, fc.boolean(), fc.constant(null));

/** Cursors in each route's shape (so they get past the shape check to the range checks) and in none. */
const oddCursor = fc
  .oneof(
    fc.tuple(bigInteger),
    fc.tuple(fc.boolean(), oddDate, fc.oneof(bigInteger, fc.constant(1))),
    fc.tuple(fc.boolean(), fc.constant('2024-01-01T00:00:00.000Z'), bigInteger),
    fc.tuple(fc.oneof(bigInteger, fc.constant(1)), fc.oneof(bigInteger, fc.constant(1)), fc.oneof(bigInteger, fc.constant(1))),
    fc.tuple(fc.oneof(bigInteger, fc.constant(20)), fc.oneof(fc.constantFrom(...HUGE_TIMESTAMPS), fc.constant(Date.now())), fc.oneof(badText, fc.constant('zoek'))),
    fc.array(oddKey, { minLength: 1, maxLength: 3 }),
  )
  .map((keys) => encodeCursor(keys));

/** The text as UTF-8 can carry it: a lone surrogate becomes U+FFFD (encodeURIComponent would throw on it). */
const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

/** Query values already percent-encoded: lone surrogates cannot be written in UTF-8, so they go as their CESU-8 bytes. */
const oddQueryValue = fc.oneof(
  fc.string().map((v) => encodeURIComponent(wellFormed(v))),
  fc.constantFrom('-1', '1e99', 'abc', '%ff', 'x'.repeat(500), '%00', '%ED%A0%80', '%ED%B0%80', '%C2%85', '%7F', 'a%0Ab'),
  bigInteger.map(String),
  oddDate.map((d) => encodeURIComponent(d)),
  fc.constantFrom(...HUGE_TIMESTAMPS).map(String),
  badText.map((v) => encodeURIComponent(wellFormed(v))),
  badCharacter.filter((c) => wellFormed(c) === c).map((c) => encodeURIComponent(c)),
  oddCursor,
);

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
  'application/json\u0000',
);

const nested = fc.integer({ min: 10, max: 40_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
const invalidUtf8 = fc.tuple(fc.jsonValue(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([value, bytes]) => {
  const text = Buffer.from(JSON.stringify({ body: value, title: value }));
  const cut = Math.floor(text.length / 2);
  return Buffer.concat([text.subarray(0, cut), Buffer.from([0xff, 0xc3, ...bytes]), text.subarray(cut)]);
});

/** JSON bodies with the fields routes read, each holding a refused character (so no route can act on one). */
const badStrings = fc
  .record(
    { body: badText, title: badText, categorySlug: badText, note: badText, reason: badText, email: badText, password: badText, displayName: badText, party: badText, municipality: badText },
    { requiredKeys: ['body', 'title', 'reason', 'email', 'displayName'] },
  )
  .map((v) => JSON.stringify(v));
const bigNumbers = fc
  .record({ replyToPostId: bigInteger, ids: fc.array(bigInteger, { minLength: 1, maxLength: 3 }), days: bigInteger, suspendDays: bigInteger, body: badText, reason: badText })
  .map((v) => JSON.stringify(v));

const body = fc.oneof(
  badStrings,
  bigNumbers,
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.anything().map((v) => JSON.stringify(v) ?? 'undefined'),
  fc.record({ body: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string()), fc.constant(' \n\t ')), title: fc.anything(), categorySlug: fc.integer() }).map((v) => JSON.stringify(v)),
  fc.constantFrom('', '{', '{"body":', 'null', '[]', '"x"', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}'),
  fc.integer({ min: LIMITS.bodyMax + 1, max: 400_000 }).map((n) => JSON.stringify({ body: 'x'.repeat(n), title: 'y'.repeat(n) })),
  nested,
  invalidUtf8,
);

// Half the requests carry an odd cursor besides whatever else, so that the listing routes decode one often.
const query = fc
  .tuple(
    fc.dictionary(
      fc.constantFrom('cursor', 'limit', 'after', 'q', 'category', 'status', 'x', 'limit[]', 'from', 'to', 'author', 'thread', 'moderatorId', 'userId'),
      oddQueryValue,
      { maxKeys: 4 },
    ),
    fc.option(oddCursor, { freq: 1 }),
  )
  .map(([values, cursor]) => (cursor === null ? values : { ...values, cursor }));

const headers = fc.record(
  {
    accept: fc.constantFrom('*/*', 'text/html', 'application/xml', ''),
    'accept-encoding': fc.constantFrom('gzip;q=abc', 'br', 'identity', '*'),
    'x-forwarded-for': fc.constantFrom('not-an-ip', '::1', '1.2.3.4, 5.6.7.8'),
    origin: fc.constantFrom('https://evil.example', 'null'),
  },
  { requiredKeys: [] },
);

/** Mostly the client's real token, so the input gets past CSRF to the validation; sometimes a wrong one. */
const csrf = fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constant('')) });

const BACKGROUND_TABLES = /^(search_|__drizzle)/;

describe('fuzzing every route with bad input', () => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  let tables: string[] = [];

  const fingerprint = async () => {
    // Counts and a hash of every row; search tables are kept by a background worker and left out.
    const parts = tables.map((name) => sql`select ${name} as name, count(*)::int as n, coalesce(sum(hashtext(t::text)::bigint), 0)::text as h from ${sql.identifier(name)} t`);
    return queryRows<{ name: string; n: number; h: string }>(t.db, sql.join(parts, sql` union all `));
  };

  beforeAll(async () => {
    t = await buildTestApp();
    clients.guest = t.guest();
    const member = await t.login();
    clients.member = member.client;
    clients.moderator = (await t.login({ role: 'moderator' })).client;
    clients.admin = (await t.login({ role: 'admin' })).client;
    for (const client of Object.values(clients)) await client.refreshCsrf();
    // Login handed out a token bound to the user; refreshCsrf above asked again as that user.
    const { threadId } = await makeThread(t.db, member.user);
    await makePost(t.db, member.user, threadId);
    const rows = await queryRows<{ table_name: string }>(t.db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
    tables = rows.map((r) => r.table_name).filter((name) => !BACKGROUND_TABLES.test(name));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the routes to fuzz', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes).toContainEqual({ method: 'POST', url: '/api/threads/:id/posts' });
  });

  it('never answers 5xx, keeps answering, and changes no row', { timeout: 600_000 }, async () => {
    const seen: Record<string, Record<string, number>> = {};
    for (const route of listRoutes(t.app)) {
      // Logging out would end the session the other runs need; those routes are fuzzed as a guest.
      const who = route.url.startsWith('/api/auth/logout') ? ['guest'] : Object.keys(clients);
      const before = await fingerprint();
      const statuses: Record<string, number> = {};
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...who), fc.constantFrom(...ODD_IDS), fc.string({ maxLength: 90 }), query, body, contentTypes, headers, csrf, async (as, id, slug, q, payload, type, extra, token) => {
          const client = clients[as]!;
          const url = route.url.replace(':id', id).replace(':slug', encodeURIComponent(slug) || '%20');
          // Written by hand, not with URLSearchParams: the values are encoded already (see oddQueryValue).
          const search = Object.entries(q)
            .map(([k, v]) => `${encodeURIComponent(k)}=${v}`)
            .join('&');
          const request: InjectOptions = {
            method: route.method as InjectOptions['method'],
            url: search ? `${url}?${search}` : url,
            headers: { 'x-csrf-token': token ?? client.csrfToken ?? '', ...extra, ...(client.cookies.size ? { cookie: client.cookieHeader } : {}), ...(type ? { 'content-type': type } : {}) },
          };
          if (route.method !== 'GET' && route.method !== 'DELETE') request.payload = payload;
          const res = await t.app.inject(request);
          const code = res.statusCode >= 400 ? ` ${(res.json() as { error?: { code?: string } }).error?.code}` : '';
          statuses[`${res.statusCode}${code}`] = (statuses[`${res.statusCode}${code}`] ?? 0) + 1;
          expect(res.statusCode, `${route.method} ${request.url} as ${as}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
          if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
            expect(JSON.parse(res.body), `${route.method} ${request.url} as ${as}: ${res.body.slice(0, 300)}`).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      seen[`${route.method} ${route.url}`] = statuses;
      expect(await fingerprint(), `${route.method} ${route.url} changed rows`).toEqual(before);
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    }
    const totals: Record<string, number> = {};
    for (const statuses of Object.values(seen)) for (const [k, v] of Object.entries(statuses)) totals[k] = (totals[k] ?? 0) + v;
    // Per route with FUZZ_VERBOSE=1; the totals show the input got past CSRF and into validation and handlers.
    console.info(`fuzz: ${Object.keys(seen).length} routes × ${RUNS} runs; answers: ${JSON.stringify(totals)}`);
    if (process.env.FUZZ_VERBOSE === '1') console.info(JSON.stringify(seen, null, 1));
  });
});
