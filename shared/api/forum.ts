import { Type, type Static } from 'typebox';
import { CATEGORY_ACCESS, CATEGORY_COLORS, CATEGORY_ICONS, CATEGORY_WATCH_LEVELS, LIMITS, REACTION_KINDS, THREAD_WATCH_LEVELS } from '../constants.js';
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
  /** Its threads are questions: a best answer can be marked, lists filter on solved / unsolved. */
  expectsAnswers: Type.Boolean(),
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
  /** A reply is marked as the best answer ("Opgelost") and every member can read it; then also its id. */
  solved: Type.Boolean(),
  solutionPostId: Type.Optional(Type.Integer()),
  /** Reactions ("Bedankt", "Nuttig") on its posts that members can see: the "meest gewaardeerd" order. */
  reactionCount: Type.Integer(),
});
export type Thread = Static<typeof Thread>;

export const ReactionCounts = Type.Object({ thanks: Type.Integer(), useful: Type.Integer() });
export type ReactionCounts = Static<typeof ReactionCounts>;

export const PostAuthor = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  representativeRole: Type.Union([RepresentativeRoleSchema, Type.Null()]),
  representativeVerified: Type.Optional(Type.Boolean()),
  /** Left out when she chose not to show them (her account: showAffiliation). */
  party: Type.Optional(Type.String()),
  municipality: Type.Optional(Type.String()),
  /** Her uploaded picture (`/api/members/:id/avatar?v=…`); null: show her initials. */
  avatarUrl: Type.Optional(Type.Union([Type.String(), Type.Null()])),
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
  /** How many members reacted with each kind; both 0 where the viewer may not read the text. */
  reactions: ReactionCounts,
  /**
   * Only in answers to the asking member (the thread page, a reaction or bookmark route), never in live events:
   * her own reactions to this post and whether she saved it. A client keeps what it knows when a live update lacks them.
   */
  myReactions: Type.Optional(Type.Array(OneOf(REACTION_KINDS))),
  bookmarked: Type.Optional(Type.Boolean()),
});
export type Post = Static<typeof Post>;

export const CategoryThreadsParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 80 }) });

export const THREAD_FILTERS = ['solved', 'unsolved'] as const;
export type ThreadFilter = (typeof THREAD_FILTERS)[number];
/** activity: pinned first, then last activity (the default); reactions: most reactions first ("Meest gewaardeerd"). */
export const THREAD_SORTS = ['activity', 'reactions'] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

/** GET /api/categories/:slug/threads: one page, optionally only solved or unsolved threads, in either order. */
export const ThreadListQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
  filter: Type.Optional(OneOf(THREAD_FILTERS)),
  sort: Type.Optional(OneOf(THREAD_SORTS)),
});
export type ThreadListQuery = Static<typeof ThreadListQuery>;

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

/** Where a thread page may start besides the beginning: `unread`, after the reader's read marker ("where you left off"). */
export const THREAD_STARTS = ['unread'] as const;

export const ThreadPageQuery = Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
  /** unread: the page starts at her first unread post; from the beginning when she never read it or read it all. */
  start: Type.Optional(OneOf(THREAD_STARTS)),
  /** The posts before this id, oldest first ("Eerdere berichten"); not together with after, cursor or start. */
  before: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
});
export type ThreadPageQuery = Static<typeof ThreadPageQuery>;

export const ThreadPage = Type.Object({
  thread: Thread,
  posts: Type.Array(Post),
  nextCursor: NextCursor,
  /** The asking member's choice for this thread (Volgen / Normaal / Negeren); 'normal' when she has none. */
  watch: OneOf(THREAD_WATCH_LEVELS),
  /** The best answer as this member sees it, shown under the question (on every page); null when not solved. */
  solution: Type.Union([Post, Type.Null()]),
  /** Whether she may mark (or change, or undo) the best answer: the thread's starter or a moderator, in a category that expects answers. */
  canMarkSolution: Type.Boolean(),
  /** Her read marker as it was when asked (reading a page never moves it: POST /api/threads/:id/read does); null: never read. */
  lastReadPostId: Type.Union([Type.Integer(), Type.Null()]),
  /** The thread has posts before the first one on this page ("Eerdere berichten laden"). */
  hasEarlier: Type.Boolean(),
});
export type ThreadPage = Static<typeof ThreadPage>;

/** POST /api/threads/:id/read: she has seen the thread up to this post (her read marker moves there, never back). */
export const ReadMarkerBody = Type.Object({ postId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, { additionalProperties: false });
export type ReadMarkerBody = Static<typeof ReadMarkerBody>;

/**
 * GET /api/threads/recent, "Nieuw en ongelezen" across the categories she may enter: latest (by last activity),
 * unread (threads she read before that have newer posts) or new (threads she never opened, of the last 30 days).
 */
export const RECENT_TABS = ['latest', 'unread', 'new'] as const;
export type RecentTab = (typeof RECENT_TABS)[number];
export const RecentThreadsQuery = Type.Object({
  tab: Type.Optional(OneOf(RECENT_TABS)),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
});
export type RecentThreadsQuery = Static<typeof RecentThreadsQuery>;

/** PUT /api/threads/:id/solution: the reply to mark as the best answer. */
export const SolutionBody = Type.Object({ postId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, { additionalProperties: false });
export type SolutionBody = Static<typeof SolutionBody>;
/** The answer of PUT and DELETE /api/threads/:id/solution: the thread and its best answer as they are now. */
export const SolutionAnswer = Type.Object({ thread: Thread, solution: Type.Union([Post, Type.Null()]) });
export type SolutionAnswer = Static<typeof SolutionAnswer>;

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
