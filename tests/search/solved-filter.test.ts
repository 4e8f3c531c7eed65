import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/auth/types.js';
import { threads } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { restore } from '../../server/forum/post-hiding.js';
import { clearSolution, markSolution } from '../../server/forum/solutions.js';
import { filterExpression, MeiliSearchIndex } from '../../server/search/meili-index.js';
import { toMeiliPost } from '../../server/search/meili/documents.js';
import { indexSettings } from '../../server/search/meili/settings.js';
import type { SearchIndex } from '../../server/search/types.js';
import { LIMITS } from '../../shared/constants.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { cleanStaleTestIndexes, dropTestIndex, meiliFromEnv, testIndexUid } from '../helpers/meili.js';
import { hidePost, search, type SearchResponseBody } from './fixtures.js';

/** Marks (or with null undoes) a thread's best answer as its starter does, through the forum (forum/solutions.ts). */
async function setSolution(t: TestApp, starter: CurrentUser, threadId: number, postId: number | null): Promise<void> {
  const [thread] = await t.db.select({ id: threads.id, categoryId: threads.categoryId, authorId: threads.authorId }).from(threads).where(eq(threads.id, threadId));
  expect(thread?.authorId).toBe(starter.id);
  const changed = postId === null ? await clearSolution(t.db, starter, thread!) : await markSolution(t.db, starter, thread!, postId);
  expect(changed).toBe(true);
}

/** The threads found, in order. */
const ids = (body: SearchResponseBody) => body.hits.map((h) => h.threadId);
/** Each thread found with whether its hit says it is solved. */
const solvedById = (body: SearchResponseBody) => Object.fromEntries(body.hits.map((h) => [h.threadId, h.solved]));
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

/** The solved filter and the hits' solved flag, for one engine. */
function solvedFilterSuite(makeIndex?: (t: TestApp) => Promise<SearchIndex>) {
  let t: TestApp;
  let member: TestClient;
  let anna: CurrentUser;
  let bert: CurrentUser;
  /** Solved by a reply. */
  let answered: { threadId: number; postId: number; answer: number };
  /** Never solved. */
  let open: { threadId: number; postId: number };
  /** Solved, until a moderator hides the answer. */
  let hiddenAnswer: { threadId: number; postId: number; answer: number };

  const drain = async () => {
    await t.app.searchService.drainOutbox();
    expect((await t.app.searchService.backlog()).count).toBe(0);
  };

  beforeAll(async () => {
    // No background worker: the tests drain the outbox themselves, so "after the outbox ran" is a fact, not a wait.
    t = await buildTestApp({ searchWorker: false });
    if (makeIndex) t.app.searchService.index = await makeIndex(t);
    ({ client: member } = await t.login());
    anna = (await t.login({ displayName: 'Anna de Vries' })).user;
    bert = (await t.login({ displayName: 'Bert Jansen' })).user;
    const a = await makeThread(t.db, anna, { title: 'Stembureau bemensen', body: 'Wie helpt er mee op het stembureau?' });
    answered = { ...a, answer: await makePost(t.db, bert, a.threadId, { body: 'Ik help de hele dag, met koffie.' }) };
    open = await makeThread(t.db, anna, { title: 'Sleutel van het stembureau', body: 'Waar ligt de sleutel van het stembureau?' });
    await makePost(t.db, bert, open.threadId, { body: 'Geen idee.' });
    const h = await makeThread(t.db, bert, { title: 'Stembureau in de bibliotheek', body: 'Kan het stembureau weer in de bibliotheek?' });
    hiddenAnswer = { ...h, answer: await makePost(t.db, anna, h.threadId, { body: 'Ja, de bibliotheek heeft al toegezegd.' }) };
    await drain();
    await setSolution(t, anna, answered.threadId, answered.answer);
    await setSolution(t, bert, hiddenAnswer.threadId, hiddenAnswer.answer);
    await drain();
  });
  afterAll(() => t?.close());

  it('finds only solved threads with status=solved, only the others with status=unsolved, and all without', async () => {
    const solved = await search(member, { q: 'stembureau', status: 'solved' });
    expect(solved.status).toBe(200);
    expect(sorted(ids(solved.body))).toEqual(sorted([answered.threadId, hiddenAnswer.threadId]));
    const unsolved = await search(member, { q: 'stembureau', status: 'unsolved' });
    expect(ids(unsolved.body)).toEqual([open.threadId]);
    const all = await search(member, { q: 'stembureau' });
    expect(sorted(ids(all.body))).toEqual(sorted([answered.threadId, open.threadId, hiddenAnswer.threadId]));
  });

  it('says on every hit whether its thread is solved', async () => {
    const all = await search(member, { q: 'stembureau' });
    expect(solvedById(all.body)).toEqual({ [answered.threadId]: true, [open.threadId]: false, [hiddenAnswer.threadId]: true });
    // Also when the hit is the answer itself.
    const reply = await search(member, { q: 'koffie', thread: answered.threadId });
    expect(reply.body.hits).toMatchObject([{ threadId: answered.threadId, postId: answered.answer, solved: true }]);
  });

  it('refuses a status it does not know', async () => {
    const res = await search(member, { q: 'stembureau', status: 'opgelost' });
    expect(res.status).toBe(400);
  });

  it('keeps the filter on later pages: the address repeats it, the cursor carries none', async () => {
    const made: number[] = [];
    for (let i = 0; i < LIMITS.pageSize + 1; i++) {
      const starter = i % 2 ? anna : bert;
      const thread = await makeThread(t.db, starter, { title: `Rooster voor de verkiezingsavond ${i}`, body: `Wie staat er op het rooster, ronde ${i}?` });
      await setSolution(t, starter, thread.threadId, await makePost(t.db, anna, thread.threadId, { body: `Ronde ${i} is rond.` }));
      made.push(thread.threadId);
    }
    const unsolvedRooster = await makeThread(t.db, bert, { title: 'Rooster zonder antwoord', body: 'Nog niemand op het rooster.' });
    await drain();

    const first = await search(member, { q: 'rooster', status: 'solved' });
    expect(first.body.hits).toHaveLength(LIMITS.pageSize);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await search(member, { q: 'rooster', status: 'solved', cursor: first.body.nextCursor! });
    expect(second.status).toBe(200);
    expect(second.body.nextCursor).toBeNull();
    const found = [...ids(first.body), ...ids(second.body)];
    expect(sorted(found)).toEqual(sorted(made));
    expect([...first.body.hits, ...second.body.hits].every((h) => h.solved)).toBe(true);
    expect(ids((await search(member, { q: 'rooster', status: 'unsolved' })).body)).toEqual([unsolvedRooster.threadId]);
  });

  it('undoing the answer makes the thread unsolved once the outbox reindexed it', async () => {
    const thread = await makeThread(t.db, anna, { title: 'Afvalinzameling na de markt', body: 'Wie regelt de afvalinzameling?' });
    const answer = await makePost(t.db, bert, thread.threadId, { body: 'De gemeente, na sluiting.' });
    await setSolution(t, anna, thread.threadId, answer);
    await drain();
    expect(ids((await search(member, { q: 'afvalinzameling', status: 'solved' })).body)).toEqual([thread.threadId]);

    await setSolution(t, anna, thread.threadId, null);
    // What a hit shows is read from the forum tables, not the index: unsolved at once.
    expect(solvedById((await search(member, { q: 'afvalinzameling' })).body)).toEqual({ [thread.threadId]: false });
    await drain();
    expect(ids((await search(member, { q: 'afvalinzameling', status: 'solved' })).body)).toEqual([]);
    expect(ids((await search(member, { q: 'afvalinzameling', status: 'unsolved' })).body)).toEqual([thread.threadId]);
  });

  it('a hidden answer solves nothing: the thread is unsolved in hits and filters, and solved again when it is shown', async () => {
    await hidePost(t, hiddenAnswer.answer);
    // The hit says so at once (the forum tables), before the outbox ran.
    expect(solvedById((await search(member, { q: 'bibliotheek' })).body)).toEqual({ [hiddenAnswer.threadId]: false });
    await drain();
    expect(ids((await search(member, { q: 'stembureau', status: 'solved' })).body)).toEqual([answered.threadId]);
    const unsolved = await search(member, { q: 'stembureau', status: 'unsolved' });
    expect(sorted(ids(unsolved.body))).toEqual(sorted([open.threadId, hiddenAnswer.threadId]));
    expect(solvedById(unsolved.body)).toEqual({ [open.threadId]: false, [hiddenAnswer.threadId]: false });

    await t.db.transaction((tx) => restore(tx, hiddenAnswer.answer));
    await drain();
    const solved = await search(member, { q: 'stembureau', status: 'solved' });
    expect(sorted(ids(solved.body))).toEqual(sorted([answered.threadId, hiddenAnswer.threadId]));
    expect(solvedById(solved.body)).toEqual({ [answered.threadId]: true, [hiddenAnswer.threadId]: true });
  });
}

