import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient, TestResponse } from '../helpers/client.js';

// Two servers: login attempts are counted per address, and every injected request comes from the same one.
let loginLimited: TestApp;
let t: TestApp;
beforeAll(async () => {
  loginLimited = await buildTestApp({ env: { RATE_LIMIT_AUTH_MAX: '3' } });
  t = await buildTestApp({ env: { RATE_LIMIT_POST_MAX: '2' } });
});
afterAll(async () => {
  await loginLimited.close();
  await t.close();
});

describe('rate limits', () => {
  it('stops password guessing after a few attempts, with Retry-After', async () => {
    const guest = loginLimited.guest();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await guest.login('slachtoffer@example.nl', `gok-${i}-wachtwoord`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await guest.login('slachtoffer@example.nl', 'nog-een-gok');
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/^Te veel verzoeken\. Probeer het over \d+ minuten opnieuw\.$/) } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits how fast one member posts, without slowing down another', async () => {
    const { client: fast } = await t.login();
    const { client: calm } = await t.login();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await fast.post('/api/threads', { categorySlug: 'algemeen', title: `Snelle vraag ${i}`, body: `Tekst ${i}` })).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect((await calm.post('/api/threads', { categorySlug: 'algemeen', title: 'Rustige vraag', body: 'Tekst' })).status).toBe(201);
  });
});

/**
 * The servers below sit behind one proxy on loopback (TRUST_PROXY=1), so a test plays a client at any address by
 * sending X-Forwarded-For from 127.0.0.1, as nginx would.
 */
const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

type LoginAnswer = { user: { id: number }; csrfToken: string };
async function loginFrom(client: TestClient, address: string, email: string, password: string): Promise<TestResponse<LoginAnswer>> {
  const res = await client.request<LoginAnswer>('POST', '/api/auth/login', { email, password }, from(address));
  if (res.status === 200) client.csrfToken = res.body.csrfToken;
  return res;
}

// Each its own name: names are unique, and a taken name is refused before the limit is what answers.
const registration = (email: string) => ({ email, password: 'een-lang-wachtwoord', displayName: `Nieuw lid ${email.split('@')[0]}`, party: 'Lokaal Belang', municipality: 'Utrecht' });

describe('login and registration limits per address', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ env: { RATE_LIMIT_AUTH_MAX: '3', TRUST_PROXY: '1' } });
  });
  afterAll(() => app.close());

  /** Three pending accounts, each logged in from an address of its own. */
  async function pendingSessions(prefix: string): Promise<TestClient[]> {
    const clients: TestClient[] = [];
    for (let i = 1; i <= 3; i++) {
      const user = await makeUser(app.db, { status: 'pending' });
      const client = app.guest();
      expect((await loginFrom(client, `${prefix}.${i}`, user.email, DEFAULT_PASSWORD)).status).toBe(200);
      clients.push(client);
    }
    return clients;
  }

  it("gives no extra login tries to pending accounts' cookies from the same address", async () => {
    const pending = await pendingSessions('198.51.100');
    const address = '203.0.113.10';
    const guest = app.guest();
    const statuses: number[] = [];
    // Different e-mails each time, so only the per-address limit is in play.
    for (let i = 0; i < 4; i++) statuses.push((await loginFrom(guest, address, `gok${i}@example.nl`, 'een-fout-wachtwoord')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    for (const [i, client] of pending.entries()) {
      expect((await loginFrom(client, address, `ander${i}@example.nl`, 'een-fout-wachtwoord')).status, `session ${i}`).toBe(429);
    }
  });

  it("gives no extra registrations to pending accounts' cookies from the same address", async () => {
    const pending = await pendingSessions('198.51.101');
    const address = '203.0.113.11';
    const guest = app.guest();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await guest.request('POST', '/api/auth/register', registration(`nieuw${i}@example.nl`), from(address))).status);
    expect(statuses.map((s) => s === 429)).toEqual([false, false, false, true]);
    for (const [i, client] of pending.entries()) {
      const res = await client.request('POST', '/api/auth/register', registration(`extra${i}@example.nl`), from(address));
      expect(res.status, `session ${i}`).toBe(429);
    }
  });

  it('counts each address for itself', async () => {
    const guest = app.guest();
    for (let i = 0; i < 3; i++) await loginFrom(guest, '203.0.113.12', `los${i}@example.nl`, 'een-fout-wachtwoord');
    expect((await loginFrom(guest, '203.0.113.12', 'los9@example.nl', 'een-fout-wachtwoord')).status).toBe(429);
    // Another address (and another IPv6 /64) is not held back by the first one's tries.
    expect((await loginFrom(app.guest(), '203.0.113.13', 'los9@example.nl', 'een-fout-wachtwoord')).status).toBe(401);
    expect((await loginFrom(app.guest(), '2001:db8:1:2::1', 'los8@example.nl', 'een-fout-wachtwoord')).status).toBe(401);
  });

  it('counts a whole IPv6 /64 as one address', async () => {
    const guest = app.guest();
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) statuses.push((await loginFrom(guest, `2001:db8:aa:bb::${i}`, `v6-${i}@example.nl`, 'een-fout-wachtwoord')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('password-change limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ env: { RATE_LIMIT_AUTH_MAX: '3', TRUST_PROXY: '1' } });
  });
  afterAll(() => app.close());

  const change = (client: TestClient, address: string, currentPassword: string) =>
    client.request('POST', '/api/me/password', { currentPassword, newPassword: 'een-nieuw-lang-wachtwoord' }, from(address));

  it("gives other accounts' sessions from the same address no extra guesses at a current password", async () => {
    const sessions: TestClient[] = [];
    for (let i = 1; i <= 3; i++) {
      const user = await makeUser(app.db, { status: 'pending' });
      const client = app.guest();
      expect((await loginFrom(client, `198.51.102.${i}`, user.email, DEFAULT_PASSWORD)).status).toBe(200);
      sessions.push(client);
    }
    const address = '203.0.113.20';
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await change(sessions[0]!, address, `fout-wachtwoord-${i}`)).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    for (const [i, client] of sessions.slice(1).entries()) expect((await change(client, address, 'nog-een-gok-hier')).status, `session ${i}`).toBe(429);
  });

  it('stops a session guessing at its current password from address after address', async () => {
    const user = await makeUser(app.db);
    const client = app.guest();
    expect((await loginFrom(client, '198.51.103.1', user.email, DEFAULT_PASSWORD)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await change(client, `198.51.104.${i}`, `fout-wachtwoord-${i}`)).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    // The password is still the old one.
    expect((await loginFrom(app.guest(), '198.51.103.2', user.email, DEFAULT_PASSWORD)).status).toBe(200);
  });
});

