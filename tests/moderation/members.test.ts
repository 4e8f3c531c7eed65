import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { User } from '../../shared/api/users.js';
import { sessions, users } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { admin, logFor, mod, notificationsOf, t, useAccountsForum, type UserAnswer } from './account-fixtures.js';

useAccountsForum();

describe('approving and rejecting registrations', () => {
  it('approves a pending member: logged, notified, and they can use the forum', async () => {
    const pending = await t.login({ status: 'pending' });
    expect((await pending.client.get('/api/categories')).status).toBe(403);
    const res = await mod.client.post<UserAnswer>(`/api/admin/users/${pending.user.id}/approve`);
    expect(res.status).toBe(200);
    expect(res.body.user.status).toBe('active');
    expect((await pending.client.get('/api/categories')).status).toBe(200);
    const notes = await notificationsOf(pending.client);
    expect(notes.notifications[0]!.message).toContain('Je account is goedgekeurd');
    expect(notes.unreadCount).toBe(1);
    expect(await logFor(pending.user.id)).toEqual(['approve_user']);
    expect((await mod.client.post<ErrorBody>(`/api/admin/users/${pending.user.id}/approve`)).body.error.code).toBe('not_pending');
  });

  it('rejects a pending member with a reason they can read', async () => {
    const pending = await t.login({ status: 'pending' });
    const bad = await mod.client.post<ErrorBody>(`/api/admin/users/${pending.user.id}/reject`, { reason: ' ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('reason');
    const res = await mod.client.post<UserAnswer>(`/api/admin/users/${pending.user.id}/reject`, { reason: 'Geen lid van een lokale partij' });
    expect(res.body.user).toMatchObject({ status: 'rejected', statusReason: 'Geen lid van een lokale partij' });
    expect((await pending.client.get<ErrorBody>('/api/categories')).body.error.code).toBe('account_rejected');
    expect((await notificationsOf(pending.client)).notifications[0]!.message).toContain('Geen lid van een lokale partij');
    expect(await logFor(pending.user.id)).toEqual(['reject_user']);
  });
});

describe('suspending', () => {
  it('ends the member’s sessions at once; after logging in again they get account_suspended and can read why', async () => {
    const member = await t.login();
    const full = (await t.db.select().from(users).where(eq(users.id, member.user.id)))[0]!;
    const res = await mod.client.post<UserAnswer>(`/api/admin/users/${member.user.id}/suspend`, { reason: 'Herhaaldelijk beledigend', days: 3 });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ status: 'suspended', statusReason: 'Herhaaldelijk beledigend' });
    expect(await t.db.$count(sessions, eq(sessions.userId, member.user.id))).toBe(0);
    // Chosen behaviour: the existing session is revoked, so the old cookie is a guest's (401).
    expect((await member.client.get('/api/categories')).status).toBe(401);

    const again = await t.loginAs(full);
    const forum = await again.get<ErrorBody>('/api/categories');
    expect(forum.status).toBe(403);
    expect(forum.body.error.code).toBe('account_suspended');
    const me = await again.get<{ user: User }>('/api/me');
    expect(me.body.user.statusReason).toBe('Herhaaldelijk beledigend');
    expect(me.body.user.suspendedUntil).toBeTruthy();
    const notes = await notificationsOf(again);
    expect(notes.notifications[0]).toMatchObject({ kind: 'account_suspended' });
    expect(notes.notifications[0]!.message).toContain('Herhaaldelijk beledigend');
    expect(await logFor(member.user.id)).toEqual(['suspend_user']);
  });

  it('a suspension whose end has passed is lifted by the next request', async () => {
    const member = await t.login();
    const full = (await t.db.select().from(users).where(eq(users.id, member.user.id)))[0]!;
    await mod.client.post(`/api/admin/users/${member.user.id}/suspend`, { reason: 'Afkoelen', days: 1 });
    await t.db.update(users).set({ suspendedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, member.user.id));
    const client = await t.loginAs(full);
    expect((await client.get('/api/categories')).status).toBe(200);
    const [row] = await t.db.select().from(users).where(eq(users.id, member.user.id));
    expect(row).toMatchObject({ status: 'active', suspendedUntil: null });
  });

  it('an indefinite suspension stays until a moderator lifts it', async () => {
    const member = await t.login();
    const full = (await t.db.select().from(users).where(eq(users.id, member.user.id)))[0]!;
    const res = await mod.client.post<UserAnswer>(`/api/admin/users/${member.user.id}/suspend`, { reason: 'Spam-account' });
    expect(res.body.user.suspendedUntil).toBeNull();
    const lifted = await mod.client.post<UserAnswer>(`/api/admin/users/${member.user.id}/lift`);
    expect(lifted.body.user).toMatchObject({ status: 'active', statusReason: null });
    expect((await (await t.loginAs(full)).get('/api/categories')).status).toBe(200);
    expect((await mod.client.post<ErrorBody>(`/api/admin/users/${member.user.id}/lift`)).body.error.code).toBe('not_suspended');
    expect(await logFor(member.user.id)).toEqual(['suspend_user', 'lift_suspension']);
  });

  it('a moderator cannot suspend themselves, an admin or another moderator; an admin can suspend a moderator', async () => {
    const otherMod = await makeUser(t.db, { role: 'moderator' });
    for (const id of [mod.user.id, admin.user.id, otherMod.id]) {
      const res = await mod.client.post<ErrorBody>(`/api/admin/users/${id}/suspend`, { reason: 'Test' });
      expect(res.status).toBe(403);
    }
    expect((await admin.client.post<ErrorBody>(`/api/admin/users/${admin.user.id}/suspend`, { reason: 'Test' })).status).toBe(403);
    expect((await admin.client.post<UserAnswer>(`/api/admin/users/${otherMod.id}/suspend`, { reason: 'Misbruik van rechten' })).body.user.status).toBe('suspended');
    const [me] = await t.db.select().from(users).where(eq(users.id, mod.user.id));
    expect(me!.status).toBe('active');
  });

  it('refuses bad suspend input and unknown or pending accounts', async () => {
    const member = await makeUser(t.db);
    for (const [body, field] of [
      [{}, 'reason'],
      [{ reason: 'x', days: 0 }, 'days'],
      [{ reason: 'x', days: 'lang' }, 'days'],
      [{ reason: 'x', days: 4000 }, 'days'],
    ] as const) {
      const res = await mod.client.post<ErrorBody>(`/api/admin/users/${member.id}/suspend`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    expect((await mod.client.post('/api/admin/users/99999999/suspend', { reason: 'x' })).status).toBe(404);
    const pending = await makeUser(t.db, { status: 'pending' });
    expect((await mod.client.post<ErrorBody>(`/api/admin/users/${pending.id}/suspend`, { reason: 'x' })).body.error.code).toBe('not_active');
    expect(await logFor(member.id)).toEqual([]);
  });
});
