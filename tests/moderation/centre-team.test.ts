import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { LogList } from '../../shared/api/moderation.js';
import type { UserBody } from '../../shared/api/users.js';
import { checkAccess } from '../../server/auth/session-plugin.js';
import { applyStaffTotpPolicy } from '../../server/auth/totp-policy.js';
import type { CurrentUser } from '../../server/auth/types.js';
import { isCentreStaff } from '../../server/centre/team.js';
import { HttpError } from '../../server/http/errors.js';
import { makeUser } from '../../server/dev/factories.js';
import { admin, logFor, mod, notificationsOf, t, useAccountsForum, type UserAnswer } from './account-fixtures.js';

useAccountsForum();

/** The refusal's code for a user on a 'centre' route, or 'ok'. */
function centreAccess(user: CurrentUser | null): string {
  try {
    checkAccess('centre', user);
    return 'ok';
  } catch (error) {
    return error instanceof HttpError ? error.code : String(error);
  }
}

describe('the kenniscentrum team', () => {
  it('only admins put an active member in the team and take her out; she is told, it is logged', async () => {
    const member = await t.login();
    const refused = await mod.client.post<ErrorBody>(`/api/admin/users/${member.user.id}/centre-team`, { centreTeam: true });
    expect(refused.status).toBe(403);
    expect((await member.client.get<UserBody>('/api/me')).body.user.centreTeam).toBeUndefined();

    const added = await admin.client.post<UserAnswer>(`/api/admin/users/${member.user.id}/centre-team`, { centreTeam: true });
    expect(added.body.user.centreTeam).toBe(true);
    expect((await member.client.get<UserBody>('/api/me')).body.user.centreTeam).toBe(true);
    expect((await notificationsOf(member.client)).notifications[0]!.message).toBe('Je bent nu lid van het team van het kenniscentrum.');

    // Saying it twice changes nothing and logs nothing.
    await admin.client.post(`/api/admin/users/${member.user.id}/centre-team`, { centreTeam: true });
    await admin.client.post(`/api/admin/users/${member.user.id}/centre-team`, { centreTeam: false });
    expect((await member.client.get<UserBody>('/api/me')).body.user.centreTeam).toBeUndefined();
    expect(await logFor(member.user.id)).toEqual(['set_centre_team', 'set_centre_team']);
    const log = await admin.client.get<LogList>(`/api/moderation/log?action=set_centre_team&userId=${member.user.id}`);
    expect(log.body.entries.map((e) => e.details)).toEqual([{ to: false }, { to: true }]);
  });

  it('refuses an account that is not active, and a body that is not a yes or no', async () => {
    const pending = await makeUser(t.db, { status: 'pending' });
    const refused = await admin.client.post<ErrorBody>(`/api/admin/users/${pending.id}/centre-team`, { centreTeam: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('not_active');
    const member = await makeUser(t.db);
    const bad = await admin.client.post<ErrorBody>(`/api/admin/users/${member.id}/centre-team`, { centreTeam: 'ja' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('centreTeam');
    expect(await logFor(pending.id)).toEqual([]);
  });

  it("'centre' routes: admins and the team; not moderators, plain members or accounts that are not active", async () => {
    const user = async (fields: Parameters<typeof makeUser>[1]) => ({ ...(await makeUser(t.db, fields)), awaitingTotpRole: undefined });
    const member = await user({});
    const team = await user({ centreTeam: true });
    expect(centreAccess(null)).toBe('not_logged_in');
    expect(centreAccess(member)).toBe('not_allowed');
    expect(centreAccess(await user({ role: 'moderator' }))).toBe('not_allowed');
    expect(centreAccess(await user({ centreTeam: true, status: 'suspended' }))).toBe('account_suspended');
    expect(centreAccess(team)).toBe('ok');
    expect(centreAccess(await user({ role: 'admin' }))).toBe('ok');
    expect([member, team].map(isCentreStaff)).toEqual([false, true]);
  });

  it('where staff need the second step, a team member without it is not acting for the team until she has it', async () => {
    const team = { ...(await makeUser(t.db, { centreTeam: true })), awaitingTotpRole: undefined };
    const strict = applyStaffTotpPolicy(team, true);
    expect(strict).toMatchObject({ centreTeam: false, awaitingTotpTeam: true, role: 'member' });
    expect(centreAccess(strict)).toBe('totp_required');
    expect(isCentreStaff(strict)).toBe(false);
    expect(centreAccess(applyStaffTotpPolicy({ ...team, totpEnabledAt: new Date() }, true))).toBe('ok');
    expect(centreAccess(applyStaffTotpPolicy(team, false))).toBe('ok');
  });
});
