import { Type, type Static } from 'typebox';
import { LIMITS } from '../constants.js';
import { AuthorRef } from './forum.js';
import { NextCursor, NullableTimestamp, Timestamp } from './common.js';

/**
 * PUT /api/posts/:id/bookmark: save the post (or change her note and reminder). `remindAt`: when to remind her
 * (a notification), in the future and at most LIMITS.reminderMaxDays ahead; null or left out: no reminder.
 */
export const BookmarkBody = Type.Object(
  {
    note: Type.Optional(Type.String({ maxLength: LIMITS.bookmarkNoteMax })),
    remindAt: Type.Optional(Type.Union([Type.String({ format: 'date-time', maxLength: 40 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type BookmarkBody = Static<typeof BookmarkBody>;

/**
 * One saved post. While she may read it: its thread, author and an excerpt of its text. A post she can no longer
 * read (deleted, hidden, its thread or category closed to her) is `available: false` with none of these: the
 * bookmark says it is gone, never what it said.
 */
export const Bookmark = Type.Object({
  id: Type.Integer(),
  postId: Type.Integer(),
  available: Type.Boolean(),
  threadId: Type.Union([Type.Integer(), Type.Null()]),
  threadTitle: Type.Union([Type.String(), Type.Null()]),
  author: Type.Union([AuthorRef, Type.Null()]),
  /** Plain text, the post's first 300 characters. */
  excerpt: Type.Union([Type.String(), Type.Null()]),
  postCreatedAt: NullableTimestamp,
  note: Type.String(),
  remindAt: NullableTimestamp,
  /** When the reminder was delivered; null while it waits (or when there is none). */
  remindedAt: NullableTimestamp,
  createdAt: Timestamp,
});
export type Bookmark = Static<typeof Bookmark>;

export const BookmarkAnswer = Type.Object({ bookmark: Bookmark });
export type BookmarkAnswer = Static<typeof BookmarkAnswer>;

/** GET /api/posts/:id/bookmark: hers of that post, or null. */
export const MaybeBookmark = Type.Object({ bookmark: Type.Union([Bookmark, Type.Null()]) });
export type MaybeBookmark = Static<typeof MaybeBookmark>;

/** GET /api/bookmarks: hers, newest first. */
export const BookmarkList = Type.Object({ bookmarks: Type.Array(Bookmark), nextCursor: NextCursor });
export type BookmarkList = Static<typeof BookmarkList>;
