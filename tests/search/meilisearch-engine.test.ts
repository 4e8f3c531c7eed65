import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread } from '../../server/dev/factories.js';
import { parseQuery } from '../../server/search/analysis/index.js';
import { isEngineUnavailable } from '../../server/search/errors.js';
import { MeiliSearchIndex } from '../../server/search/meili-index.js';
import { appKeyUid } from '../../server/search/meili/keys.js';
import type { SearchRequest } from '../../server/search/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { cleanStaleTestIndexes, dropTestIndex, meiliFromEnv, testIndexUid } from '../helpers/meili.js';

const meili = meiliFromEnv();
if (!meili) console.info('Meilisearch engine tests SKIPPED — set MEILI_URL (and MEILI_MASTER_KEY) to run them against a real server');

/** What the engine itself promises beyond the contract suite: its key, its health, its errors, its clean-up. */
describe.skipIf(!meili)('Meilisearch engine', () => {
  const uid = testIndexUid();
  let t: TestApp;
  let index: MeiliSearchIndex;
  const ask = (text: string): SearchRequest => ({ query: parseQuery(text), match: 'all', filters: {}, sort: 'relevance', offset: 0, limit: 20, now: new Date() });

  beforeAll(async () => {
    await cleanStaleTestIndexes(meili!.url, meili!.key);
    t = await buildTestApp({ searchWorker: false });
    index = new MeiliSearchIndex(meili!.url, meili!.key, uid, { db: t.db, log: t.app.log });
    await index.setup();
  });
  afterAll(async () => {
    await t?.close();
    await dropTestIndex(meili!.url, meili!.key, uid);
  });

  it.runIf(meili?.key)('works with a key of its own that reaches only its index, not with the master key', async () => {
    expect(index.usesScopedKey).toBe(true);
    const master = new Meilisearch({ host: meili!.url, apiKey: meili!.key! });
    const key = await master.getKey(appKeyUid(uid));
    expect(key.indexes).toEqual([uid]);
    expect(key.actions).not.toContain('*');
    expect(key.actions).not.toContain('keys.create');
    const scoped = new Meilisearch({ host: meili!.url, apiKey: key.key });
    await expect(scoped.index(uid).search('', { limit: 0 })).resolves.toBeDefined();
    const other = await scoped.index('posts').search('', { limit: 0 }).catch((err: unknown) => err);
    expect(other).toBeInstanceOf(MeilisearchApiError);
    expect((other as MeilisearchApiError).response.status).toBe(403);
    await expect(scoped.getKeys()).rejects.toBeInstanceOf(MeilisearchApiError);
    // Deriving again (every start) gives the same key, not a new one each time.
    await new MeiliSearchIndex(meili!.url, meili!.key, uid).setup();
    expect((await master.getKeys({ limit: 1000 })).results.filter((k) => k.indexes.includes(uid))).toHaveLength(1);
  });

  it('checks its health with its key on its index: /health alone answers without any key', async () => {
    expect(await index.health()).toBe('ok');
    const wrongKey = new MeiliSearchIndex(meili!.url, 'geen-geldige-sleutel', uid, { deriveScopedKey: false });
    expect(await new Meilisearch({ host: meili!.url, apiKey: 'geen-geldige-sleutel' }).isHealthy()).toBe(true);
    expect(await wrongKey.health()).toBe('degraded');
    const unreachable = new MeiliSearchIndex('http://127.0.0.1:9', meili!.key, uid, { requestTimeoutMs: 1000 });
    expect(await unreachable.health()).toBe('degraded');
  });

  it('tells an unreachable engine (503) from a request it refuses (our bug: 500)', async () => {
    const unreachable = new MeiliSearchIndex('http://127.0.0.1:9', meili!.key, uid, { requestTimeoutMs: 1000 });
    const away = await unreachable.search(ask('fusie')).catch((err: unknown) => err);
    expect(isEngineUnavailable(away)).toBe(true);
    const refused = await new MeiliSearchIndex(meili!.url, 'geen-geldige-sleutel', uid, { deriveScopedKey: false }).search(ask('fusie')).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(MeilisearchApiError);
    expect(isEngineUnavailable(refused)).toBe(false);
  });

  it('treats OF as or, and a word of its own as and', async () => {
    const author = (await t.login()).user;
    const a = await makeThread(t.db, author, { title: 'Over de weekmarkt', body: 'Kraampjes op de weekmarkt.' });
    const b = await makeThread(t.db, author, { title: 'Over het strandfeest', body: 'Muziek op het strandfeest.' });
    const { docs } = await import('../../server/search/documents.js').then((m) => m.loadDocuments(t.db, [a.postId, b.postId]));
    await index.index(docs);
    const either = await index.search(ask('weekmarkt OF strandfeest'));
    expect(either.hits.map((h) => h.threadId).sort()).toEqual([a.threadId, b.threadId].sort());
    expect((await index.search(ask('weekmarkt strandfeest'))).hits).toEqual([]);
  });

  it('removes documents of posts that no longer exist when asked to prune (after a full reindex)', async () => {
    const author = (await t.login()).user;
    const kept = await makeThread(t.db, author, { title: 'Blijft staan', body: 'Een tuinbank in het park.' });
    const { docs } = await import('../../server/search/documents.js').then((m) => m.loadDocuments(t.db, [kept.postId]));
    // A document whose post is gone from the database (a restored backup, a lost outbox row).
    await index.index(docs);
    const master = new Meilisearch({ host: meili!.url, ...(meili!.key ? { apiKey: meili!.key } : {}) });
    await master.index(uid).addDocuments([{ postId: 987_654_321, threadId: kept.threadId, categorySlug: 'algemeen', authorId: author.id, createdAt: 0, titleTerms: 'tuinbank', bodyTerms: 'tuinbank', ownTitleTerms: '', body: 'tuinbank' }]).waitTask();
    expect((await index.search(ask('tuinbank'))).hits).toHaveLength(1);
    expect(await index.pruneStale()).toBeGreaterThanOrEqual(1);
    await expect(master.index(uid).getDocument(987_654_321)).rejects.toBeInstanceOf(MeilisearchApiError);
    await expect(master.index(uid).getDocument(kept.postId)).resolves.toMatchObject({ postId: kept.postId });
  });
});
