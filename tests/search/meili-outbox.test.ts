import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/auth/types.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { editPost } from '../../server/forum/writes.js';
import { MeiliSearchIndex } from '../../server/search/meili-index.js';
import { OutboxWorker } from '../../server/search/outbox.js';
import type { SearchDocument, SearchIndex } from '../../server/search/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { meiliBinary, OwnMeili, TaskHoldingProxy } from '../helpers/meili.js';
import { hidePost, search } from './fixtures.js';

const binary = meiliBinary();
if (!binary) console.info('Meilisearch outbox fault tests SKIPPED — put meilisearch on PATH or set MEILI_BIN (they start and stop a server of their own)');

/** Past every backoff of the outbox (at most 5 minutes), so a retry is due now. */
const later = (minutes = 10) => new Date(Date.now() + minutes * 60_000);
/** The server's payload limit here: small, so that "too large" can be reached with posts the forum accepts. */
const PAYLOAD_LIMIT = 60_000;

describe.skipIf(!binary)('Meilisearch outbox faults (a server of its own, stopped and started)', () => {
  let meili: OwnMeili;
  let t: TestApp;
  let member: TestClient;
  let author: CurrentUser;
  const warnings: { obj: object; msg: string }[] = [];
  let n = 0;

  /** A fresh index for one test, set up with the server's master key (the app derives its own key from it). */
  const freshIndex = (url = meili.url, options: ConstructorParameters<typeof MeiliSearchIndex>[3] = {}) =>
    new MeiliSearchIndex(url, meili.key, `plein_test_fault_${++n}`, { db: t.db, log: { warn: (obj, msg) => warnings.push({ obj, msg }) }, chunks: { maxBytes: 30_000 }, ...options });
  const use = (index: SearchIndex) => {
    t.app.searchService.index = index;
  };
  const threadsFor = async (q: string) => (await search(member, { q })).body.hits.map((h) => h.postId);

  beforeAll(async () => {
    meili = new OwnMeili(binary!, ['--http-payload-size-limit', String(PAYLOAD_LIMIT)]);
    await meili.start();
    t = await buildTestApp({ searchWorker: false });
    ({ client: member } = await t.login());
    author = (await t.login({ displayName: 'Schrijver' })).user;
  });
  afterAll(async () => {
    await t?.close();
    await meili?.close();
  });

  it('stopped and started mid-run: nothing lost, nothing stale', async () => {
    const index = freshIndex();
    await index.setup();
    use(index);
    const thread = await makeThread(t.db, author, { title: 'Bomen in het park', body: 'De appelboom staat er al jaren.' });
    const hidden = await makePost(t.db, author, thread.threadId, { body: 'Een vlinderstruik zou mooi zijn.' });
    await t.app.searchService.drainOutbox();
    expect(await threadsFor('appelboom')).toEqual([thread.postId]);

    await meili.stop();
    await editPost(t.db, author, thread.postId, thread.threadId, await categoryOf(thread.threadId), 'De perenboom staat er al jaren.');
    await hidePost(t, hidden);
    const added = await makePost(t.db, author, thread.threadId, { body: 'En daarnaast een kersenboom.' });
    const down = await t.app.searchService.drainOutbox();
    expect(down.failed).toBe(true);
    expect((await t.app.searchService.backlog()).count).toBe(3);
    const unavailable = await search(member, { q: 'perenboom' });
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toMatchObject({ error: { code: 'search_unavailable' } });
    expect(await index.health()).toBe('degraded');

    await meili.start();
    const up = await t.app.searchService.drainOutbox({ now: later() });
    expect(up.failed).toBe(false);
    expect((await t.app.searchService.backlog()).count).toBe(0);
    expect(await threadsFor('perenboom')).toEqual([thread.postId]);
    expect(await threadsFor('appelboom')).toEqual([]);
    expect(await threadsFor('kersenboom')).toEqual([added]);
    expect(await threadsFor('vlinderstruik')).toEqual([]);
    expect(await index.health()).toBe('ok');
  });

  it('sets itself up once the engine is back when it was down at start, and again when its index or key is gone', async () => {
    await meili.stop();
    const index = freshIndex();
    await expect(index.setup()).rejects.toThrow();
    use(index);
    expect(await index.health()).toBe('degraded');
    expect((await search(member, { q: 'zonnebloem' })).status).toBe(503);

    await meili.start();
    const thread = await makeThread(t.db, author, { category: 'campagne', title: 'Zonnebloemen uitdelen', body: 'Wie deelt er zonnebloem zaadjes uit op de markt?' });
    // Search sets the index up first: filters and grouping (distinct) need its settings.
    expect((await search(member, { q: 'zonnebloem', category: 'campagne' })).status).toBe(200);
    await t.app.searchService.drainOutbox({ now: later() });
    expect(await threadsFor('zonnebloem')).toEqual([thread.postId]);
    expect(index.usesScopedKey).toBe(true);

    // The index deleted behind the app's back: the next search sets it up again instead of failing until a restart.
    await new Meilisearch({ host: meili.url, apiKey: meili.key }).deleteIndex(index.indexUid).waitTask();
    const afterDelete = await search(member, { q: 'zonnebloem', category: 'campagne' });
    expect(afterDelete.status).toBe(200);
    expect(afterDelete.body.hits).toEqual([]);
    // And the app's derived key revoked: derived again from the master key.
    await new Meilisearch({ host: meili.url, apiKey: meili.key }).deleteKey((await import('../../server/search/meili/keys.js')).appKeyUid(index.indexUid));
    expect((await search(member, { q: 'zonnebloem' })).status).toBe(200);
    expect(await index.health()).toBe('ok');
  });

  it('sends a large thread in several requests, and leaves out (and logs) only a post refused on its own', async () => {
    const index = freshIndex();
    use(index);
    const thread = await makeThread(t.db, author, { title: 'Een lange discussie over dijkversterking', body: 'Begin van de discussie over dijkversterking.' });
    const filler = 'Het waterschap legt uit hoe de dijk sterker wordt gemaakt en wat dat voor bewoners betekent. '.repeat(30);
    const replies: number[] = [];
    for (let i = 0; i < 12; i++) replies.push(await makePost(t.db, author, thread.threadId, { body: `Reactie ${i} over dijkversterking. ${filler}` }));
    // Larger than the server takes in one request, even alone (the forum allows 50,000 characters).
    const huge = await makePost(t.db, author, thread.threadId, { body: `Dijkversterking. ${Array.from({ length: 4000 }, (_, i) => `woord${i}`).join(' ')}` });
    const all = [thread.postId, ...replies, huge];
    expect(JSON.stringify(all).length).toBeLessThan(PAYLOAD_LIMIT);
    warnings.length = 0;

    const result = await t.app.searchService.drainOutbox();
    expect(result.failed).toBe(false);
    expect((await t.app.searchService.backlog()).count).toBe(0);
    const found = await search(member, { q: 'dijkversterking', thread: thread.threadId });
    expect(found.body.hits[0]!.matchingPosts).toBe(all.length - 1);
    expect(index.parked).toEqual(new Set([huge]));
    expect(warnings).toEqual([expect.objectContaining({ obj: expect.objectContaining({ postId: huge }), msg: expect.stringMatching(/refused/) })]);
  });

  it('waits for a task that timed out instead of sending the same documents again', async () => {
    const proxy = new TaskHoldingProxy(meili.url);
    await proxy.start();
    try {
      // Long enough for a request through the proxy on a busy machine; the held task never finishes within it.
      const index = freshIndex(proxy.url, { taskTimeoutMs: 1500 });
      await index.setup();
      use(index);
      const thread = await makeThread(t.db, author, { title: 'Wachtrij', body: 'Een bericht over de fietsenstalling.' });
      proxy.holdTasks = true;
      proxy.documentWrites = 0;
      // Each retry of the outbox finds the earlier task still "processing": nothing new is sent behind it.
      for (let i = 1; i <= 3; i++) expect((await t.app.searchService.drainOutbox({ now: later(10 * i) })).failed).toBe(true);
      expect(proxy.documentWrites).toBe(1);
      proxy.holdTasks = false;
      expect((await t.app.searchService.drainOutbox({ now: later(60) })).failed).toBe(false);
      expect(proxy.documentWrites).toBe(1);
      expect(await threadsFor('fietsenstalling')).toEqual([thread.postId]);
    } finally {
      await proxy.close();
    }
  });

  it('two workers: an older text never overwrites a newer one', async () => {
    const index = freshIndex();
    await index.setup();
    use(index);
    const thread = await makeThread(t.db, author, { title: 'Vergaderlocatie', body: 'We vergaderen in de bibliotheek.' });
    await t.app.searchService.drainOutbox();
    const categoryId = await categoryOf(thread.threadId);

    // Worker A loads the post after the first edit, then stalls before it reaches the engine.
    let reached!: () => void;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const stalling: SearchIndex = Object.assign(Object.create(index) as SearchIndex, {
      index: async (docs: SearchDocument[]) => {
        reached();
        await gate;
        return index.index(docs);
      },
    });
    const workerA = new OutboxWorker(t.db, () => stalling, { warn: () => {} });
    const workerB = new OutboxWorker(t.db, () => index, { warn: () => {} });
    await editPost(t.db, author, thread.postId, thread.threadId, categoryId, 'We vergaderen in het buurthuis.');
    const drainA = workerA.drain();
    await atGate;
    // Meanwhile a second edit, indexed at once by worker B.
    await editPost(t.db, author, thread.postId, thread.threadId, categoryId, 'We vergaderen in het gemeentehuis.');
    await workerB.drain();
    expect(await threadsFor('gemeentehuis')).toEqual([thread.postId]);
    // A now sends what it loaded, the older text, after B's newer one.
    open();
    await drainA;
    expect(await threadsFor('gemeentehuis')).toEqual([thread.postId]);
    expect(await threadsFor('buurthuis')).toEqual([]);
    await workerA.stop();
    await workerB.stop();
  });

  async function categoryOf(threadId: number): Promise<number> {
    const { threads } = await import('../../server/db/schema.js');
    const { eq } = await import('drizzle-orm');
    const [row] = await t.db.select({ categoryId: threads.categoryId }).from(threads).where(eq(threads.id, threadId));
    return row!.categoryId;
  }
});
