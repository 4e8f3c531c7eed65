import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

type ErrorBody = { error: { code: string; message: string } };
type MemberBody = { member: Record<string, unknown>; stats: Record<string, number> };

let t: TestApp;
let member: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  ({ client: member } = await t.login());
});
afterAll(() => t.close());

describe('GET /api/members/:id', () => {
  it('is declared for members', () => {
    expect(t.app.accessTable).toContainEqual(expect.objectContaining({ method: 'GET', url: '/api/members/:id', auth: 'member' }));
  });

  it("shows an active member's public page, and nothing more", async () => {
    const approvedAt = new Date('2025-03-04T10:00:00.000Z');
    const raadslid = await makeUser(t.db, {
      displayName: 'Openbaar Raadslid',
      email: 'raadslid@example.nl',
      party: 'Groen Dorp',
      municipality: 'Zwolle',
      representativeRole: 'raadslid',
    });
    await t.db.update(users).set({ approvedAt, representativeVerified: true, statusReason: 'geheim' }).where(eq(users.id, raadslid.id));
    const res = await member.get<MemberBody>(`/api/members/${raadslid.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      member: {
        id: raadslid.id,
        displayName: 'Openbaar Raadslid',
        party: 'Groen Dorp',
        municipality: 'Zwolle',
        representativeRole: 'raadslid',
        representativeVerified: true,
        avatarUrl: null,
        memberSince: approvedAt.toISOString(),
      },
      stats: { threads: 0, posts: 0, bestAnswers: 0, thanksReceived: 0 },
      threads: [],
      posts: [],
      bestAnswers: [],
      canMessage: true,
      blockedByMe: false,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/example\.nl|geheim/);
  });

  it('answers 404 for accounts that are not active, and for ids that do not exist', async () => {
    for (const status of ['pending', 'suspended', 'rejected'] as const) {
      const other = await makeUser(t.db, { status });
      const res = await member.get<ErrorBody>(`/api/members/${other.id}`);
      expect(res.status, status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await member.get<ErrorBody>('/api/members/999999')).status).toBe(404);
    expect((await member.get<ErrorBody>('/api/members/0')).status).toBe(400);
  });

  it('refuses guests (401) and accounts that are not active (403)', async () => {
    const target = await makeUser(t.db);
    expect((await t.guest().get(`/api/members/${target.id}`)).status).toBe(401);
    const { client: pending } = await t.login({ status: 'pending' });
    expect((await pending.get(`/api/members/${target.id}`)).status).toBe(403);
  });
});
