import { Type, type Static } from 'typebox';
import { CATEGORY_ACCESS, CATEGORY_COLORS, CATEGORY_ICONS, CATEGORY_WATCH_LEVELS, LIMITS, THREAD_WATCH_LEVELS } from '../constants.js';
import { NextCursor, NullableTimestamp, OneOf, Timestamp } from './common.js';
import { RepresentativeRoleSchema } from './users.js';

/** What every view of a category shows (the members' list, the admins' list). */
export const CategoryFields = {
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  threadCount: Type.Integer(),
  color: OneOf(CATEGORY_COLORS),
  icon: Type.Union([OneOf(CATEGORY_ICONS), Type.Null()]),
  /** Who may enter it; a member is only ever sent the categories she may enter. */
  access: OneOf(CATEGORY_ACCESS),
  /** Archived: read-only, no new threads or replies. */
  archived: Type.Boolean(),
};

export const Category = Type.Object({
  ...CategoryFields,
  lastPostAt: NullableTimestamp,
  /** The asking member's choice for this category (Volgen: new threads notify her); 'normal' until she chooses. */
  watch: OneOf(CATEGORY_WATCH_LEVELS),
});
export type Category = Static<typeof Category>;

export const CategoryList = Type.Object({ categories: Type.Array(Category) });
export type CategoryList = Static<typeof CategoryList>;

export const AuthorRef = Type.Object({ id: Type.Integer(), displayName: Type.String() });

export const Thread = Type.Object({
  id: Type.Integer(),
  categorySlug: Type.String(),
  title: Type.String(),
  author: AuthorRef,
  postCount: Type.Integer(),
  pinned: Type.Boolean(),
  locked: Type.Boolean(),
  createdAt: Timestamp,
  lastPostAt: Timestamp,
  /** Only for the member asking: posts newer than what they last read; null when they never opened it. */
  unreadCount: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  /** Only moderators ever see hidden threads, and then with this set. */
  hidden: Type.Optional(Type.Boolean()),
  /** Set when its category is archived: the thread is read-only. */
  archived: Type.Optional(Type.Boolean()),
});
export type Thread = Static<typeof Thread>;

export const PostAuthor = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  representativeRole: Type.Union([RepresentativeRoleSchema, Type.Null()]),
  representativeVerified: Type.Optional(Type.Boolean()),
  party: Type.Optional(Type.String()),
  municipality: Type.Optional(Type.String()),
});

export const Post = Type.Object({
  id: Type.Integer(),
  threadId: Type.Integer(),
  author: PostAuthor,
  /** Sanitized HTML rendered from the Markdown body; empty where the viewer may not read it (deleted, hidden). */
  bodyHtml: Type.String(),
  createdAt: Timestamp,
  editedAt: NullableTimestamp,
  replyToPostId: Type.Union([Type.Integer(), Type.Null()]),
  /** True for a post that was deleted: its text is gone, the thread shows that something was removed. */
  deleted: Type.Optional(Type.Boolean()),
  /**
   * Hidden by moderation: members see a placeholder without text; its author and moderators still read it,
   * marked hidden.
   */
  hidden: Type.Optional(Type.Boolean()),
  /** Why moderation hid it, only for its author and moderators. */
  hiddenReason: Type.Optional(Type.String()),
  /** The Markdown source, only for the author and moderators (for editing and quoting). */
  body: Type.Optional(Type.String()),
});
export type Post = Static<typeof Post>;

export const CategoryThreadsParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 80 }) });

export const ThreadList = Type.Object({ threads: Type.Array(Thread), nextCursor: NextCursor });
export type ThreadList = Static<typeof ThreadList>;

const Title = Type.String({ minLength: LIMITS.titleMin, maxLength: LIMITS.titleMax, pattern: '\\S' });
const Body = Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax, pattern: '\\S' });

export const CreateThreadBody = Type.Object(
  { categorySlug: Type.String({ minLength: 1, maxLength: 80 }), title: Title, body: Body },
  { additionalProperties: false },
);
export type CreateThreadBody = Static<typeof CreateThreadBody>;

export const ThreadWithPost = Type.Object({ thread: Thread, post: Post });
export type ThreadWithPost = Static<typeof ThreadWithPost>;

export const ThreadPageQuery = Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
});
export type ThreadPageQuery = Static<typeof ThreadPageQuery>;

export const ThreadPage = Type.Object({
  thread: Thread,
  posts: Type.Array(Post),
  nextCursor: NextCursor,
  /** The asking member's choice for this thread (Volgen / Normaal / Negeren); 'normal' when she has none. */
  watch: OneOf(THREAD_WATCH_LEVELS),
});
export type ThreadPage = Static<typeof ThreadPage>;

export const CreatePostBody = Type.Object(
  { body: Body, replyToPostId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.Null()])) },
  { additionalProperties: false },
);
export type CreatePostBody = Static<typeof CreatePostBody>;

export const EditPostBody = Type.Object({ body: Body }, { additionalProperties: false });
export type EditPostBody = Static<typeof EditPostBody>;

/** A draft's Markdown, under the same limits as a post's body; the answer is what posting it would show. */
export const PreviewBody = Type.Object({ body: Body }, { additionalProperties: false });
export type PreviewBody = Static<typeof PreviewBody>;

export const PreviewAnswer = Type.Object({ bodyHtml: Type.String() });
export type PreviewAnswer = Static<typeof PreviewAnswer>;

export const PostBody = Type.Object({ post: Post });
export type PostBody = Static<typeof PostBody>;

/** The text one edit replaced, when and by whom it was replaced (oldest first in a list). */
export const Revision = Type.Object({ id: Type.Integer(), body: Type.String(), createdAt: Timestamp, editedBy: Type.Union([AuthorRef, Type.Null()]) });
export type Revision = Static<typeof Revision>;
export const RevisionList = Type.Object({ revisions: Type.Array(Revision) });
export type RevisionList = Static<typeof RevisionList>;
