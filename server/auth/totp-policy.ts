import type { CurrentUser } from './types.js';
import { isModerator } from './users.js';

/**
 * Where the second login step is required for staff (STAFF_TOTP_REQUIRED, on in production), a moderator or admin
 * who has not set it up yet acts as a member: no moderation route (403 `totp_required`), no hidden post, no restricted
 * category, on HTTP, live and in mail alike, until she has. Her real role stays on record and is shown to her, so the client
 * can tell her what to do. Applied wherever a request's or a socket's user is loaded.
 */
export function applyStaffTotpPolicy<T extends Pick<CurrentUser, 'role' | 'totpEnabledAt' | 'awaitingTotpRole'>>(user: T, required: boolean): T {
  if (!required || user.totpEnabledAt !== null || !isModerator(user)) return user;
  // isModerator has just said the role is one of the two.
  return { ...user, role: 'member', awaitingTotpRole: user.role as 'moderator' | 'admin' };
}