describe('login limit per account', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ env: { RATE_LIMIT_AUTH_MAX: '20', TRUST_PROXY: '1' } });
  });
  afterAll(() => app.close());

  /** Address number `n` of a range no test uses otherwise: every try comes from a new address. */
  const rotating = (range: number, n: number) => `198.${18 + range}.${n >> 8}.${n & 255}`;

  it('stops guessing from rotating addresses; only browsers the owner logged in with still get in', async () => {
    const user = await makeUser(app.db);
    const owner = app.guest();
    expect((await loginFrom(owner, '192.0.2.1', user.email, DEFAULT_PASSWORD)).status).toBe(200);
    await owner.post('/api/auth/logout');
    await owner.refreshCsrf();

    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) statuses.push((await loginFrom(app.guest(), rotating(0, i), user.email, `gok-nummer-${i}`)).status);
    // The owner's own login counted once (it came without a device cookie); 19 guesses later the account is locked.
    expect(statuses.filter((s) => s === 401)).toHaveLength(19);
    expect(statuses.slice(19).every((s) => s === 429)).toBe(true);

    const stranger = await loginFrom(app.guest(), '192.0.2.2', user.email, DEFAULT_PASSWORD);
    expect(stranger.status).toBe(429);
    expect(stranger.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect((stranger.body as unknown as { error: { message: string } }).error.message).toMatch(/te vaak geprobeerd/);
    expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(0);

    // The owner's browser, from yet another address, is let in with the right password.
    expect((await loginFrom(owner, '192.0.2.3', user.email, DEFAULT_PASSWORD)).status).toBe(200);
    expect((await owner.get('/api/me')).status).toBe(200);
  });

  it('locks an unknown e-mail exactly like a real one, so the limit does not reveal who has an account', async () => {
    const user = await makeUser(app.db);
    const run = async (range: number, email: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await loginFrom(app.guest(), rotating(range, i), email, `gok-nummer-${i}`)).status);
      return statuses;
    };
    const real = await run(1, user.email);
    const unknown = await run(2, 'bestaat-niet@example.nl');
    expect(real).toEqual([...Array<number>(20).fill(401), 429, 429]);
    expect(unknown).toEqual(real);
  });

  it('stops trusting a device cookie that keeps failing', async () => {
    const user = await makeUser(app.db);
    const owner = app.guest();
    expect((await loginFrom(owner, '192.0.2.10', user.email, DEFAULT_PASSWORD)).status).toBe(200);
    // Someone copies the device cookie (say, from a shared computer) and guesses with it.
    const thief = app.guest();
    for (const [name, value] of owner.cookies) if (name === 'plein_device') thief.cookies.set(name, value);
    expect(thief.cookies.size).toBe(1);
    for (let i = 0; i < 20; i++) await loginFrom(app.guest(), rotating(3, i), user.email, `gok-nummer-${i}`);
    const guesses: number[] = [];
    for (let i = 0; i < 21; i++) guesses.push((await loginFrom(thief, rotating(4, i), user.email, `andere-gok-${i}`)).status);
    // Trusted for its first 20 failures (the account lock does not apply), then just another unknown client.
    expect(guesses).toEqual([...Array<number>(20).fill(401), 429]);
    expect((await loginFrom(thief, '192.0.2.11', user.email, DEFAULT_PASSWORD)).status).toBe(429);
  });
});

describe('TRUST_PROXY as a hop count', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ env: { RATE_LIMIT_AUTH_MAX: '3', TRUST_PROXY: '1' } });
  });
  afterAll(() => app.close());

  it('takes the address the proxy appended, not the client-chosen entries before it', async () => {
    const csrf = await app.app.inject({ method: 'GET', url: '/api/auth/csrf' });
    const cookie = csrf.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const token = csrf.json<{ token: string }>().token;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '127.0.0.1',
        // nginx appends the real peer (203.0.113.9) to whatever X-Forwarded-For the client sent.
        headers: { cookie, 'x-csrf-token': token, 'x-forwarded-for': `10.9.${i}.1, 203.0.113.9` },
        payload: { email: `proxy${i}@example.nl`, password: 'een-fout-wachtwoord' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it('ignores X-Forwarded-For from a peer on a public address: only a proxy on a private network is counted by hops', async () => {
    const csrf = await app.app.inject({ method: 'GET', url: '/api/auth/csrf' });
    const cookie = csrf.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const token = csrf.json<{ token: string }>().token;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        // A client reaching the server directly cannot pick its address with the header.
        remoteAddress: '203.0.113.77',
        headers: { cookie, 'x-csrf-token': token, 'x-forwarded-for': `10.8.${i}.1` },
        payload: { email: `direct${i}@example.nl`, password: 'een-fout-wachtwoord' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
