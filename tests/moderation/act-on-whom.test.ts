import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import { moderationActions, users } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { admin, mod, t, useAccountsForum } from './account-fixtures.js';

/**
 * Finding 7 of the audit: POST /api/admin/users/:id/representative skipped the rule that nobody acts on themselves
 * or on an admin (a moderator verified his own representative role and un-verified the admin's). Every member
 * action now applies that rule, and only admins act on moderators.
 */
useAccountsForum();

type Action = { path: string; body?: Record<string, unknown> };
const approve: Action = { path: 'approve' };
const reject: Action = { path: 'reject', body: { reason: 'Test' } };
const lift: Action = { path: 'lift' };
const verify: Action = { path: 'representative', body: { verified: true } };
const unverify: Action = { path: 'representative', body: { verified: false } };
const makeModerator: Action = { path: 'role', body: { role: 'moderator' } };
const makeMember: Action = { path: 'role', body: { role: 'member' } };

async function expectDenied(client: typeof mod.client, targetId: number, action: Action) {
  const [before] = await t.db.select().from(users).where(eq(users.id, targetId));
  const logged = await t.db.$count(moderationActions);
  const res = await client.post<ErrorBody>(`/api/admin/users/${targetId}/${action.path}`, action.body);
  expect(res.status, `${action.path} ${JSON.stringify(action.body)} on ${targetId}: ${JSON.stringify(res.body)}`).toBe(403);
  expect(res.body.error.code).toBe('not_allowed');
  expect(res.body.error.message).toMatch(/account/);
  const [after] = await t.db.select().from(users).where(eq(users.id, targetId));
  // Her last visit (notifications/last-seen.ts) is the one thing any request of hers may move.
  expect({ ...after, lastSeenAt: null }).toEqual({ ...before, lastSeenAt: null });
  expect(await t.db.$count(moderationActions)).toBe(logged);
}

describe('nobody acts on themselves or on an admin; only admins on moderators', () => {
  it('a moderator cannot verify or un-verify his own representative role', async () => {
    const self = await t.login({ role: 'moderator', representativeRole: 'burgemeester' });
    await expectDenied(self.client, self.user.id, verify);
    await t.db.update(users).set({ representativeVerified: true }).where(eq(users.id, self.user.id));
    await expectDenied(self.client, self.user.id, unverify);
  });

  it("a moderator cannot verify or un-verify an admin's or another moderator's role", async () => {
    const verifiedAdmin = await makeUser(t.db, { role: 'admin', representativeRole: 'raadslid' });
    await t.db.update(users).set({ representativeVerified: true }).where(eq(users.id, verifiedAdmin.id));
    await expectDenied(mod.client, verifiedAdmin.id, unverify);
    const unverifiedAdmin = await makeUser(t.db, { role: 'admin', representativeRole: 'wethouder' });
    await expectDenied(mod.client, unverifiedAdmin.id, verify);
    const otherMod = await makeUser(t.db, { role: 'moderator', representativeRole: 'statenlid' });
    await expectDenied(mod.client, otherMod.id, verify);
    // An admin may: moderators are members with more rights, checked by admins.
    expect((await admin.client.post(`/api/admin/users/${otherMod.id}/representative`, { verified: true })).status).toBe(200);
  });

  it('an admin cannot verify his own role or another admin’s', async () => {
    const self = await t.login({ role: 'admin', representativeRole: 'raadslid' });
    await expectDenied(self.client, self.user.id, verify);
    const other = await makeUser(t.db, { role: 'admin', representativeRole: 'raadslid' });
    await expectDenied(self.client, other.id, verify);
  });

  it('nobody lifts their own suspension or an admin’s; only admins lift a moderator’s', async () => {
    const suspendedAdmin = await makeUser(t.db, { role: 'admin', status: 'suspended' });
    await expectDenied(mod.client, suspendedAdmin.id, lift);
    await expectDenied(admin.client, suspendedAdmin.id, lift);
    const suspendedMod = await makeUser(t.db, { role: 'moderator', status: 'suspended' });
    await expectDenied(mod.client, suspendedMod.id, lift);
    expect((await admin.client.post(`/api/admin/users/${suspendedMod.id}/lift`)).status).toBe(200);
  });

  it('nobody approves or rejects an admin’s or a moderator’s pending account, unless an admin for a moderator', async () => {
    const pendingAdmin = await makeUser(t.db, { role: 'admin', status: 'pending' });
    await expectDenied(mod.client, pendingAdmin.id, approve);
    await expectDenied(admin.client, pendingAdmin.id, reject);
    const pendingMod = await makeUser(t.db, { role: 'moderator', status: 'pending' });
    await expectDenied(mod.client, pendingMod.id, approve);
    await expectDenied(mod.client, pendingMod.id, reject);
    expect((await admin.client.post(`/api/admin/users/${pendingMod.id}/approve`)).status).toBe(200);
  });

  it('an admin changes moderators and members, not himself or another admin', async () => {
    await expectDenied(admin.client, admin.user.id, makeMember);
    const other = await makeUser(t.db, { role: 'admin' });
    await expectDenied(admin.client, other.id, makeMember);
    await expectDenied(admin.client, other.id, makeModerator);
    const member = await makeUser(t.db);
    expect((await admin.client.post(`/api/admin/users/${member.id}/role`, makeModerator.body)).status).toBe(200);
    expect((await admin.client.post(`/api/admin/users/${member.id}/role`, makeMember.body)).status).toBe(200);
  });

  it('says in Dutch why', async () => {
    const self = await t.login({ role: 'moderator', representativeRole: 'raadslid' });
    expect((await self.client.post<ErrorBody>(`/api/admin/users/${self.user.id}/representative`, { verified: true })).body.error.message).toBe(
      'Dit kun je niet met je eigen account doen.',
    );
    expect((await mod.client.post<ErrorBody>(`/api/admin/users/${admin.user.id}/representative`, { verified: false })).body.error.message).toBe(
      'Het account van een beheerder kan niet via Plein worden aangepast.',
    );
    const otherMod = await makeUser(t.db, { role: 'moderator', representativeRole: 'raadslid' });
    expect((await mod.client.post<ErrorBody>(`/api/admin/users/${otherMod.id}/representative`, { verified: true })).body.error.message).toBe(
      'Alleen een beheerder kan het account van een moderator aanpassen.',
    );
  });
});
