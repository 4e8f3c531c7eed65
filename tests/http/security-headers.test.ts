import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let production: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  production = await buildTestApp({ env: { NODE_ENV: 'production' } });
});
afterAll(async () => {
  await t.close();
  await production.close();
});

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
});
