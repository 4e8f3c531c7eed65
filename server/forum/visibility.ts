import { and, eq, isNull, or, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import { posts, threads } from '../db/schema.js';

/**
 * Who may see a thread, a post and a post's text: the rule, held once (RULE below), and every form it is used in,
 * each derived from it so that none can drift:
 * - SQL conditions for drizzle queries over `threads` / `posts` (or an alias of them): the HTTP routes, live catch-up;
 * - in-memory predicates over rows already loaded: the live hub rendering one event per recipient, the routes;
 * - the search form: SQL over the search queries' `posts p join threads t`, true for what the index may hold and
 *   a hit may show. Search holds only what every member may read (moderators search the same index), so it is
 *   the member rule for thread and text together, without the author's exemption. Meilisearch needs no field or filter for it: its documents
 *   come from search/documents.ts, which keeps only posts this form admits, and search/routes.ts checks its hits
 *   against the same form before showing them.
 * tests/forum/visibility.test.ts proves the forms agree on every combination of states and viewers.
 */

/** Viewers differ only in this: moderators (and admins) see what moderation hid; guests and members do not. */
export type ViewerKind = 'member' | 'moderator';
export const viewerKind = (user: CurrentUser | null): ViewerKind => (isModerator(user) ? 'moderator' : 'member');

type State = 'hiddenAt' | 'deletedAt';
/** What a thread or post row must carry for the in-memory form (ThreadRow and PostRow do). */
export interface StateRow {
  hiddenAt: Date | null;
  deletedAt: Date | null;
}
/** A post row for the text rule, which exempts the author from moderation's hiding. */
export interface PostStateRow extends StateRow {
  authorId: number;
}
/** A table (or an alias of one) with the state columns, for the SQL forms. */
type StateTable = Record<State, Column>;
type PostStateTable = StateTable & { authorId: Column };

/**
 * THE RULE: per kind of viewer, the states that must be absent.
 * - thread: members see threads neither hidden nor deleted; moderators also hidden ones (marked hidden), never deleted ones.
 * - post: every post of a thread the viewer sees is shown in its place; one that moderation hid or its author
 *   deleted is a placeholder. Hiding a post (even the opening post) so never takes its thread or the replies
 *   along: hiding a whole thread is its own, deliberate act (forum/thread-hiding.ts).
 * - text of a post: members read neither a deleted nor a hidden post's text, except that the author of a hidden
 *   post still reads it (OWN_TEXT_EXEMPT), marked hidden, with the reason. Moderators read every text.
 * The order of the states is the order of the SQL conditions (and of the partial index threads_category_activity_idx).
 */
const RULE = {
  thread: { member: ['deletedAt', 'hiddenAt'], moderator: ['deletedAt'] },
  text: { member: ['deletedAt', 'hiddenAt'], moderator: [] },
} as const satisfies Record<'thread' | 'text', Record<ViewerKind, readonly State[]>>;

/** The state its own author is exempt from: she still reads the text moderation hid from the others. */
const OWN_TEXT_EXEMPT: State = 'hiddenAt';

/** Posts every member reads with their text: what threads.post_count and unread counts count, and what search holds. */
const POST_READ_BY_MEMBERS: readonly State[] = RULE.text.member;

// ——— SQL (drizzle) ———

function absentSql(table: StateTable, states: readonly State[]): SQL | undefined {
  return and(...states.map((state) => isNull(table[state])));
}

/** Threads `kind` may see; `table` may be an alias of threads. */
export const threadCondition = (kind: ViewerKind, table: StateTable = threads): SQL | undefined => absentSql(table, RULE.thread[kind]);
export const threadVisibleTo = (user: CurrentUser | null) => threadCondition(viewerKind(user));
/**
 * Posts whose text `user` reads (in a thread they see): what they may quote, and whose authors are suggested to
 * them for a mention. Undefined (no condition) for moderators; `table` may be an alias of posts.
 */
export function postTextVisibleTo(user: CurrentUser | null, table: PostStateTable = posts): SQL | undefined {
  const states: readonly State[] = RULE.text[viewerKind(user)];
  if (!user || !states.includes(OWN_TEXT_EXEMPT)) return absentSql(table, states);
  const others = absentSql(table, states.filter((state) => state !== OWN_TEXT_EXEMPT));
  return and(others, or(isNull(table[OWN_TEXT_EXEMPT]), eq(table.authorId, user.id)));
}
/** Posts every member reads with their text (the unread count); `table` may be an alias of posts. */
export const postReadByMembersCondition = (table: StateTable = posts): SQL => absentSql(table, POST_READ_BY_MEMBERS)!;

// ——— in memory ———

const absent = (row: StateRow, states: readonly State[]) => states.every((state) => row[state] === null);

/** The in-memory twin of threadVisibleTo(). */
export function threadVisible<T extends StateRow>(thread: T | null, user: CurrentUser | null): thread is T {
  return thread !== null && absent(thread, RULE.thread[viewerKind(user)]);
}
/** The in-memory twin of postTextVisibleTo(): whether a post shows `user` its text, or is a placeholder without it. */
export function postTextVisible(post: PostStateRow, user: CurrentUser | null): boolean {
  const states = RULE.text[viewerKind(user)];
  return absent(post, user !== null && user.id === post.authorId ? states.filter((state) => state !== OWN_TEXT_EXEMPT) : states);
}
/** The in-memory twin of the search form: a post every member reads, in a thread every member sees. */
export const searchable = (post: StateRow, thread: StateRow): boolean => absent(post, POST_READ_BY_MEMBERS) && absent(thread, RULE.thread.member);

// ——— search ———

/** The aliases the search queries give the forum tables: `from posts p join threads t on t.id = p.thread_id`. */
export const searchTables = { p: alias(posts, 'p'), t: alias(threads, 't') };

/** The search form: true for a post the index may hold and a hit may show, over `posts p` and `threads t`. */
export const searchableSql = (): SQL => and(absentSql(searchTables.p, POST_READ_BY_MEMBERS), absentSql(searchTables.t, RULE.thread.member))!;
