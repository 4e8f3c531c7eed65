import type { User } from '../../../shared/api/users';

/**
 * Whether the client offers her the kenniscentrum's staff work (announcing trainings, their participants): an admin,
 * or a member of the centre's team. The same rule as the server's (server/centre/team.ts), which checks again.
 */
export const isCentreStaff = (user: Pick<User, 'role' | 'centreTeam'> | null | undefined): boolean => !!user && (user.role === 'admin' || user.centreTeam === true);
