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
import { search } from './fixtures.js';

/**
 * What the PostgreSQL engine does beyond the contract: matches are ranked a window of RANK_WINDOW at a time
 * (newest window first), snippets come from a window of the post's text, and filters read copies of the
 * category and author that the outbox keeps in step (docs/decisions/004-search-ranking-window.md).
 */
describe(`PostgreSQL search at scale (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let member: TestClient;
  let anna: CurrentUser;
  let thread: { threadId: number; postId: number };
  /** Reply ids, oldest first. */
  let replies: number[];
  const MANY = RANK_WINDOW * 2 + 30;
  const ids = (body: { hits: { postId: number }[] }) => body.hits.map((h) => h.postId);

  beforeAll(async () => {
    t = await buildTestApp({ searchWorker: false });
    ({ client: member } = await t.login());
    anna = (await t.login({ displayName: 'Anna de Vries' })).user;
    thread = await makeThread(t.db, anna, { category: 'fuseren', title: 'Een proef met vensters', body: 'Het vensterwoord staat ook hier.' });
    // Many replies at once (one statement), an hour apart, all older than the opening post; every 7th says it three times.
    await t.db.execute(sql`
      insert into posts (thread_id, author_id, body, body_html, created_at)
      select ${thread.threadId}, ${anna.id}, b, '<p>' || b || '</p>', now() - interval '1 day' - (${MANY} - g) * interval '1 hour'
        from (select g, case when g % 7 = 0 then 'vensterwoord vensterwoord vensterwoord nummer ' || g else 'het vensterwoord, nummer ' || g end as b
                from generate_series(1, ${MANY}) g) x`);
    replies = (await queryRows<{ id: number }>(t.db, sql`select id from posts where thread_id = ${thread.threadId} and id <> ${thread.postId} order by created_at`)).map(
      (r) => r.id,
    );
    // Inserted behind the forum's back (one statement), so no forum change announced them: queued by hand, as a reindex does.
    await t.db.execute(sql`insert into search_outbox (kind, target_id) values ('thread', ${thread.threadId})`);
    await t.app.searchService.drainOutbox();
  });
  afterAll(() => t.close());

  it('pages through more matches than one window without repeats or gaps', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await search(member, { q: 'vensterwoord', ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...ids(res.body));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen).toHaveLength(MANY + 1);
    expect(new Set(seen).size).toBe(MANY + 1);
    expect(pages).toBe(Math.ceil((MANY + 1) / 20));
  });

  it('ranks within the newest window: the first page holds only its posts, the most relevant first', async () => {
    const res = await search(member, { q: 'vensterwoord' });
    const newest = new Set([thread.postId, ...replies.slice(-(RANK_WINDOW - 1))]);
    expect(ids(res.body).every((id) => newest.has(id))).toBe(true);
    // The posts that say it three times lead, and the oldest of those (outside the window) is not there.
    const triple = replies.filter((_, i) => (i + 1) % 7 === 0);
    expect(triple).toContain(ids(res.body)[0]);
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

  it('finds a hyphenated word by its compound, also inside a phrase', async () => {
    const post = await makePost(t.db, anna, thread.threadId, { body: 'Wij organiseerden een drukbezochte thema-avond over de fusie.' });
    await t.app.searchService.drainOutbox();
    expect(ids((await search(member, { q: 'thema-avond' })).body)).toEqual([post]);
    expect(ids((await search(member, { q: '"drukbezochte thema-avond over"' })).body)).toEqual([post]);
    expect(ids((await search(member, { q: '"thema-avond drukbezochte"' })).body)).toEqual([]);
  });

  it('follows a moved thread: never under its old category, under the new one once the outbox ran', async () => {
    const moved = await makeThread(t.db, anna, { category: 'fuseren', title: 'Verhuisproef', body: 'Het verhuiswoord.' });
    await t.app.searchService.drainOutbox();
    expect(ids((await search(member, { q: 'verhuiswoord', category: 'fuseren' })).body)).toEqual([moved.postId]);
    const campagne = await categoryId(t.db, 'campagne');
    await t.db.transaction(async (tx) => {
      const [before] = await tx.select({ categoryId: threads.categoryId }).from(threads).where(eq(threads.id, moved.threadId));
      await tx.update(threads).set({ categoryId: campagne }).where(eq(threads.id, moved.threadId));
      await publish(tx, { type: 'thread.updated', threadId: moved.threadId, categoryId: campagne, previousCategoryId: before!.categoryId, changed: ['category'] });
    });
    expect(ids((await search(member, { q: 'verhuiswoord', category: 'fuseren' })).body)).toEqual([]);
    await t.app.searchService.drainOutbox();
    expect(ids((await search(member, { q: 'verhuiswoord', category: 'campagne' })).body)).toEqual([moved.postId]);
    expect(ids((await search(member, { q: 'verhuiswoord', category: 'fuseren' })).body)).toEqual([]);
  });
});
