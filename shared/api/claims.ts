import { Type, type Static } from 'typebox';
import { IdParams, OneOf, Timestamp } from './common.js';

/** What a piece of waiting work can be claimed as: a reported post, or a registration (a pending account). */
export const CLAIM_KINDS = ['report', 'registration'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** A claim counts this long; after it, another moderator may take the item over. */
export const CLAIM_MINUTES = 30;

/** Who is handling an item, since when; `mine` when it is the asking moderator. */
export const Claim = Type.Object({
  moderator: Type.Object({ id: Type.Integer(), displayName: Type.String() }),
  claimedAt: Timestamp,
  mine: Type.Boolean(),
});
export type Claim = Static<typeof Claim>;

export const NullableClaim = Type.Union([Claim, Type.Null()]);

export const ClaimParams = Type.Object({ kind: OneOf(CLAIM_KINDS), id: IdParams.properties.id });
export type ClaimParams = Static<typeof ClaimParams>;

export const ClaimAnswer = Type.Object({ claim: Claim });
