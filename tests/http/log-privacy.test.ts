import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { users } from '../../server/db/schema.js';
import { loggerOptions, redactMessage, REQUEST_MESSAGE, serializeError, serializeRequest } from '../../server/http/logging.js';
import { DEFAULT_PASSWORD, makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { testConfig } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { createTestDatabase } from '../helpers/database.js';
import { captureStream, takeServerErrors } from '../helpers/log-capture.js';

/**
 * The audit's "done when": no log line the server writes, on success or failure, holds a password hash, a session id,
 * a CSRF token, an e-mail address or a request body. A server logging at `trace` walks the member's way through the
 * forum and two real database failures whose parameters and details are exactly that data.
 */
const lines: string[] = [];
let app: FastifyInstance;
let database: Awaited<ReturnType<typeof createTestDatabase>>;

const REGISTERED = { email: 'nieuw.lid.logtest@example.nl', password: 'registratie-wachtwoord-log', displayName: 'Logtest Nieuwelid', party: 'Partij Logtest', municipality: 'Logtestdorp' };
const MEMBER_EMAIL = 'bestaand.lid.logtest@example.nl';
const FAKE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$bG9ndGVzdHNhbHQ$bG9ndGVzdGhhc2hsb2d0ZXN0aGFzaA';
const POST_TEXT = 'Vertrouwelijk-bericht-Xylofoonkwartet';
const SEARCH_TEXT = 'zoekterm-Zwavelzuurkoepel';
const REPORT_NOTE = 'meldnotitie-Kwartelkoningin';
const CLIENT_ADDRESS = '203.0.113.77';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ config: testConfig(), database, logger: { level: 'trace', stream: captureStream(lines) }, searchWorker: false });
  // Real failures of the database, with the data a log must not hold as their parameters and in their details.
  app.get('/api/test/failing-cast', { config: { auth: 'public' } }, async () => {
    await app.db.execute(sql`select ${MEMBER_EMAIL}::int as a, ${FAKE_HASH}::text as b`);
  });
  app.get('/api/test/failing-insert', { config: { auth: 'public' } }, async () => {
    await app.db.insert(users).values({ email: MEMBER_EMAIL, passwordHash: FAKE_HASH, displayName: 'Dubbel', party: 'Dubbel', municipality: 'Dubbel' });
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('what the server logs', () => {
  it('holds no address, hash, session, token, e-mail, body or search text, on success or failure', async () => {
    const guest = new TestClient(app);
    const registered = await guest.post('/api/auth/register', REGISTERED);
    expect(registered.status).toBeLessThan(300);

    const user = await makeUser(database.db, { email: MEMBER_EMAIL });
    const [{ passwordHash }] = (await database.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id))) as [{ passwordHash: string }];
    const member = new TestClient(app);
    expect((await member.login(MEMBER_EMAIL, DEFAULT_PASSWORD)).status).toBe(200);
    const csrfToken = member.csrfToken!;
    const cookieValues = [...member.cookies.values()];
    expect(cookieValues.length).toBeGreaterThan(0);

    const other = await makeUser(database.db);
    const { threadId } = await makeThread(database.db, other);
    const postId = await makePost(database.db, other, threadId);
    const posted = await member.post(`/api/threads/${threadId}/posts`, { body: `${POST_TEXT} staat hier.` });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect((await member.get(`/api/search?q=${encodeURIComponent(SEARCH_TEXT)}`)).status).toBe(200);
    expect((await member.post(`/api/posts/${postId}/reports`, { reason: 'other', note: REPORT_NOTE })).status).toBe(201);
    // Refusals log too (at info and below): a bad body, a bad login, a NUL.
    expect((await member.post('/api/auth/login', { email: MEMBER_EMAIL, password: `${DEFAULT_PASSWORD}-fout` })).status).toBe(401);
    expect((await member.post(`/api/threads/${threadId}/posts`, { body: `${POST_TEXT}\u0000` })).status).toBe(400);

    // From another address, straight through inject, with the session and token as headers.
    const headers = { cookie: member.cookieHeader, 'x-csrf-token': csrfToken };
    for (const url of ['/api/test/failing-cast', '/api/test/failing-insert']) {
      const res = await app.inject({ method: 'GET', url: `${url}?email=${encodeURIComponent(MEMBER_EMAIL)}`, headers, remoteAddress: CLIENT_ADDRESS });
      expect(res.statusCode).toBe(500);
    }
    const errors = takeServerErrors();
    expect(errors).toHaveLength(2);

    const log = lines.join('');
    // The log is not empty: it did record the requests, the failures and what helps to find them.
    expect(log).toContain(REQUEST_MESSAGE);
    expect(log).toContain('/api/threads/:id/posts');
    const failures = lines.map((line) => JSON.parse(line) as { msg?: string; err?: Record<string, unknown> }).filter((entry) => entry.msg === 'request failed');
    expect(failures).toHaveLength(2);
    expect(failures[0]!.err).toMatchObject({ type: 'DrizzleQueryError', query: expect.stringContaining('$1::int'), cause: { code: '22P02' } });
    expect(failures[1]!.err).toMatchObject({ type: 'DrizzleQueryError', query: expect.stringContaining('insert into "users"'), cause: { code: '23505', constraint: expect.any(String) } });
    expect(String(failures[1]!.err!.stack)).toMatch(/^\s+at /);

    const secrets = {
      'registered e-mail': REGISTERED.email,
      'member e-mail': MEMBER_EMAIL,
      'e-mail (any)': '@example.nl',
      'registered password': REGISTERED.password,
      'member password': DEFAULT_PASSWORD,
      'registered name': REGISTERED.displayName,
      'registered party': REGISTERED.party,
      'registered municipality': REGISTERED.municipality,
      'password hash': passwordHash,
      'fake hash': FAKE_HASH,
      'any argon2 hash': '$argon2',
      'csrf token': csrfToken,
      ...Object.fromEntries(cookieValues.flatMap((value, i) => [[`cookie ${i}`, value], [`cookie ${i} decoded`, decodeURIComponent(value)], [`cookie ${i} id`, decodeURIComponent(value).split('.')[0]!]])),
      'post text': POST_TEXT,
      'search text': SEARCH_TEXT,
      'report note': REPORT_NOTE,
      'client address': CLIENT_ADDRESS,
      'local address': '127.0.0.1',
      'remote address field': 'remoteAddress',
      'remote port field': 'remotePort',
      'query string': '?email=',
      'headers field': '"headers":',
      'cookie header': '"cookie":',
      'csrf header': '"x-csrf-token":',
    };
    for (const [what, secret] of Object.entries(secrets)) {
      const line = lines.find((l) => l.includes(secret));
      expect(line, `${what} in the log`).toBeUndefined();
    }
  });
});

