import { Type, type Static } from 'typebox';
import { LIMITS, REPORT_ACTIONS, REPORT_REASONS, REPORT_STATUSES, ROLES } from '../constants.js';
import { NullableClaim } from './claims.js';
import { NextCursor, NullableTimestamp, OneOf, Timestamp } from './common.js';
import { Post, Thread } from './forum.js';
import { User } from './users.js';

/** Every value of moderation_actions.action; the log can be filtered on each. */
export const MODERATION_ACTIONS = [
  'auto_hide',
  'hide_post',
  'restore_post',
  'edit_post',
  'delete_post',
  'dismiss_reports',
  'lock_thread',
  'unlock_thread',
  'pin_thread',
  'unpin_thread',
  'move_thread',
  'rename_thread',
  'hide_thread',
  'restore_thread',
  'approve_user',
  'reject_user',
  'suspend_user',
  'lift_suspension',
  'verify_representative',
  'unverify_representative',
  'set_role',
  'set_centre_team',
  'create_category',
  'update_category',
  'order_categories',
  'delete_category',
  'enable_totp',
  'disable_totp',
  'replace_recovery_codes',
  'mark_solution',
  'clear_solution',
  'delete_account',
  'delete_message',
  'dismiss_message_reports',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const Reason = () => Type.String({ minLength: 1, maxLength: LIMITS.reasonMax, pattern: '\\S' });
const Note = Type.String({ maxLength: LIMITS.reportNoteMax });
const Page = {
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
};
const Ref = Type.Object({ id: Type.Integer(), displayName: Type.String() });

// Reports

export const ReportBody = Type.Object({ reason: OneOf(REPORT_REASONS), note: Type.Optional(Note) }, { additionalProperties: false });
export type ReportBody = Static<typeof ReportBody>;

export const Report = Type.Object({
  id: Type.Integer(),
  postId: Type.Integer(),
  threadId: Type.Integer(),
  reason: OneOf(REPORT_REASONS),
  note: Type.Union([Type.String(), Type.Null()]),
  status: OneOf(REPORT_STATUSES),
  /** What the moderator did (one of the resolve actions), null while open. */
  resolution: Type.Union([OneOf(REPORT_ACTIONS), Type.Null()]),
  resolutionNote: Type.Union([Type.String(), Type.Null()]),
  reporter: Ref,
  resolvedBy: Type.Union([Ref, Type.Null()]),
  resolvedAt: NullableTimestamp,
  createdAt: Timestamp,
});
export type Report = Static<typeof Report>;

export const ReportAnswer = Type.Object({ report: Report });
export type ReportAnswer = Static<typeof ReportAnswer>;

export const ReportListQuery = Type.Object({ status: Type.Optional(OneOf(REPORT_STATUSES)), ...Page });
export type ReportListQuery = Static<typeof ReportListQuery>;

export const ReportList = Type.Object({ reports: Type.Array(Report), nextCursor: NextCursor });
export type ReportList = Static<typeof ReportList>;

export const ResolveBody = Type.Object(
  {
    action: OneOf(REPORT_ACTIONS),
    note: Type.Optional(Note),
    /** Only for suspend_author; omitted means until lifted. */
    suspendDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export type ResolveBody = Static<typeof ResolveBody>;

// The review queue: open reports grouped per post

export const QueueQuery = Type.Object(Page);
export type QueueQuery = Static<typeof QueueQuery>;

export const QueueItem = Type.Object({
  post: Post,
  thread: Type.Object({ id: Type.Integer(), title: Type.String(), categorySlug: Type.String() }),
  author: Type.Object({ id: Type.Integer(), displayName: Type.String(), status: Type.String(), hiddenPostCount: Type.Integer() }),
  reportCount: Type.Integer(),
  reasons: Type.Array(OneOf(REPORT_REASONS)),
  /** When the first open report came in: how long the item has waited. */
  firstReportedAt: Timestamp,
  reports: Type.Array(Report),
  /** Who handles it now (null: nobody). */
  claim: NullableClaim,
});
export type QueueItem = Static<typeof QueueItem>;

export const Queue = Type.Object({ items: Type.Array(QueueItem), nextCursor: NextCursor });
export type Queue = Static<typeof Queue>;

// Posts and threads

/** A reason the member reads (in her notification) and the log keeps. */
export const ReasonBody = Type.Object({ reason: Reason() }, { additionalProperties: false });
export type ReasonBody = Static<typeof ReasonBody>;

export const OptionalReasonBody = Type.Object({ reason: Type.Optional(Reason()) }, { additionalProperties: false });
export type OptionalReasonBody = Static<typeof OptionalReasonBody>;

export const ModeratedPost = Type.Object({ post: Post });
export type ModeratedPost = Static<typeof ModeratedPost>;

export const ThreadPatchBody = Type.Object(
  {
    locked: Type.Optional(Type.Boolean()),
    pinned: Type.Optional(Type.Boolean()),
    categorySlug: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    title: Type.Optional(Type.String({ minLength: LIMITS.titleMin, maxLength: LIMITS.titleMax, pattern: '\\S' })),
    reason: Type.Optional(Reason()),
  },
  { additionalProperties: false },
);
export type ThreadPatchBody = Static<typeof ThreadPatchBody>;

export const ModeratedThread = Type.Object({ thread: Thread });
export type ModeratedThread = Static<typeof ModeratedThread>;

/** What hiding a whole thread would take from members: the posts they read in it and the members who wrote them. */
export const ThreadImpact = Type.Object({ posts: Type.Integer(), members: Type.Integer() });
export type ThreadImpact = Static<typeof ThreadImpact>;

// Members

export const RejectBody = Type.Object({ reason: Reason() }, { additionalProperties: false });
export type RejectBody = Static<typeof RejectBody>;

export const SuspendBody = Type.Object(
  { reason: Reason(), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
  { additionalProperties: false },
);
export type SuspendBody = Static<typeof SuspendBody>;

export const VerifyBody = Type.Object({ verified: Type.Boolean() }, { additionalProperties: false });
export type VerifyBody = Static<typeof VerifyBody>;

/** Admins make members moderators and back; nobody is made admin through the API. */
export const RoleBody = Type.Object({ role: OneOf(ROLES.filter((r) => r !== 'admin') as ['member', 'moderator']) }, { additionalProperties: false });
export type RoleBody = Static<typeof RoleBody>;

/** Whether an active member is in the kenniscentrum's team (admins only). */
export const CentreTeamBody = Type.Object({ centreTeam: Type.Boolean() }, { additionalProperties: false });
export type CentreTeamBody = Static<typeof CentreTeamBody>;

export const AdminUserAnswer = Type.Object({ user: User });

// The log

export const LogQuery = Type.Object({
  moderatorId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  userId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  action: Type.Optional(OneOf(MODERATION_ACTIONS)),
  ...Page,
});
export type LogQuery = Static<typeof LogQuery>;

export const LogEntry = Type.Object({
  id: Type.Integer(),
  action: OneOf(MODERATION_ACTIONS),
  /** Null when the system acted (auto_hide) or when the moderator's account was deleted (moderatorDeleted). */
  moderator: Type.Union([Ref, Type.Null()]),
  /** The moderator's account was deleted after the act: shown as "Verwijderd account", not as the system. */
  moderatorDeleted: Type.Boolean(),
  /** Null when the act concerned no member, or when that member's account was deleted (targetUserDeleted). */
  targetUser: Type.Union([Ref, Type.Null()]),
  targetUserDeleted: Type.Boolean(),
  targetPostId: Type.Union([Type.Integer(), Type.Null()]),
  targetThreadId: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  createdAt: Timestamp,
});
export type LogEntry = Static<typeof LogEntry>;

export const LogList = Type.Object({ entries: Type.Array(LogEntry), nextCursor: NextCursor });
export type LogList = Static<typeof LogList>;
