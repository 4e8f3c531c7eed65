import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/auth/types.js';
import { queryRows } from '../../server/db/client.js';
import { threads } from '../../server/db/schema.js';
import { categoryId, makePost, makeThread } from '../../server/dev/factories.js';
import { publish } from '../../server/events/publish.js';
import { RANK_WINDOW } from '../../server/search/postgres-index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { search, type SearchResponseBody } from './fixtures.js';

/**
 * What the PostgreSQL engine does beyond the contract: threads are ranked a window of RANK_WINDOW at a time (the
 * threads with the newest matches first), a thread belongs to the window of its newest matching post, snippets come
 * from the best post, and filters read copies of the category and author that the outbox keeps in step
 * (docs/decisions/004-search-ranking-window.md).
 */
describe(`PostgreSQL search at scale (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let member: TestClient;
  let anna: CurrentUser;
  let thread: { threadId: number; postId: number };
  /** Thread ids of the one-post threads, oldest first. */
  let small: number[];
  /** A thread whose many replies are the newest matches of all: it must count once, in the first window. */
  let busy: number;
  const MANY = RANK_WINDOW * 2 + 30;
  const BUSY_REPLIES = 400;
  const ids = (body: SearchResponseBody) => body.hits.map((h) => h.threadId);

  beforeAll(async () => {
    t = await buildTestApp({ searchWorker: false });
    ({ client: member } = await t.login());
    anna = (await t.login({ displayName: 'Anna de Vries' })).user;
    thread = await makeThread(t.db, anna, { category: 'fuseren', title: 'Een proef met vensters', body: 'Hier staat niets bijzonders.' });
    const category = await categoryId(t.db, 'fuseren');
    // Many one-post threads at once (one statement each), an hour apart, all older than a day; every 7th says it three times.
    await t.db.execute(sql`
      with made as (
        insert into threads (category_id, author_id, title, post_count, created_at, last_post_at)
        select ${category}, ${anna.id}, 'Venster nummer ' || g, 1, at, at
          from (select g, now() - interval '1 day' - (${MANY} - g) * interval '1 hour' as at from generate_series(1, ${MANY}) g) x
        returning id, created_at
      )
      insert into posts (thread_id, author_id, body, body_html, created_at)
      select id, ${anna.id}, b, '<p>' || b || '</p>', created_at
        from (select id, created_at, row_number() over (order by created_at) as g from made) m
        cross join lateral (select case when g % 7 = 0 then 'vensterwoord vensterwoord vensterwoord nummer ' || g else 'het vensterwoord, nummer ' || g end as b) y`);
    small = (await queryRows<{ id: number }>(t.db, sql`select id from threads where title like 'Venster nummer %' order by created_at`)).map((r) => r.id);
    busy = (await makeThread(t.db, anna, { category: 'fuseren', title: 'Een druk gesprek', body: 'Het begin.' })).threadId;
    await t.db.execute(sql`
      insert into posts (thread_id, author_id, body, body_html, created_at)
      select ${busy}, ${anna.id}, 'nog een vensterwoord ' || g, '<p>nog een vensterwoord ' || g || '</p>', now() - (${BUSY_REPLIES} - g) * interval '1 second'
        from generate_series(1, ${BUSY_REPLIES}) g`);
    // Inserted behind the forum's back, so no forum change announced them: queued by hand, as a reindex does.
    await t.db.execute(sql`insert into search_outbox (kind, target_id) select 'thread', id from threads`);
    await t.app.searchService.drainOutbox();
  });
  afterAll(() => t.close());

  it('pages through more threads than one window without repeats or gaps, a busy thread once', async () => {
    for (const sort of ['relevance', 'newest']) {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await search(member, { q: 'vensterwoord', sort, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        seen.push(...ids(res.body));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      expect(seen, sort).toHaveLength(MANY + 1);
      expect(new Set(seen).size, sort).toBe(MANY + 1);
      expect(pages, sort).toBe(Math.ceil((MANY + 1) / 20));
      expect(seen.indexOf(busy), sort).toBe(0);
    }
    const first = await search(member, { q: 'vensterwoord', sort: 'newest' });
    expect(ids(first.body).slice(0, 3)).toEqual([busy, small.at(-1), small.at(-2)]);
    expect(first.body.hits[0]!.matchingPosts).toBe(BUSY_REPLIES);
  });

  it('ranks a window of the newest matching posts at a time, each thread in the window of its newest match', async () => {
    const res = await search(member, { q: 'vensterwoord' });
    // The busy thread's replies are the newest RANK_WINDOW matches and more: that window holds only that thread, and
    // the next window holds no thread at all (only more of its replies). Then the newest one-post threads, ranked.
    expect(BUSY_REPLIES).toBeGreaterThanOrEqual(RANK_WINDOW * 2);
    expect(ids(res.body)[0]).toBe(busy);
    const next = new Set(small.slice(-RANK_WINDOW));
    expect(ids(res.body).slice(1).every((id) => next.has(id))).toBe(true);
    // The threads that say it three times lead, and the oldest of those (outside the window) is not there.
    const triple = small.filter((_, i) => (i + 1) % 7 === 0);
    expect(triple).toContain(ids(res.body)[1]);
    expect(ids(res.body)).not.toContain(triple[0]);
  });

  it('marks the match in a long post even far from its start, and when the word is not spelled like its stem', async () => {
    const filler = 'Dit is een lange inleiding zonder het gezochte woord. '.repeat(60);
    const far = await makePost(t.db, anna, thread.threadId, { body: `${filler}Hier staat eindelijk het verreweg-zeldzame zoekwoord kwartiermaker.` });
    // 'kandidaat' is stemmed to 'kandidat', which is not how the word is written.
    const stem = await makePost(t.db, anna, thread.threadId, { body: `${filler}Wie wordt onze kandidaat voor de raad?` });
    await t.app.searchService.drainOutbox();
    const a = (await search(member, { q: 'kwartiermaker' })).body.hits.find((h) => h.postId === far);
    expect(a?.snippetHtml).toContain('<mark>kwartiermaker</mark>');
    const b = (await search(member, { q: 'kandidaat', thread: thread.threadId })).body.hits.find((h) => h.postId === stem);
    expect(b?.snippetHtml).toContain('<mark>kandidaat</mark>');
  });

  it('cuts the snippet of a long opening post at the word in its body, not at a compound in its title that holds it', async () => {
    const filler = 'Dit is een lange inleiding zonder het gezochte woord. '.repeat(60);
    const opening = await makeThread(t.db, anna, { category: 'fuseren', title: 'Ledenwerving in de wijk', body: `${filler}Zo vonden wij veertig nieuwe leden.` });
    await t.app.searchService.drainOutbox();
    const [hit] = (await search(member, { q: 'leden', thread: opening.threadId })).body.hits;
    expect(hit?.snippetHtml).toContain('<mark>leden</mark>');
  });

  it('finds a hyphenated word by its compound, also inside a phrase', async () => {
    const post = await makePost(t.db, anna, thread.threadId, { body: 'Wij organiseerden een drukbezochte thema-avond over de fusie.' });
    await t.app.searchService.drainOutbox();
    const posts = (body: SearchResponseBody) => body.hits.map((h) => h.postId);
    expect(posts((await search(member, { q: 'thema-avond' })).body)).toEqual([post]);
    expect(posts((await search(member, { q: '"drukbezochte thema-avond over"' })).body)).toEqual([post]);
    expect(posts((await search(member, { q: '"thema-avond drukbezochte"' })).body)).toEqual([]);
  });

  it('follows a moved thread: never under its old category, under the new one once the outbox ran', async () => {
    const moved = await makeThread(t.db, anna, { category: 'fuseren', title: 'Verhuisproef', body: 'Het verhuiswoord.' });
    await t.app.searchService.drainOutbox();
    expect(ids((await search(member, { q: 'verhuiswoord', category: 'fuseren' })).body)).toEqual([moved.threadId]);
    const campagne = await categoryId(t.db, 'campagne');
    await t.db.transaction(async (tx) => {
      const [before] = await tx.select({ categoryId: threads.categoryId }).from(threads).where(eq(threads.id, moved.threadId));
      await tx.update(threads).set({ categoryId: campagne }).where(eq(threads.id, moved.threadId));
      await publish(tx, { type: 'thread.updated', threadId: moved.threadId, categoryId: campagne, previousCategoryId: before!.categoryId, changed: ['category'] });
    });
    expect(ids((await search(member, { q: 'verhuiswoord', category: 'fuseren' })).body)).toEqual([]);
    await t.app.searchService.drainOutbox();
    expect(ids((await search(member, { q: 'verhuiswoord', category: 'campagne' })).body)).toEqual([moved.threadId]);
    expect(ids((await search(member, { q: 'verhuiswoord', category: 'fuseren' })).body)).toEqual([]);
  });
});
