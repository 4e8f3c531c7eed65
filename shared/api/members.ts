import { Type, type Static } from 'typebox';
import { RepresentativeRoleSchema } from './users.js';
import { Timestamp } from './common.js';

/**
 * GET /api/members/:id: what every member may read of another, active member (the page /leden/:id that a mention
 * links to). Never the e-mail address, the status or anything moderation keeps.
 * The @-autocomplete's shapes (GET /api/members/suggest) are MemberSuggestQuery / MemberSuggestions in
 * notifications.ts.
 */
export const MemberProfile = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  party: Type.String(),
  municipality: Type.String(),
  representativeRole: Type.Union([RepresentativeRoleSchema, Type.Null()]),
  representativeVerified: Type.Boolean(),
  /** When the account was approved (or made, for an account that never waited). */
  memberSince: Timestamp,
});
export type MemberProfile = Static<typeof MemberProfile>;

export const MemberProfileBody = Type.Object({ member: MemberProfile });
export type MemberProfileBody = Static<typeof MemberProfileBody>;
