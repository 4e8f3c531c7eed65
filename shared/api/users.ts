import { Type, type Static } from 'typebox';
import { LIMITS, REPRESENTATIVE_ROLES, ROLES, USER_STATUSES } from '../constants.js';
import { NextCursor, NullableTimestamp, OneOf, Timestamp } from './common.js';
import { NullableClaim } from './claims.js';

export const RepresentativeRoleSchema = OneOf(REPRESENTATIVE_ROLES);

export const User = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  party: Type.String(),
  municipality: Type.String(),
  representativeRole: Type.Union([RepresentativeRoleSchema, Type.Null()]),
  representativeVerified: Type.Boolean(),
  role: OneOf(ROLES),
  status: OneOf(USER_STATUSES),
  /** Why the account is suspended or rejected; only ever sent to the user themselves and to moderators. */
  statusReason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  suspendedUntil: Type.Optional(NullableTimestamp),
  /** With the status reason: whether she logs in with a second step. */
  totpEnabled: Type.Optional(Type.Boolean()),
  /** Only for a moderator or admin who must set up the second step before she can act as one (403 `totp_required`). */
  totpRequired: Type.Optional(Type.Literal(true)),
  /**
   * With the status reason (her own account, and moderators'): whether other members see her party and municipality
   * (her page, her posts, the directory). Other members never get this object, only what the choice lets through.
   */
  showAffiliation: Type.Optional(Type.Boolean()),
  /** Only when true: she is in the kenniscentrum's team (trainings, Wegwijzer, helpdesk; kept by admins). */
  centreTeam: Type.Optional(Type.Literal(true)),
  /** Her uploaded picture (`/api/members/:id/avatar?v=…`, as post authors carry it); null: her initials are shown. */
  avatarUrl: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  createdAt: Timestamp,
});
export type User = Static<typeof User>;

/** What moderators see of an account: the public part plus the e-mail address. */
export const AdminUser = Type.Intersect([
  User,
  /** `claim`: only for a registration (pending), who handles it (null: nobody). */
  Type.Object({
    email: Type.String(),
    emailConfirmed: Type.Boolean(),
    /** The day she was last active (no finer: it is all a moderator needs). */
    lastActiveOn: NullableTimestamp,
    /** Her posts that are not deleted. */
    postCount: Type.Integer(),
    claim: Type.Optional(NullableClaim),
  }),
]);
export type AdminUser = Static<typeof AdminUser>;

export const UserBody = Type.Object({ user: User });
export type UserBody = Static<typeof UserBody>;

export const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' });
const Password = Type.String({ minLength: LIMITS.passwordMin, maxLength: LIMITS.passwordMax });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    displayName: text(LIMITS.displayNameMax),
    party: text(LIMITS.partyMax),
    municipality: text(LIMITS.municipalityMax),
    representativeRole: Type.Optional(Type.Union([RepresentativeRoleSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

/**
 * The answer to every accepted registration, whether or not the e-mail already had an account (so the
 * answer cannot tell anyone who is a member). The client then tries to log in to find out what happened.
 */
export const RegisterAnswer = Type.Object({ status: Type.Literal('received') });
export type RegisterAnswer = Static<typeof RegisterAnswer>;

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: LIMITS.passwordMax }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const CsrfBody = Type.Object({ token: Type.String() });

/** A finished login: the account and the CSRF token of the new session. */
export const LoginAnswer = Type.Object({ user: User, csrfToken: Type.String() });
export type LoginAnswer = Static<typeof LoginAnswer>;

/** How the moderators' member list is ordered: by registration (oldest first: a queue), name, last activity or posts. */
export const USER_SORTS = ['oldest', 'newest', 'name', 'activity', 'posts'] as const;
export type UserSort = (typeof USER_SORTS)[number];

export const UserListQuery = Type.Object({
  status: Type.Optional(OneOf(USER_STATUSES)),
  /** Part of a name, e-mail address, party or municipality. */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(OneOf(USER_SORTS)),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
});
export type UserListQuery = Static<typeof UserListQuery>;

export const UserList = Type.Object({ users: Type.Array(AdminUser), nextCursor: NextCursor });
export type UserList = Static<typeof UserList>;

export const UpdateProfileBody = Type.Object(
  {
    displayName: Type.Optional(text(LIMITS.displayNameMax)),
    party: Type.Optional(text(LIMITS.partyMax)),
    municipality: Type.Optional(text(LIMITS.municipalityMax)),
    representativeRole: Type.Optional(Type.Union([RepresentativeRoleSchema, Type.Null()])),
    /** Whether other members see her party and municipality (default true). */
    showAffiliation: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProfileBody = Static<typeof UpdateProfileBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: LIMITS.passwordMax }), newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/** A token from a link in a mail (43 characters of base64url); anything else is simply not a valid token. */
const LinkToken = Type.String({ minLength: 1, maxLength: 200 });

/** "Wachtwoord vergeten": the answer is RegisterAnswer's 202 whether or not the address has an account. */
export const PasswordResetBody = Type.Object({ email: Email }, { additionalProperties: false });
export type PasswordResetBody = Static<typeof PasswordResetBody>;

/** A new password through the link in the reset mail; 204, after which every session of the account has ended. */
export const PasswordResetConfirmBody = Type.Object({ token: LinkToken, password: Password }, { additionalProperties: false });
export type PasswordResetConfirmBody = Static<typeof PasswordResetConfirmBody>;

/** The link in the confirmation mail, followed. */
export const ConfirmEmailBody = Type.Object({ token: LinkToken }, { additionalProperties: false });
export type ConfirmEmailBody = Static<typeof ConfirmEmailBody>;

/** The account's status once confirmed: 'pending' (it now waits for a moderator) or what a moderator decided. */
export const ConfirmEmailAnswer = Type.Object({ status: OneOf(USER_STATUSES) });
export type ConfirmEmailAnswer = Static<typeof ConfirmEmailAnswer>;
