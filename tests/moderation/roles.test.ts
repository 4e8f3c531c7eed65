import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { LogList } from '../../shared/api/moderation.js';
import { makeUser } from '../../server/dev/factories.js';
import { admin, logFor, mod, notificationsOf, t, useAccountsForum, type UserAnswer } from './account-fixtures.js';

useAccountsForum();

describe('representative roles and moderator rights', () => {
  it('verifies and unverifies a representative role; refuses it for an account without one', async () => {
    const raadslid = await t.login({ representativeRole: 'raadslid' });
    const res = await mod.client.post<UserAnswer>(`/api/admin/users/${raadslid.user.id}/representative`, { verified: true });
    expect(res.body.user.representativeVerified).toBe(true);
    expect((await notificationsOf(raadslid.client)).notifications[0]!.message).toContain('raadslid');
    await mod.client.post(`/api/admin/users/${raadslid.user.id}/representative`, { verified: false });
    expect(await logFor(raadslid.user.id)).toEqual(['verify_representative', 'unverify_representative']);
    const plain = await makeUser(t.db);
    expect((await mod.client.post<ErrorBody>(`/api/admin/users/${plain.id}/representative`, { verified: true })).body.error.code).toBe('no_representative_role');
    expect((await mod.client.post<ErrorBody>(`/api/admin/users/${plain.id}/representative`, { verified: 'ja' })).body.error.field).toBe('verified');
  });

  it('only admins make moderators and take it away; nobody changes an admin or themselves', async () => {
    const member = await t.login();
    expect((await mod.client.post<ErrorBody>(`/api/admin/users/${member.user.id}/role`, { role: 'moderator' })).status).toBe(403);
    const res = await admin.client.post<UserAnswer>(`/api/admin/users/${member.user.id}/role`, { role: 'moderator' });
    expect(res.body.user.role).toBe('moderator');
    expect((await member.client.get('/api/moderation/queue')).status).toBe(200);
    await admin.client.post(`/api/admin/users/${member.user.id}/role`, { role: 'member' });
    expect((await member.client.get('/api/moderation/queue')).status).toBe(403);
    expect((await admin.client.post<ErrorBody>(`/api/admin/users/${member.user.id}/role`, { role: 'admin' })).body.error.field).toBe('role');
    expect((await admin.client.post(`/api/admin/users/${admin.user.id}/role`, { role: 'member' })).status).toBe(403);
    const log = await admin.client.get<LogList>(`/api/moderation/log?action=set_role&userId=${member.user.id}`);
    expect(log.body.entries.map((e) => e.details)).toEqual([
      { from: 'moderator', to: 'member' },
      { from: 'member', to: 'moderator' },
    ]);
  });
});
