import type { CurrentUser } from './types.js';
import { isModerator } from './users.js';

/**
 * Where the second login step is required for staff (STAFF_TOTP_REQUIRED, on in production), a moderator or admin
 * who has not set it up yet acts as a member: no moderation route (403 `totp_required`), no hidden post, no restricted
 * category, on HTTP, live and in mail alike, until she has. Her real role stays on record and is shown to her, so the client
 * can tell her what to do. Applied wherever a request's or a socket's user is loaded. A member of the kenniscentrum's
 * team (centre/team.ts) is staff in the same way: until she has the second step, she does not act for the team.
 */
export function applyStaffTotpPolicy<T extends Pick<CurrentUser, 'role' | 'totpEnabledAt' | 'awaitingTotpRole' | 'awaitingTotpTeam'> & { centreTeam?: boolean }>(
  user: T,
  required: boolean,
): T {
  if (!required || user.totpEnabledAt !== null || (!isModerator(user) && !user.centreTeam)) return user;
  // The kenniscentrum's team reads members' questions to the helpdesk: it is staff here too.
  const team = user.centreTeam ? { centreTeam: false, awaitingTotpTeam: true as const } : {};
  // isModerator says whether the role is one of the two.
  return { ...user, ...team, ...(isModerator(user) ? { role: 'member', awaitingTotpRole: user.role as 'moderator' | 'admin' } : {}) };
}
