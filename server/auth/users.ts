import { eq, getTableColumns } from 'drizzle-orm';
import type { User } from '../../shared/api/users.js';
import type { RepresentativeRole, Role, UserStatus } from '../../shared/constants.js';
import type { DbOrTx } from '../db/client.js';
import { users } from '../db/schema.js';
import { avatarUrl } from '../members/avatar-url.js';
import type { CurrentUser } from './types.js';

const { passwordHash: _omit, ...publicColumns } = getTableColumns(users);
/** Every column but the password hash, so a hash never travels further than the login route. */
export const userColumns = publicColumns;

export async function findUserById(db: DbOrTx, id: number): Promise<CurrentUser | null> {
  const rows = await db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The account as the API shows it. The status reason is only for the user themselves and for moderators. */
export function toUserDto(user: CurrentUser, withReason: boolean): User {
  return {
    id: user.id,
    displayName: user.displayName,
    party: user.party,
    municipality: user.municipality,
    representativeRole: user.representativeRole as RepresentativeRole | null,
    representativeVerified: user.representativeVerified,
    role: (user.awaitingTotpRole ?? user.role) as Role,
    status: user.status as UserStatus,
    ...(withReason
      ? {
          statusReason: user.statusReason,
          suspendedUntil: user.suspendedUntil?.toISOString() ?? null,
          totpEnabled: user.totpEnabledAt !== null,
          ...(user.awaitingTotpRole || user.awaitingTotpTeam ? { totpRequired: true } : {}),
          // Her privacy choice, for her account page; other members only ever see its effect (members/page.ts).
          showAffiliation: user.showAffiliation,
        }
      : {}),
    ...(user.centreTeam || user.awaitingTotpTeam ? { centreTeam: true } : {}),
    avatarUrl: avatarUrl(user.id, user.avatarUpdatedAt),
    createdAt: user.createdAt.toISOString(),
  };
}

export const isModerator = (user: Pick<CurrentUser, 'role'> | null): boolean => user !== null && (user.role === 'moderator' || user.role === 'admin');