// PGlite by default; the real server when DATABASE_URL is set (run the suite both ways).
describe(`search: the solved filter, PostgreSQL full-text search (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  solvedFilterSuite();
});

// Without a server: what the Meilisearch engine sends for the filter.
describe('search: the solved filter, as Meilisearch is asked', () => {
  it('filters on a filterable `solved` that every document carries', () => {
    expect(indexSettings({}).filterableAttributes).toContain('solved');
    const doc = { postId: 1, threadId: 2, title: 'Titel', body: 'Tekst', categorySlug: 'algemeen', authorId: 3, authorName: 'Anna', createdAt: new Date(0) };
    expect(toMeiliPost({ ...doc, solved: true }, true).solved).toBe(true);
    expect(toMeiliPost({ ...doc, solved: false }, false).solved).toBe(false);
  });

  it('asks for unsolved threads as "not solved", so documents written before `solved` existed count as unsolved', () => {
    expect(filterExpression({ solved: true })).toBe('solved = true');
    expect(filterExpression({ solved: false })).toBe('solved != true');
    expect(filterExpression({ categorySlug: 'algemeen', solved: false })).toBe('categorySlug = "algemeen" AND solved != true');
    expect(filterExpression({})).toBeUndefined();
  });
});

const meili = meiliFromEnv();
if (!meili) console.info('search solved filter: Meilisearch SKIPPED — set MEILI_URL (and MEILI_MASTER_KEY if needed) to run it against a real server');

// Its own index, deleted afterwards, as the contract suite (meilisearch.test.ts).
describe.skipIf(!meili)('search: the solved filter, Meilisearch', () => {
  const uid = testIndexUid();
  beforeAll(async () => {
    await cleanStaleTestIndexes(meili!.url, meili!.key);
  });
  afterAll(async () => {
    await dropTestIndex(meili!.url, meili!.key, uid);
  });

  solvedFilterSuite(async (t) => {
    const index = new MeiliSearchIndex(meili!.url, meili!.key, uid, { db: t.db, log: t.app.log });
    await index.setup();
    return index;
  });
});
