import { and, eq, inArray, isNull, or, sql, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { CATEGORY_ACCESS, type CategoryAccess } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import { categories, posts, threads } from '../db/schema.js';

/**
 * Who may see a category, a thread, a post and a post's text: the rule, held once (RULE below), and every form it
 * is used in, each derived from it so that none can drift:
 * - SQL conditions for drizzle queries over `threads` / `posts` / `categories` (or an alias of them): the HTTP
 *   routes, live catch-up, the notification list and the mail queries (with the receiver as viewer);
 * - a set-based SQL form over a table of users (categoryOpenToUsersSql): who of many receivers may enter a category;
 * - in-memory predicates over rows already loaded: the live hub rendering one event per recipient, the routes;
 * - the search form: SQL over the search queries' `posts p join threads t`, true for what the index may hold. The
 *   index holds what members may read in every category (moderators search the same index), so it is the member
 *   rule for thread and text together, without the author's exemption; which categories a searcher may enter is a
 *   filter on every search (forum/categories.ts closedCategorySlugs) and on every hit shown (search/visible-hits.ts).
 * tests/forum/visibility.test.ts proves the forms agree on every combination of states, categories and viewers.
 */

/**
 * Viewers differ in this: moderators (and admins) see what moderation hid and every category; verified
 * volksvertegenwoordigers also enter the categories kept for them; other members and guests see neither.
 */
export type ViewerKind = 'member' | 'representative' | 'moderator';
export const VIEWER_KINDS: readonly ViewerKind[] = ['member', 'representative', 'moderator'];
/** What the rule needs to know of a viewer (a logged-in user, a mail's receiver). */
export type Viewer = Pick<CurrentUser, 'id' | 'role' | 'representativeVerified'>;
export const viewerKind = (user: Viewer | null): ViewerKind =>
  isModerator(user) ? 'moderator' : user?.representativeVerified ? 'representative' : 'member';

/** One of something per kind of viewer (a prepared statement: each kind's SQL differs). */
export const perViewerKind = <T>(make: (kind: ViewerKind) => T) => Object.fromEntries(VIEWER_KINDS.map((kind) => [kind, make(kind)])) as Record<ViewerKind, T>;

type State = 'hiddenAt' | 'deletedAt';
/** What a thread or post row must carry for the in-memory form (PostRow does). */
export interface StateRow {
  hiddenAt: Date | null;
  deletedAt: Date | null;
}
/** A thread row for the in-memory form: its states and its category's access (ThreadRow has both). */
export interface ThreadStateRow extends StateRow {
  categoryAccess: string;
}
/** A post row for the text rule, which exempts the author from moderation's hiding. */
export interface PostStateRow extends StateRow {
  authorId: number;
}
/** A table (or an alias of one) with the state columns, for the SQL forms. */
type StateTable = Record<State, Column>;
type ThreadTable = StateTable & { categoryId: Column };
type PostStateTable = StateTable & { authorId: Column };

/**
 * THE RULE: per kind of viewer, the categories she enters and the states that must be absent.
 * - category: members enter the categories open to all members; verified volksvertegenwoordigers also theirs;
 *   moderators every category. A thread, its posts, its search hits, live events and notifications follow its
 *   category: whoever may not enter the category learns nothing of what is in it.
 * - thread: members see threads neither hidden nor deleted; moderators also hidden ones (marked hidden), never deleted ones.
 * - post: every post of a thread the viewer sees is shown in its place; one that moderation hid or its author
 *   deleted is a placeholder. Hiding a post (even the opening post) so never takes its thread or the replies
 *   along: hiding a whole thread is its own, deliberate act (forum/thread-hiding.ts).
 * - text of a post: members read neither a deleted nor a hidden post's text, except that the author of a hidden
 *   post still reads it (OWN_TEXT_EXEMPT), marked hidden, with the reason. Moderators read every text.
 * The order of the states is the order of the SQL conditions (and of the partial index threads_category_activity_idx).
 */
const RULE = {
  category: { member: ['members'], representative: ['members', 'representatives'], moderator: CATEGORY_ACCESS },
  thread: { member: ['deletedAt', 'hiddenAt'], representative: ['deletedAt', 'hiddenAt'], moderator: ['deletedAt'] },
  text: { member: ['deletedAt', 'hiddenAt'], representative: ['deletedAt', 'hiddenAt'], moderator: [] },
} as const satisfies {
  category: Record<ViewerKind, readonly CategoryAccess[]>;
  thread: Record<ViewerKind, readonly State[]>;
  text: Record<ViewerKind, readonly State[]>;
};

/** The state its own author is exempt from: she still reads the text moderation hid from the others. */
const OWN_TEXT_EXEMPT: State = 'hiddenAt';

/** Posts every member reads with their text: what threads.post_count and unread counts count, and what search holds. */
const POST_READ_BY_MEMBERS: readonly State[] = RULE.text.member;

/** Whether a kind of viewer enters every category (then no category condition is needed at all). */
const entersAll = (kind: ViewerKind) => RULE.category[kind].length === CATEGORY_ACCESS.length;

// ——— SQL (drizzle) ———

function absentSql(table: StateTable, states: readonly State[]): SQL | undefined {
  return and(...states.map((state) => isNull(table[state])));
}

/** Categories `kind` may enter; `table` may be an alias of categories. Undefined (no condition) for moderators. */
export const categoryCondition = (kind: ViewerKind, table: { access: Column } = categories): SQL | undefined =>
  entersAll(kind) ? undefined : inArray(table.access, [...RULE.category[kind]]);
export const categoryOpenTo = (user: Viewer | null, table?: { access: Column }) => categoryCondition(viewerKind(user), table);

/**
 * Threads `kind` may see: in a category she enters, in a state she sees; `table` may be an alias of threads. A query
 * that joins the thread's category passes it as `joined`, and the category is checked there; otherwise a subquery
 * on the (small) categories table does it.
 */
export function threadCondition(kind: ViewerKind, table: ThreadTable = threads, joined?: { access: Column }): SQL | undefined {
  const open = categoryCondition(kind, joined);
  const inOpenCategory = open && (joined ? open : sql`${table.categoryId} in (select ${categories.id} from ${categories} where ${open})`);
  return and(absentSql(table, RULE.thread[kind]), inOpenCategory);
}
export const threadVisibleTo = (user: Viewer | null, joined?: { access: Column }) => threadCondition(viewerKind(user), threads, joined);
/**
 * Posts whose text `user` reads (in a thread they see): what they may quote, and whose authors are suggested to
 * them for a mention. Undefined (no condition) for moderators; `table` may be an alias of posts.
 */
export function postTextVisibleTo(user: Viewer | null, table: PostStateTable = posts): SQL | undefined {
  const states: readonly State[] = RULE.text[viewerKind(user)];
  if (!user || !states.includes(OWN_TEXT_EXEMPT)) return absentSql(table, states);
  const others = absentSql(table, states.filter((state) => state !== OWN_TEXT_EXEMPT));
  return and(others, or(isNull(table[OWN_TEXT_EXEMPT]), eq(table.authorId, user.id)));
}
/** Threads in a state every member who enters their category sees (category aside); `table` may be an alias of threads. */
export const threadSeenByMembersCondition = (table: StateTable = threads): SQL => absentSql(table, RULE.thread.member)!;
/** Posts every member reads with their text (the unread count); `table` may be an alias of posts. */
export const postReadByMembersCondition = (table: StateTable = posts): SQL => absentSql(table, POST_READ_BY_MEMBERS)!;

/**
 * The set-based form: whether the member in `user` (a users table or alias in the query) may enter a category whose
 * access is `access`. For queries that pick many people at once: notification receivers (notifications/expand.ts)
 * and mention suggestions (members/suggest.ts).
 */
export function categoryOpenToUsersSql(user: { role: SQL | Column; representativeVerified: SQL | Column }, access: SQL | Column): SQL {
  const isKind: Record<ViewerKind, SQL> = {
    moderator: sql`${user.role} in ('moderator', 'admin')`,
    representative: sql`${user.representativeVerified}`,
    member: sql`true`,
  };
  return or(...VIEWER_KINDS.map((kind) => and(isKind[kind], sql`${access} in (${sql.join(RULE.category[kind].map((a) => sql`${a}`), sql`, `)})`)))!;
}

// ——— in memory ———

/** The in-memory twin of categoryOpenTo(). */
export const categoryOpen = (access: string, user: Viewer | null): boolean => (RULE.category[viewerKind(user)] as readonly string[]).includes(access);

const absent = (row: StateRow, states: readonly State[]) => states.every((state) => row[state] === null);

/** The in-memory twin of threadVisibleTo(). */
export function threadVisible<T extends ThreadStateRow>(thread: T | null, user: CurrentUser | null): thread is T {
  return thread !== null && categoryOpen(thread.categoryAccess, user) && absent(thread, RULE.thread[viewerKind(user)]);
}
/** The in-memory twin of postTextVisibleTo(): whether a post shows `user` its text, or is a placeholder without it. */
export function postTextVisible(post: PostStateRow, user: CurrentUser | null): boolean {
  const states = RULE.text[viewerKind(user)];
  return absent(post, user !== null && user.id === post.authorId ? states.filter((state) => state !== OWN_TEXT_EXEMPT) : states);
}
/** The in-memory twin of postReadByMembersCondition(): a post every member reads (what may be a best answer). */
export const postReadByMembers = (post: StateRow): boolean => absent(post, POST_READ_BY_MEMBERS);
/** Whether a thread counts in categories.thread_count: its states let every member who enters its category see it. */
export const threadCounted = (thread: StateRow): boolean => absent(thread, RULE.thread.member);
/** The in-memory twin of the search form: a post every member reads, in a thread every member sees (category aside). */
export const searchable = (post: StateRow, thread: StateRow): boolean => absent(post, POST_READ_BY_MEMBERS) && absent(thread, RULE.thread.member);

// ——— search ———

/** The aliases the search queries give the forum tables: `from posts p join threads t on t.id = p.thread_id`. */
export const searchTables = { p: alias(posts, 'p'), t: alias(threads, 't') };

/** The search form: true for a post the index may hold and a hit may show, over `posts p` and `threads t`. */
export const searchableSql = (): SQL => and(absentSql(searchTables.p, POST_READ_BY_MEMBERS), absentSql(searchTables.t, RULE.thread.member))!;
