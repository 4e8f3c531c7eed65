import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireDeclaredAccess } from '../../server/http/route-guard.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A concrete URL for a route pattern: every parameter becomes 1 (a slug parameter a real category). */
const concrete = (url: string) => url.replace(/:slug/g, 'campagne').replace(/:[a-zA-Z]+/g, '1');

describe('declared access', () => {
  it('refuses to start a server with an API route that does not declare who may call it', async () => {
    const app = Fastify();
    await app.register(requireDeclaredAccess);
    expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/does not declare config.auth/);
    expect(() => app.get('/api/declared', { config: { auth: 'public' } }, async () => ({}))).not.toThrow();
    await app.close();
  });

  it('answers 401 to a guest on every route that is not public, whatever the method', async () => {
    const guarded = t.app.accessTable.filter((r) => r.auth !== 'public');
    expect(guarded.length).toBeGreaterThan(8);
    for (const route of guarded) {
      const guest = t.guest();
      await guest.refreshCsrf();
      const res = await guest.request(route.method as 'GET', concrete(route.url), route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect(res.status, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('answers 403 to a pending account on every route for members and above', async () => {
    const { client } = await t.login({ status: 'pending' });
    for (const route of t.app.accessTable.filter((r) => r.auth !== 'public' && r.auth !== 'user')) {
      const res = await client.request<{ error: { code: string } }>(route.method as 'GET', concrete(route.url), route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect(res.status, `${route.method} ${route.url}`).toBe(403);
      expect(res.body.error.code).toBe('account_pending');
    }
  });

  it('answers 403 to a member on every route for moderators and admins', async () => {
    const { client } = await t.login();
    for (const route of t.app.accessTable.filter((r) => r.auth === 'moderator' || r.auth === 'admin')) {
      const res = await client.request<{ error: { code: string } }>(route.method as 'GET', concrete(route.url), route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect(res.status, `${route.method} ${route.url}`).toBe(403);
    }
  });
});
