import { Type, type Static } from 'typebox';
import { RepresentativeRoleSchema } from './users.js';
import { NextCursor, Timestamp } from './common.js';

/**
 * What members read of each other: a member's page (GET /api/members/:id, /leden/:id, where author names and mentions
 * link) and the members directory (GET /api/members, /leden). Membership of a local party says something about a
 * political preference, so the rule is the minimum: never the e-mail address, the status or anything moderation
 * keeps, and her party and municipality only when she chose to show them (`users.show_affiliation`, on by default,
 * PATCH /api/me `showAffiliation`): absent, not empty, when she hides them.
 * The @-autocomplete's shapes (GET /api/members/suggest) are MemberSuggestQuery / MemberSuggestions in
 * notifications.ts.
 */
export const MemberProfile = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  /** Absent when she hides her party and municipality from other members. */
  party: Type.Optional(Type.String()),
  municipality: Type.Optional(Type.String()),
  representativeRole: Type.Union([RepresentativeRoleSchema, Type.Null()]),
  representativeVerified: Type.Boolean(),
  /** Her uploaded picture (as post authors carry it); null: her initials are shown. */
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  /** When the account was approved (or made, for an account that never waited). */
  memberSince: Timestamp,
});
export type MemberProfile = Static<typeof MemberProfile>;

/**
 * Her activity as the ASKER may see it: only threads in categories the asker enters, in a state every member sees,
 * and only posts every member reads (neither hidden nor deleted), whoever asks. So nobody learns from a count that
 * a closed category or a removed post exists.
 */
export const MemberStats = Type.Object({
  threads: Type.Integer(),
  posts: Type.Integer(),
  /** Her posts marked the best answer of their thread (a thread that counts as solved). */
  bestAnswers: Type.Integer(),
  /** "Bedankt" and "Nuttig" on those posts together. */
  thanksReceived: Type.Integer(),
});
export type MemberStats = Static<typeof MemberStats>;

export const MemberThread = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  categorySlug: Type.String(),
  postCount: Type.Integer(),
  lastPostAt: Timestamp,
  solved: Type.Boolean(),
});
export type MemberThread = Static<typeof MemberThread>;

/** One of her posts in a list: where it is (link `/discussie/<threadId>#bericht-<id>`) and the start of its text. */
export const MemberPost = Type.Object({
  id: Type.Integer(),
  threadId: Type.Integer(),
  threadTitle: Type.String(),
  /** Plain text, at most MEMBER_EXCERPT_MAX characters (cut at a word, ending in " …"). */
  excerpt: Type.String(),
  createdAt: Timestamp,
});
export type MemberPost = Static<typeof MemberPost>;

export const MEMBER_EXCERPT_MAX = 200;
/** How many of each list the page shows: her latest; the rest is found through search ("schrijver"). */
export const MEMBER_LIST_MAX = 10;

export const MemberProfileBody = Type.Object({
  member: MemberProfile,
  stats: MemberStats,
  /** Her threads, newest activity first. */
  threads: Type.Array(MemberThread),
  /** Her posts, newest first. */
  posts: Type.Array(MemberPost),
  /** Her best answers, newest first. */
  bestAnswers: Type.Array(MemberPost),
  /** The asker may start a conversation with her (false for herself, an inactive member, or one who blocked the asker). */
  canMessage: Type.Boolean(),
  /** The asker has blocked her. */
  blockedByMe: Type.Boolean(),
});
export type MemberProfileBody = Static<typeof MemberProfileBody>;

/**
 * GET /api/members: the directory. Every filter is optional; all of them are plain strings here and checked by the
 * route, so a wrong value gets a Dutch message naming the field (server/members/directory.ts).
 * - `q`: part of the name (compared as names are: case, accents ignored);
 * - `municipality`: exactly that municipality; `province`: one of PROVINCIES (shared/gemeenten.ts). Both only ever
 *   match members who show their municipality;
 * - `role`: a representative role (REPRESENTATIVE_ROLES).
 */
export const MemberDirectoryQuery = Type.Object({
  q: Type.Optional(Type.String()),
  municipality: Type.Optional(Type.String()),
  province: Type.Optional(Type.String()),
  role: Type.Optional(Type.String()),
  cursor: Type.Optional(Type.String()),
});
export type MemberDirectoryQuery = Static<typeof MemberDirectoryQuery>;

/** A row of the directory: what her page's header shows, nothing more. */
export const MemberListItem = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  party: Type.Optional(Type.String()),
  municipality: Type.Optional(Type.String()),
  representativeRole: Type.Union([RepresentativeRoleSchema, Type.Null()]),
  representativeVerified: Type.Boolean(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
});
export type MemberListItem = Static<typeof MemberListItem>;

export const MemberDirectory = Type.Object({ members: Type.Array(MemberListItem), nextCursor: NextCursor });
export type MemberDirectory = Static<typeof MemberDirectory>;

/** Page size of the directory. */
export const MEMBER_DIRECTORY_PAGE = 20;
