import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let production: TestApp;
let behindOrigin: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  production = await buildTestApp({ env: { NODE_ENV: 'production' } });
  behindOrigin = await buildTestApp({ env: { PUBLIC_ORIGIN: 'https://plein.example.nl' } });
});
afterAll(async () => {
  await t.close();
  await production.close();
  await behindOrigin.close();
});

const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

describe('security headers', () => {
  it('sends a strict content security policy and the other helmet headers on answers and errors alike', async () => {
    for (const url of ['/api/health', '/api/me', '/api/bestaat-niet']) {
      const { headers } = await t.guest().get(url);
      const csp = String(headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('adds HSTS and upgrade-insecure-requests in production only', async () => {
    const { headers } = await production.guest().get('/api/health');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(String(headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });

  it("lets scripts connect to the site's own origin only, not to any ws: or wss: host", async () => {
    const csp = String((await t.guest().get('/api/health')).headers['content-security-policy']);
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
  });

  it("adds the public origin's own websocket origin when PUBLIC_ORIGIN is set, for browsers before CSP 3", async () => {
    const csp = String((await behindOrigin.guest().get('/api/health')).headers['content-security-policy']);
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' wss://plein.example.nl");
  });

  it('denies the powerful browser features the forum does not use, on documents (not on the API’s JSON)', async () => {
    expect((await t.guest().get('/api/health')).headers['permissions-policy']).toBeUndefined();
    for (const url of ['/', '/bestaat-niet']) {
      const policy = String((await t.guest().get(url)).headers['permissions-policy']);
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'interest-cohort', 'browsing-topics']) {
        expect(policy, url).toContain(`${feature}=()`);
      }
    }
  });

  it('forbids caching of every API answer, public or authenticated, success or error', async () => {
    const { client } = await t.login();
    for (const [who, url] of [
      [t.guest(), '/api/health'],
      [t.guest(), '/api/me'],
      [t.guest(), '/api/bestaat-niet'],
      [client, '/api/me'],
      [client, '/api/categories'],
      [client, '/api/notifications'],
    ] as const) {
      const res = await who.get(url);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const posted = await client.patch('/api/me', { party: 'Een partij' });
    expect(posted.status).toBe(200);
    expect(posted.headers['cache-control']).toBe('no-store');
  });
});
