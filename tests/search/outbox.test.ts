import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/auth/types.js';
import { queryRows, type Db } from '../../server/db/client.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { OutboxWorker } from '../../server/search/outbox.js';
import { reindexAll } from '../../server/search/reindex.js';
import type { SynonymSet } from '../../server/search/analysis/types.js';
import type { SearchDocument, SearchIndex, SearchRequest } from '../../server/search/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { hideThread, search, type SearchResponseBody } from './fixtures.js';

/**
 * A fault injector around the real index (not a mock): it refuses writes while `failing`, and can run
 * something as the worker hands posts to the engine, to reproduce an edit racing the worker.
 */
class FaultyIndex implements SearchIndex {
  readonly name;
  failing = false;
  duringSync: (() => Promise<void>) | null = null;
  constructor(readonly inner: SearchIndex) {
    this.name = inner.name;
  }
  setup() {
    return this.inner.setup();
  }
  async sync(db: Db, postIds: number[]) {
    if (this.failing) throw new Error('search engine unreachable (injected)');
    const hook = this.duringSync;
    this.duringSync = null;
    if (hook) await hook();
    return this.inner.sync(db, postIds);
  }
  async index(docs: SearchDocument[]) {
    if (this.failing) throw new Error('search engine unreachable (injected)');
    return this.inner.index(docs);
  }
  async remove(postIds: number[]) {
    if (this.failing) throw new Error('search engine unreachable (injected)');
    return this.inner.remove(postIds);
  }
  search(request: SearchRequest) {
    return this.inner.search(request);
  }
  corrections(words: string[]) {
    return this.inner.corrections(words);
  }
  setSynonyms(groups: readonly SynonymSet[]) {
    return this.inner.setSynonyms(groups);
  }
  async health() {
    return this.failing ? ('degraded' as const) : this.inner.health();
  }
}

let t: TestApp;
let member: TestClient;
let user: CurrentUser;
let faulty: FaultyIndex;
/** Far enough ahead that every backoff has passed: tests step over time instead of waiting for it. */
const later = () => new Date(Date.now() + 3600_000);
const backlog = () => queryRows<{ kind: string; target_id: number; attempts: number }>(t.db, sql`select kind, target_id::int, attempts from search_outbox order by id`);
/** The best post of each thread found, and the threads. */
const posts = (body: SearchResponseBody) => body.hits.map((h) => h.postId);
const threads = (body: SearchResponseBody) => body.hits.map((h) => h.threadId);

beforeAll(async () => {
  // Each test asserts what one drain did: no background poller may take the rows first.
  t = await buildTestApp({ searchWorker: false });
  ({ client: member, user } = await t.login());
  faulty = new FaultyIndex(t.app.searchService.index);
  t.app.searchService.index = faulty;
});
afterAll(() => t.close());
beforeEach(async () => {
  faulty.failing = false;
  await t.app.searchService.drainOutbox({ now: later() });
});

