import { and, eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/auth/types.js';
import { queryRows } from '../../server/db/client.js';
import { categories, posts, threads, users } from '../../server/db/schema.js';
import { makeCategory, makeUser } from '../../server/dev/factories.js';
import { closedCategorySlugs } from '../../server/forum/categories.js';
import { findVisibleThread, selectPosts, selectThreadPage, threadColumns, type PostRow, type ThreadRow } from '../../server/forum/queries.js';
import { CATEGORY_ACCESS, type CategoryAccess } from '../../shared/constants.js';
import {
  categoryOpen,
  postTextVisible,
  postTextVisibleTo,
  searchable,
  searchableSql,
  threadVisible,
  threadVisibleTo,
} from '../../server/forum/visibility.js';
import { createLiveStore } from '../../server/live/store.js';
import { loadDocuments } from '../../server/search/documents.js';
import { parseQuery } from '../../server/search/analysis/index.js';
import { PostgresSearchIndex } from '../../server/search/postgres-index.js';
import type { SearchDocument } from '../../server/search/types.js';
import { createTestDatabase } from '../helpers/database.js';

/**
 * The visibility rule has three forms (server/forum/visibility.ts): SQL for drizzle, an in-memory predicate for the
 * live hub and the routes, and the search form. Generated forums, with every combination of states, written to the
 * database: for every viewer, the ids each form admits must be the same.
 */

interface State {
  hidden: boolean;
  deleted: boolean;
}
interface GenPost {
  state: State;
  /** Written by anna (else bert), so anna is "the author" of some posts and not of others. */
  byAnna: boolean;
}
interface GenThread {
  state: State;
  /** Who may enter its category. */
  access: CategoryAccess;
  /** The first is the opening post. */
  posts: GenPost[];
}

const STATES: State[] = [
  { hidden: false, deleted: false },
  { hidden: true, deleted: false },
  { hidden: false, deleted: true },
  { hidden: true, deleted: true },
];
/** Every category access, thread state and post state, as opening post and as reply: the example always run first. */
const EVERY_COMBINATION: GenThread[] = CATEGORY_ACCESS.flatMap((access) => STATES.flatMap((threadState) =>
  STATES.map((first, i) => ({
    state: threadState,
    access,
    posts: [{ state: first, byAnna: i % 2 === 0 }, ...STATES.map((reply, j) => ({ state: reply, byAnna: (i + j) % 2 === 1 }))],
  })),
));

const stateArb = fc.record({ hidden: fc.boolean(), deleted: fc.boolean() });
const forumArb = fc.array(
  fc.record({ state: stateArb, access: fc.constantFrom(...CATEGORY_ACCESS), posts: fc.array(fc.record({ state: stateArb, byAnna: fc.boolean() }), { minLength: 1, maxLength: 4 }) }),
  { minLength: 1, maxLength: 6 },
);

/** The one word every generated post says, so one search finds every post the search form admits. */
const WORD = 'stemwijzer';
const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);

