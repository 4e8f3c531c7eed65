import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/auth/types.js';
import { queryRows, type DbOrTx } from '../../server/db/client.js';
import { categoryId, makeThread } from '../../server/dev/factories.js';
import { editPost } from '../../server/forum/writes.js';
import { OutboxWorker } from '../../server/search/outbox.js';
import { PostgresSearchIndex } from '../../server/search/postgres-index.js';
import type { SearchDocument } from '../../server/search/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { search } from './fixtures.js';

/**
 * Two outbox workers syncing the same post at once, on a real PostgreSQL (PGlite has one connection, so nothing
 * runs beside an open transaction there). Worker A loads the post after a first edit and stalls before writing;
 * a second edit comes, and worker B syncs it while A stalls. Without the per-post lock in PostgresSearchIndex.sync,
 * B wrote the newer text first and A then overwrote it with the older one.
 */
describe.runIf(usingRealPostgres)('PostgreSQL index: two workers syncing one post', () => {
  let t: TestApp;
  let member: TestClient;
  let author: CurrentUser;

  beforeAll(async () => {
    t = await buildTestApp({ searchWorker: false });
    ({ client: member, user: author } = await t.login());
  });
  afterAll(() => t.close());

  /** Whether a session of this database waits for an advisory lock (B, behind A's sync). */
  const waitingForLock = async () =>
    (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`))[0]!.n > 0;
  const found = async (word: string) => (await search(member, { q: word })).body.hits.map((h) => h.postId);

  it('keeps the newer text', async () => {
    const thread = await makeThread(t.db, author, { category: 'algemeen', title: 'Vergaderlocatie', body: 'We vergaderen in de bibliotheek.' });
    await t.app.searchService.drainOutbox();
    const category = await categoryId(t.db, 'algemeen');
    const index = new PostgresSearchIndex(t.db);

    let reached!: () => void;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const stalling = Object.assign(Object.create(index) as PostgresSearchIndex, {
      write: async (db: DbOrTx, docs: SearchDocument[], removed: number[]) => {
        reached();
        await gate;
        return index.write(db, docs, removed);
      },
    });
    const workerA = new OutboxWorker(t.db, () => stalling, { warn: () => {} });
    const workerB = new OutboxWorker(t.db, () => index, { warn: () => {} });

    await editPost(t.db, author, thread.postId, thread.threadId, category, 'We vergaderen in het buurthuis.');
    const drainA = workerA.drain();
    await atGate;
    await editPost(t.db, author, thread.postId, thread.threadId, category, 'We vergaderen in het gemeentehuis.');
    // B must wait for A: A goes on once B is seen waiting for a lock (or, without the lock, once B is done).
    let bDone = false;
    const drainB = workerB.drain().finally(() => (bDone = true));
    while (!bDone && !(await waitingForLock())) await new Promise((resolve) => setImmediate(resolve));
    open();
    await Promise.all([drainA, drainB]);

    expect(await found('gemeentehuis')).toEqual([thread.postId]);
    expect(await found('buurthuis')).toEqual([]);
  });
});
