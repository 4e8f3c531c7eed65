import { sql, type SQL } from 'drizzle-orm';
import type { CurrentUser } from '../auth/types.js';

/**
 * The kenniscentrum's staff: admins, and the members admins put in the centre's team (`users.centre_team`). They
 * announce trainings, keep the Wegwijzer and answer the helpdesk. The one place this rule is written; routes say
 * `auth: 'centre'` (auth/session-plugin.ts checkAccess), other code asks here.
 */
export const isCentreStaff = (user: Pick<CurrentUser, 'role' | 'centreTeam'> | null): boolean =>
  user !== null && (user.role === 'admin' || user.centreTeam);

/** The same rule over a users table alias `u` in SQL: who hears of the helpdesk's new questions. */
export const centreStaffSql = (u: string): SQL => sql.raw(`(${u}.role = 'admin' or ${u}.centre_team)`);
