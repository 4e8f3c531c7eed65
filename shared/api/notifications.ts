import { Type, type Static } from 'typebox';
import { NextCursor, NullableTimestamp, PageQuery, Timestamp } from './common.js';

/** A member's notifications (server/notifications/): what happened to them, newest first. */
export const Notification = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  message: Type.String(),
  data: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  readAt: NullableTimestamp,
  createdAt: Timestamp,
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