describe('visibility: the SQL, in-memory and search forms agree', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let viewers: { name: string; user: CurrentUser | null }[];
  let anna: CurrentUser;
  let bert: CurrentUser;
  /** A category per access, by access. */
  const category = new Map<CategoryAccess, { id: number; slug: string }>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    anna = await makeUser(db, { displayName: 'Anna Zicht' });
    bert = await makeUser(db, { displayName: 'Bert Zicht' });
    viewers = [
      { name: 'guest', user: null },
      { name: 'author (anna)', user: anna },
      { name: 'member (bert)', user: bert },
      { name: 'moderator', user: await makeUser(db, { role: 'moderator' }) },
      { name: 'admin', user: await makeUser(db, { role: 'admin' }) },
      { name: 'verified representative', user: await makeUser(db, { representativeVerified: true }) },
    ];
    for (const access of CATEGORY_ACCESS) {
      const slug = `zicht-${access}`;
      category.set(access, { id: await makeCategory(db, { slug, access }), slug });
    }
  });
  afterAll(() => database?.drop());

  /** Writes the forum as it is generated (states set directly: the rule reads the columns, whatever set them). */
  async function write(forum: GenThread[]): Promise<{ threadIds: number[]; postIds: number[]; opening: Set<number> }> {
    const db = database.db;
    const at = (on: boolean) => (on ? new Date() : null);
    const threadIds: number[] = [];
    const postIds: number[] = [];
    const opening = new Set<number>();
    for (const [n, gen] of forum.entries()) {
      const [thread] = await db
        .insert(threads)
        .values({ categoryId: category.get(gen.access)!.id, authorId: gen.posts[0]!.byAnna ? anna.id : bert.id, title: `Onderwerp ${n}`, hiddenAt: at(gen.state.hidden), deletedAt: at(gen.state.deleted) })
        .returning({ id: threads.id });
      threadIds.push(thread!.id);
      const rows = await db
        .insert(posts)
        .values(
          gen.posts.map((p, i) => ({
            threadId: thread!.id,
            authorId: p.byAnna ? anna.id : bert.id,
            body: `De ${WORD} nummer ${i}`,
            bodyHtml: `<p>De ${WORD} nummer ${i}</p>`,
            hiddenAt: at(p.state.hidden),
            deletedAt: at(p.state.deleted),
          })),
        )
        .returning({ id: posts.id });
      postIds.push(...rows.map((r) => r.id));
      opening.add(rows[0]!.id);
    }
    return { threadIds, postIds, opening };
  }

  /** Each run starts from an empty forum, so one search sees this run's posts only. */
  async function clear(threadIds: number[], postIds: number[]): Promise<void> {
    const db = database.db;
    await db.execute(sql`delete from search_documents where post_id in (select jsonb_array_elements_text(${JSON.stringify(postIds)}::jsonb)::int)`);
    await db.delete(threads).where(inArray(threads.id, threadIds));
  }

  it('the rule itself: members see neither hidden nor deleted threads, nor the text of hidden or deleted posts (an author still reads her hidden one); moderators read everything but deleted threads', () => {
    const row = (state: State) => ({ hiddenAt: state.hidden ? new Date() : null, deletedAt: state.deleted ? new Date() : null, authorId: anna.id, categoryAccess: 'members' });
    const moderator = viewers[3]!.user;
    for (const state of STATES) {
      const r = row(state);
      for (const { user } of viewers.slice(0, 3)) {
        expect(threadVisible(r, user)).toBe(!state.hidden && !state.deleted);
        expect(postTextVisible(r, user)).toBe(!state.deleted && (!state.hidden || user?.id === anna.id));
      }
      expect(threadVisible(r, moderator)).toBe(!state.deleted);
      expect(postTextVisible(r, moderator)).toBe(true);
    }
  });

  it('the rule itself: members enter the open categories, verified volksvertegenwoordigers also theirs, moderators and admins every one', () => {
    const enters = (user: CurrentUser | null) => CATEGORY_ACCESS.filter((access) => categoryOpen(access, user));
    for (const { name, user } of viewers) {
      const expected = name === 'moderator' || name === 'admin' ? CATEGORY_ACCESS : name === 'verified representative' ? ['members', 'representatives'] : ['members'];
      expect(enters(user), name).toEqual(expected);
    }
  });

  it('on every combination of category access, thread and post states, for guest, author, member, representative, moderator and admin', async () => {
    const db = database.db;
    const store = createLiveStore(db);
    const index = new PostgresSearchIndex(db);
    const covered = new Set<string>();

    const property = fc.asyncProperty(forumArb, async (forum) => {
      const { threadIds, postIds, opening } = await write(forum);
      try {
        // The rows as the readers load them: the in-memory form runs over these.
        const threadRows = new Map<number, ThreadRow>(
          (
            await db
              .select(threadColumns)
              .from(threads)
              .innerJoin(categories, eq(categories.id, threads.categoryId))
              .innerJoin(users, eq(users.id, threads.authorId))
              .where(inArray(threads.id, threadIds))
          ).map((t) => [t.id, t]),
        );
        const postRows: PostRow[] = await selectPosts(db).where(inArray(posts.id, postIds));
        for (const post of postRows) {
          const thread = threadRows.get(post.threadId)!;
          covered.add(JSON.stringify([thread.categoryAccess, thread.hiddenAt !== null, thread.deletedAt !== null, post.hiddenAt !== null, post.deletedAt !== null, opening.has(post.id)]));
        }

        // The search form, three ways: the bare condition, documents.ts (what the index may hold), and the
        // PostgreSQL index's own check of its hits, with every post indexed (hidden and deleted ones too).
        const bySql = await queryRows<{ id: number }>(
          db,
          sql`select p.id from posts p join threads t on t.id = p.thread_id
               where p.id in (select jsonb_array_elements_text(${JSON.stringify(postIds)}::jsonb)::int) and ${searchableSql()}`,
        );
        const { docs } = await loadDocuments(db, postIds);
        const everything: SearchDocument[] = postRows.map((p) => ({
          postId: p.id,
          threadId: p.threadId,
          title: threadRows.get(p.threadId)!.title,
          body: p.body,
          categorySlug: threadRows.get(p.threadId)!.categorySlug,
          authorId: p.authorId,
          authorName: p.authorName,
          createdAt: p.createdAt,
          solved: false,
        }));
        await index.index(everything);
        const found = await index.search({ query: parseQuery(WORD), match: 'all', filters: {}, sort: 'relevance', offset: 0, limit: 100, now: new Date() });
        const searchIds = sorted(postRows.filter((p) => searchable(p, threadRows.get(p.threadId)!)).map((p) => p.id));
        expect(sorted(bySql.map((r) => r.id)), 'search SQL').toEqual(searchIds);
        expect(sorted(docs.map((d) => d.postId)), 'search documents').toEqual(searchIds);
        // Hits are threads: exactly those with a searchable post, each shown through one, counting all of them.
        expect(sorted(found.hits.map((h) => h.threadId)), 'search hits').toEqual(sorted(new Set(postRows.filter((p) => searchIds.includes(p.id)).map((p) => p.threadId))));
        expect(found.hits.every((h) => searchIds.includes(h.postId)), 'search hits show searchable posts').toBe(true);
        expect(found.hits.reduce((n, h) => n + h.matchingPosts, 0), 'search hits count searchable posts').toBe(searchIds.length);

        for (const { name, user } of viewers) {
          // In memory, over the loaded rows.
          const memThreads = sorted(threadIds.filter((id) => threadVisible(threadRows.get(id)!, user)));
          // Every post of a thread one sees is shown (as a placeholder where its text is not for them).
          const memPosts = sorted(postRows.filter((p) => threadVisible(threadRows.get(p.threadId)!, user)).map((p) => p.id));
          const readable = new Set(postRows.filter((p) => memPosts.includes(p.id) && postTextVisible(p, user)).map((p) => p.id));
          // SQL, the bare conditions.
          const sqlThreads = await db.select({ id: threads.id }).from(threads).where(and(inArray(threads.id, threadIds), threadVisibleTo(user)));
          const sqlTexts = await db
            .select({ id: posts.id })
            .from(posts)
            .innerJoin(threads, eq(threads.id, posts.threadId))
            .where(and(inArray(posts.id, postIds), threadVisibleTo(user), postTextVisibleTo(user)));
          expect(sorted(sqlThreads.map((r) => r.id)), `${name}: threads`).toEqual(memThreads);
          expect(sorted(sqlTexts.map((r) => r.id)), `${name}: texts`).toEqual(sorted(readable));
          // What search holds within the categories one enters is what every member who enters them reads; and
          // nobody finds by search what they may not read.
          const enteredIds = searchIds.filter((id) => categoryOpen(threadRows.get(postRows.find((p) => p.id === id)!.threadId)!.categoryAccess, user));
          expect(enteredIds.every((id) => readable.has(id)), `${name}: search within what they read`).toBe(true);
          if (user === null) {
            expect(sorted(readable), 'search is what members read').toEqual(enteredIds);
            continue;
          }
          // The search filter keeps each searcher to the categories she enters.
          const closed = await closedCategorySlugs(db, user);
          const hers = await index.search({ query: parseQuery(WORD), match: 'all', filters: { closedCategorySlugs: closed }, sort: 'relevance', offset: 0, limit: 100, now: new Date() });
          expect(sorted(hers.hits.map((h) => h.threadId)), `${name}: search hits`).toEqual(sorted(new Set(enteredIds.map((id) => postRows.find((p) => p.id === id)!.threadId))));
          // SQL, as the HTTP thread page (prepared statements) and the live catch-up read it.
          const pageThreads: number[] = [];
          const pagePosts: number[] = [];
          const livePosts: number[] = [];
          for (const id of threadIds) {
            if (!(await findVisibleThread(db, id, user))) continue;
            pageThreads.push(id);
            pagePosts.push(...(await selectThreadPage(db, id, 0, 100)).map((p) => p.id));
            if (await store.findVisibleThread(id, user)) livePosts.push(...(await store.postsAfter(id, 0, 100)).map((p) => p.id));
          }
          expect(sorted(pageThreads), `${name}: thread pages`).toEqual(memThreads);
          expect(sorted(pagePosts), `${name}: thread page posts`).toEqual(memPosts);
          expect(sorted(livePosts), `${name}: live catch-up`).toEqual(memPosts);
        }
      } finally {
        await clear(threadIds, postIds);
      }
    });
    await fc.assert(property, { seed: 20261201, numRuns: 15, examples: [[EVERY_COMBINATION]] });

    // 3 category accesses × 4 thread states × 4 post states × opening post or reply.
    expect(covered.size).toBe(96);
  });
});