describe('the log serializers', () => {
  it('keep what finds a fault and drop the data: detail, params, quoted values, addresses, hashes, tokens', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
      detail: 'Key (email)=(a@example.nl) already exists.',
      where: 'SQL statement with a@example.nl',
    });
    const failed = Object.assign(new Error('Failed query: insert into users values ($1, $2)\nparams: a@example.nl,$argon2id$v=19$x'), {
      query: 'insert into users values ($1, $2)',
      params: ['a@example.nl', '$argon2id$v=19$x'],
      cause,
    });
    const logged = JSON.stringify(serializeError(failed));
    expect(logged).not.toMatch(/example\.nl|argon2|already exists|params/);
    expect(serializeError(failed)).toMatchObject({
      type: 'Error',
      query: 'insert into users values ($1, $2)',
      message: 'Failed query',
      cause: { code: '23505', constraint: 'users_email_key', table: 'users' },
    });
    expect(redactMessage('user b.c@example.nl has token sXq9ZpA2l0Kd8f7GmW3Ty, hash $argon2id$v=19$m=1 and "secret" value')).toBe(
      'user [e-mail] has token [token], hash [hash] and "…" value',
    );
  });

  it('log a request as its method and route, without query string, headers or address', () => {
    const request = { method: 'GET', url: '/api/search?q=geheim', routeOptions: { url: '/api/search' }, headers: { cookie: 'x' }, ip: '198.51.100.1' };
    expect(serializeRequest(request)).toEqual({ method: 'GET', url: '/api/search' });
    expect(serializeRequest({ method: 'GET', url: '/nergens?q=geheim' })).toEqual({ method: 'GET', url: '/nergens' });
  });

  it('are part of every logger buildApp makes, whatever options it was given', () => {
    for (const given of [undefined, true, { level: 'debug', serializers: { err: () => ({ type: 'Error', message: 'alles', stack: '' }) } }]) {
      const options = loggerOptions(given, 'info');
      expect(options, JSON.stringify(given)).toMatchObject({ serializers: { err: serializeError, req: serializeRequest } });
    }
    expect(loggerOptions(false, 'info')).toBe(false);
  });
});
