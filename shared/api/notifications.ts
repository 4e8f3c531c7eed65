import { Type, type Static } from 'typebox';
import { CATEGORY_WATCH_LEVELS, MAIL_FREQUENCIES, THREAD_WATCH_LEVELS } from '../constants.js';
import { NextCursor, NullableTimestamp, OneOf, PageQuery, Timestamp } from './common.js';

/**
 * A member's notifications (server/notifications/), most recently active first. `message` is Dutch and made by the
 * server when the list is read, from what the receiver may see at that moment; `link` is where following it goes
 * (a post: `/discussie/12#bericht-34`, the queue: `/moderatie`), null for an account notification without a page.
 * A grouped notification ("3 nieuwe reacties in …") has `count` > 1 and links to its first unread post.
 */
export const Notification = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  message: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
  readAt: NullableTimestamp,
  createdAt: Timestamp,
  /** The last event of a group (createdAt for a single one). */
  updatedAt: Timestamp,
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object({ notifications: Type.Array(Notification), unreadCount: Type.Integer(), nextCursor: NextCursor });
export type NotificationList = Static<typeof NotificationList>;

export const NotificationsQuery = PageQuery;

export const ReadNotificationsBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), { minItems: 1, maxItems: 100 })),
    all: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);
export type ReadNotificationsBody = Static<typeof ReadNotificationsBody>;

export const UnreadAnswer = Type.Object({ unreadCount: Type.Integer() });

/**
 * GET /api/notifications/summary: the header's counts. `waiting` only for moderators and admins (null for others):
 * `openReports` counts the queue's items (posts with open reports), `pendingRegistrations` the registrations waiting
 * for approval whose address is confirmed, `openMessageReports` the private messages with open reports
 * (GET /api/moderation/message-reports).
 */
export const NotificationSummary = Type.Object({
  unreadCount: Type.Integer(),
  waiting: Type.Union([Type.Object({ openReports: Type.Integer(), pendingRegistrations: Type.Integer(), openMessageReports: Type.Integer() }), Type.Null()]),
});
export type NotificationSummary = Static<typeof NotificationSummary>;

/** PUT /api/threads/:id/watch and the `watch` field a thread answers with. */
export const ThreadWatchBody = Type.Object({ level: OneOf(THREAD_WATCH_LEVELS) }, { additionalProperties: false });
export type ThreadWatchBody = Static<typeof ThreadWatchBody>;
/** PUT /api/categories/:slug/watch */
export const CategoryWatchBody = Type.Object({ level: OneOf(CATEGORY_WATCH_LEVELS) }, { additionalProperties: false });
export type CategoryWatchBody = Static<typeof CategoryWatchBody>;
/** The answer of both watch routes: the level now in force. */
export const ThreadWatchAnswer = Type.Object({ level: OneOf(THREAD_WATCH_LEVELS) });
export type ThreadWatchAnswer = Static<typeof ThreadWatchAnswer>;
export const CategoryWatchAnswer = Type.Object({ level: OneOf(CATEGORY_WATCH_LEVELS) });
export type CategoryWatchAnswer = Static<typeof CategoryWatchAnswer>;

const Frequency = OneOf(MAIL_FREQUENCIES);
/** GET and PUT /api/me/notification-settings: her own choices (a PUT may leave out what it does not change). */
export const NotificationSettings = Type.Object(
  {
    /** Follow threads she starts or replies to. */
    autoWatch: Type.Boolean(),
    mail: Type.Object(
      { replies: Frequency, mentions: Frequency, watching: Frequency, categories: Frequency, messages: Frequency },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type NotificationSettings = Static<typeof NotificationSettings>;
export const NotificationSettingsPatch = Type.Object(
  {
    autoWatch: Type.Optional(Type.Boolean()),
    mail: Type.Optional(
      Type.Object(
        {
          replies: Type.Optional(Frequency),
          mentions: Type.Optional(Frequency),
          watching: Type.Optional(Frequency),
          categories: Type.Optional(Frequency),
          messages: Type.Optional(Frequency),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type NotificationSettingsPatch = Static<typeof NotificationSettingsPatch>;

/** GET /api/members/suggest?q=&threadId=: active members for the @-autocomplete; never an e-mail address. */
export const MemberSuggestQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 60 }), threadId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })) },
  { additionalProperties: false },
);
export const MemberSuggestions = Type.Object({ members: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String() })) });
export type MemberSuggestions = Static<typeof MemberSuggestions>;
