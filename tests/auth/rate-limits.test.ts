import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

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
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
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
