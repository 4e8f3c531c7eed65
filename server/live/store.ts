import { desc, eq } from 'drizzle-orm';
import { applyStaffTotpPolicy } from '../auth/totp-policy.js';
import type { CurrentUser } from '../auth/types.js';
import { findUserById } from '../auth/users.js';
import type { Db } from '../db/client.js';
import { categories, conversationParticipants, posts, threads, users } from '../db/schema.js';
import { findMessage, type MessageRow } from '../conversations/queries.js';
import { findMessage as findHelpdeskMessage, type MessageRow as HelpdeskMessageRow } from '../helpdesk/queries.js';
import { findOpenCategory } from '../forum/categories.js';
import { findPost, findVisibleThread, selectThreadPage, threadColumns, type PostRow, type ThreadRow } from '../forum/queries.js';
import { viewerKind } from '../forum/visibility.js';

/**
 * Every database read the live concern makes, behind one interface: the hub and connections take it as a
 * parameter, so a test can wrap it (e.g. commit a reply while a catch-up query runs) without mocking the database.
 */
export interface LiveStore {
  /** The thread if `user` may see it (same rule as the HTTP routes). */
  findVisibleThread(threadId: number, user: CurrentUser): Promise<ThreadRow | null>;
  /** The thread's posts with id > after, oldest first: as on the thread page, every post, rendered per viewer. */
  postsAfter(threadId: number, after: number, limit: number): Promise<PostRow[]>;
  lastPostId(threadId: number): Promise<number | null>;
  /** The category's id if `user` may enter it (same rule as the HTTP routes). */
  openCategoryId(slug: string, user: CurrentUser): Promise<number | null>;
  /** One post, whatever its state; the hub decides per recipient what to show. */
  loadPost(postId: number): Promise<PostRow | null>;
  /** One thread, hidden or deleted included. */
  loadThread(threadId: number): Promise<ThreadRow | null>;
  findUser(userId: number): Promise<CurrentUser | null>;
  /** Who is in a private conversation now (none once it is deleted). */
  conversationParticipantIds(conversationId: number): Promise<number[]>;
  /** One message of a conversation, whatever its state; rendered per recipient by the hub. */
  loadConversationMessage(messageId: number): Promise<MessageRow | null>;
  /** One message of a helpdesk question; the hub decides who hears of it (helpdesk/access.ts). */
  loadHelpdeskMessage(messageId: number): Promise<HelpdeskMessageRow | null>;
}

/**
 * Joins identical lookups that are already in flight (no caching beyond that): after a restart or in a
 * benchmark, a thousand sockets subscribe to the same thread at once, and one query answers them all.
 * Only for answers that may be a moment old without harm: never for the catch-up query, which must start
 * after its subscription is registered (see connection.ts).
 */
function coalesce<A extends unknown[], R>(key: (...args: A) => string, load: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  const inFlight = new Map<string, Promise<R>>();
  return (...args) => {
    const k = key(...args);
    let promise = inFlight.get(k);
    if (!promise) {
      promise = load(...args).finally(() => inFlight.delete(k));
      inFlight.set(k, promise);
    }
    return promise;
  };
}

/** Each kind of viewer sees different things; within each kind the answer is the same. */
const byViewer = (id: number | string, user: CurrentUser) => `${id}:${viewerKind(user)}`;

export function createLiveStore(db: Db, options: { staffTotpRequired: boolean } = { staffTotpRequired: false }): LiveStore {
  return {
    findVisibleThread: coalesce(byViewer, (threadId: number, user: CurrentUser) => findVisibleThread(db, threadId, user)),
    postsAfter: (threadId, after, limit) => selectThreadPage(db, threadId, after, limit),
    lastPostId: coalesce(
      (threadId: number) => String(threadId),
      async (threadId: number) => {
        const rows = await db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, threadId)).orderBy(desc(posts.id)).limit(1);
        return rows[0]?.id ?? null;
      },
    ),
    openCategoryId: coalesce(byViewer, async (slug: string, user: CurrentUser) => (await findOpenCategory(db, slug, user))?.id ?? null),
    loadPost: (postId) => findPost(db, postId),
    async loadThread(threadId) {
      const rows = await db
        .select(threadColumns)
        .from(threads)
        .innerJoin(categories, eq(categories.id, threads.categoryId))
        .innerJoin(users, eq(users.id, threads.authorId))
        .where(eq(threads.id, threadId))
        .limit(1);
      return rows[0] ?? null;
    },
    conversationParticipantIds: async (conversationId) =>
      (await db.select({ userId: conversationParticipants.userId }).from(conversationParticipants).where(eq(conversationParticipants.conversationId, conversationId))).map((r) => r.userId),
    loadConversationMessage: (messageId) => findMessage(db, messageId),
    loadHelpdeskMessage: (messageId) => findHelpdeskMessage(db, messageId),
    // The same policy as the HTTP session guard: a member whose account changed is judged as a request would be.
    findUser: async (userId) => {
      const user = await findUserById(db, userId);
      return user && applyStaffTotpPolicy(user, options.staffTotpRequired);
    },
  };
}
