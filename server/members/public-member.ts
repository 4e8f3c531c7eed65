import type { RepresentativeRole } from '../../shared/constants.js';
import { users } from '../db/schema.js';
import { avatarUrl } from './avatar-url.js';

/**
 * What every member may know of another, and the one place her choice to hide her party and municipality is applied
 * (users.show_affiliation): her page, the directory, and the author of each post (forum/queries.ts). Never an e-mail.
 */
export const publicMemberColumns = {
  id: users.id,
  displayName: users.displayName,
  party: users.party,
  municipality: users.municipality,
  showAffiliation: users.showAffiliation,
  representativeRole: users.representativeRole,
  representativeVerified: users.representativeVerified,
  avatarUpdatedAt: users.avatarUpdatedAt,
};

/** Her party and municipality, or nothing when she chose not to show them. */
export const shownAffiliation = (row: { showAffiliation: boolean; party: string; municipality: string }) =>
  row.showAffiliation ? { party: row.party, municipality: row.municipality } : {};

export interface PublicMemberRow {
  id: number;
  displayName: string;
  party: string;
  municipality: string;
  showAffiliation: boolean;
  representativeRole: string | null;
  representativeVerified: boolean;
  avatarUpdatedAt: Date | null;
}

export const toPublicMember = (row: PublicMemberRow) => ({
  id: row.id,
  displayName: row.displayName,
  ...shownAffiliation(row),
  // The database holds what the API wrote, from REPRESENTATIVE_ROLES.
  representativeRole: row.representativeRole as RepresentativeRole | null,
  representativeVerified: row.representativeVerified,
  avatarUrl: avatarUrl(row.id, row.avatarUpdatedAt),
});