describe('search outbox', () => {
  it('accepts posts while the engine is down, loses nothing, and drains the backlog on recovery', async () => {
    faulty.failing = true;
    const created = await member.post<{ thread: { id: number }; post: { id: number } }>('/api/threads', {
      categorySlug: 'campagne',
      title: 'Deurkloppen in de wijk',
      body: 'Wie heeft ervaring met deurkloppers?',
    });
    expect(created.status).toBe(201);
    const reply = await member.post<{ post: { id: number } }>(`/api/threads/${created.body.thread.id}/posts`, { body: 'Wij deurkloppers beginnen om tien uur.' });
    expect(reply.status).toBe(201);

    const failed = await t.app.searchService.drainOutbox();
    expect(failed.failed).toBe(true);
    const waiting = await backlog();
    expect(waiting.map((r) => r.target_id).sort()).toEqual([created.body.post.id, reply.body.post.id].sort());
    expect(waiting.every((r) => r.attempts >= 1)).toBe(true);
    expect((await search(member, { q: 'deurkloppers' })).body.hits).toEqual([]);
    const ready = await t.guest().get<{ search: string }>('/api/ready');
    expect(ready.body.search).toBe('degraded');

    // Refused rows wait out a backoff before the next attempt; stepping past it, everything arrives.
    const [notDeferred] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from search_outbox where next_attempt_at <= created_at`);
    expect(notDeferred!.n).toBe(0);
    faulty.failing = false;
    const recovered = await t.app.searchService.drainOutbox({ now: later() });
    expect(recovered).toMatchObject({ failed: false, processed: 2, indexed: 2 });
    expect(await backlog()).toEqual([]);
    const found = (await search(member, { q: 'deurkloppers' })).body;
    expect(threads(found)).toEqual([created.body.thread.id]);
    expect(found.hits[0]!.matchingPosts).toBe(2);
    expect((await t.guest().get<{ search: string }>('/api/ready')).body.search).toBe('ok');
  });

  it('ends in the newer text when an edit lands while the worker runs', async () => {
    const { postId } = await makeThread(t.db, user, { category: 'algemeen', title: 'Tekst die verandert', body: 'Eerst stond hier oudeversie.' });
    // While the worker hands the old text to the engine, the author edits the post.
    faulty.duringSync = async () => {
      const edit = await member.patch(`/api/posts/${postId}`, { body: 'Nu staat hier nieuweversie.' });
      expect(edit.status).toBe(200);
    };
    await t.app.searchService.drainOutbox();
    await t.app.searchService.drainOutbox({ now: later() });
    expect(faulty.duringSync).toBeNull();
    expect(await backlog()).toEqual([]);
    expect(posts((await search(member, { q: 'nieuweversie' })).body)).toEqual([postId]);
    // The index holds the edited text only ("oudeversie" may still be corrected to the new word: resultsFor says so).
    const indexed = await queryRows<{ body: string }>(t.db, sql`select body from search_documents where post_id = ${postId}`);
    expect(indexed).toEqual([{ body: 'Nu staat hier nieuweversie.' }]);
  });

  it('removes every post of a hidden thread and leaves others alone', async () => {
    const { threadId, postId } = await makeThread(t.db, user, { category: 'algemeen', title: 'Over de wethoudersruzie', body: 'De wethoudersruzie escaleert.' });
    const reply = await makePost(t.db, user, threadId, { body: 'Nog meer over de wethoudersruzie.' });
    const other = await makeThread(t.db, user, { category: 'algemeen', title: 'Andere wethoudersruzie', body: 'Elders ook een wethoudersruzie.' });
    await t.app.searchService.drainOutbox();
    const before = (await search(member, { q: 'wethoudersruzie' })).body;
    expect(threads(before).sort()).toEqual([threadId, other.threadId].sort());
    expect(before.hits.find((h) => h.threadId === threadId)?.matchingPosts).toBe(2);
    expect(postId).toBeLessThan(reply);
    await hideThread(t, threadId);
    const result = await t.app.searchService.drainOutbox();
    expect(result.removed).toBe(2);
    expect(posts((await search(member, { q: 'wethoudersruzie' })).body)).toEqual([other.postId]);
    const [count] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from search_documents where thread_id = ${threadId}`);
    expect(count!.n).toBe(0);
  });

  it('reindexes everything from the database, idempotently', async () => {
    const { postId } = await makeThread(t.db, user, { category: 'algemeen', title: 'Herindexeren', body: 'Het woord herbouwwoord.' });
    await t.app.searchService.drainOutbox();
    await t.db.execute(sql`delete from search_documents`);
    expect((await search(member, { q: 'herbouwwoord' })).body.hits).toEqual([]);
    const worker = new OutboxWorker(t.db, () => t.app.searchService.index, { warn: () => {} }, { batchSize: 7 });
    const progress: number[] = [];
    for (let run = 0; run < 2; run++) {
      const result = await reindexAll(t.db, worker, (done) => progress.push(done), 5);
      expect(result.failed).toBe(false);
      expect(posts((await search(member, { q: 'herbouwwoord' })).body)).toEqual([postId]);
      expect((await search(member, { q: 'wethoudersruzie' })).body.hits).toHaveLength(1);
    }
    expect(progress.at(-1)).toBeGreaterThan(0);
    expect(await backlog()).toEqual([]);
    await worker.stop();
  });
});

describe('with Meilisearch configured but unreachable', () => {
  let down: TestApp;
  beforeAll(async () => {
    // Port 9 (discard) refuses connections: a real engine outage, not a mock.
    down = await buildTestApp({ env: { MEILI_URL: 'http://127.0.0.1:9' }, searchWorker: false });
  });
  afterAll(() => down.close());

  it('keeps posting, queues the changes, reports search degraded and answers search with 503', async () => {
    expect(down.app.searchService.index.name).toBe('meilisearch');
    const { client } = await down.login();
    const created = await client.post<{ post: { id: number } }>('/api/threads', { categorySlug: 'algemeen', title: 'Gewoon doorgaan', body: 'Posten werkt ook zonder zoekmachine.' });
    expect(created.status).toBe(201);
    expect((await down.app.searchService.drainOutbox()).failed).toBe(true);
    const rows = await queryRows<{ target_id: number }>(down.db, sql`select target_id::int from search_outbox`);
    expect(rows.map((r) => r.target_id)).toContain(created.body.post.id);
    const ready = await down.guest().get<{ ok: boolean; search: string }>('/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ ok: true, search: 'degraded' });
    const res = await search(client, { q: 'zoekmachine' });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: { code: 'search_unavailable' } });
  });
});
