import { inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { openDatabase, type Database } from '../../server/db/client.js';
import { posts } from '../../server/db/schema.js';
import { DEFAULT_PASSWORD, makeThread, makeUser } from '../../server/dev/factories.js';
import { testConfig } from '../helpers/app.js';
import { TestClient, type TestResponse } from '../helpers/client.js';
import { createTestDatabase, usingRealPostgres } from '../helpers/database.js';
import { captureStream, takeServerErrors } from '../helpers/log-capture.js';
import { TcpProxy, viaProxy } from '../helpers/tcp-proxy.js';

/**
 * The server's pool reaches PostgreSQL through a TCP proxy that the test cuts while members are posting.
 * PGlite runs in-process and cannot lose its connection, so this needs DATABASE_URL.
 */
if (!usingRealPostgres) console.info('tests/reliability/db-outage: skipped on PGlite (needs DATABASE_URL for a real PostgreSQL to cut off)');

const WRITERS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fails the test instead of hanging when a request never gets an answer. */
async function answered<T>(request: Promise<TestResponse<T>>): Promise<TestResponse<T>> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('request hung for 15 s')), 15_000)));
  try {
    return await Promise.race([request, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(!usingRealPostgres)('database outage while replies are posted', () => {
  let direct: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: TcpProxy;
  let proxied: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    direct = await createTestDatabase();
    const target = new URL(direct.url!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    proxied = await openDatabase({ databaseUrl: viaProxy(direct.url!, proxy.port) });
    app = await buildApp({ config: testConfig(), database: proxied, logger: { level: 'error', stream: captureStream() } });
    await app.ready();
  });
  afterAll(async () => {
    const step = async (name: string, work: Promise<unknown> | undefined) => {
      const started = Date.now();
      const slow = setInterval(() => console.info(`db-outage: still waiting for ${name} after ${Date.now() - started} ms; pool total ${proxied.pool?.totalCount} idle ${proxied.pool?.idleCount} waiting ${proxied.pool?.waitingCount}`), 5000);
      await work;
      clearInterval(slow);
    };
    await step('app.close', app?.close());
    // pool.end() sometimes never settles after an outage (pg ends a client whose socket is already gone and waits
    // for an 'end' that never comes; seen about one run in three). Bounded here; reported to the lead.
    await step('pool end', Promise.race([proxied?.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]));
    await step('proxy close', proxy?.close());
    await step('drop', direct?.drop());
  });

  it('answers 503 during the outage, loses no acknowledged reply and recovers by itself', { timeout: 90_000 }, async () => {
    const author = await makeUser(direct.db);
    const { threadId } = await makeThread(direct.db, author);
    const writers: TestClient[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const user = await makeUser(direct.db);
      const client = new TestClient(app);
      expect((await client.login(user.email, DEFAULT_PASSWORD)).status).toBe(200);
      writers.push(client);
    }

    let phase: 'before' | 'outage' | 'after' = 'before';
    let stop = false;
    const acknowledged: number[] = [];
    const unexpected: string[] = [];
    const statuses: Record<string, Record<number, number>> = { before: {}, outage: {}, after: {} };
    let n = 0;
    const loops = writers.map(async (client) => {
      while (!stop) {
        const startedIn = phase;
        const res = await answered(client.post<{ post?: { id: number }; error?: { code: string } }>(`/api/threads/${threadId}/posts`, { body: `Reactie ${n++}` }));
        // A request counts for the outage only if it both started and ended inside it.
        const bucket = startedIn === phase ? phase : 'before';
        statuses[bucket]![res.status] = (statuses[bucket]![res.status] ?? 0) + 1;
        if (res.status === 201) acknowledged.push(res.body.post!.id);
        else if (res.body.error?.code !== 'unavailable') unexpected.push(`${res.status} ${res.body.error?.code}`);
        if (phase === 'outage') await sleep(20);
      }
    });

    while (acknowledged.length < 40) await sleep(10);
    proxy.cut();
    phase = 'outage';
    await sleep(1500);
    const ready = await answered(new TestClient(app).get<{ ok: boolean; database: string }>('/api/ready'));
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ ok: false, database: 'unavailable' });
    const reader = await answered(writers[0]!.get<{ error: { code: string } }>(`/api/threads/${threadId}`));
    expect(reader.status).toBe(503);
    expect(reader.headers['retry-after']).toBeDefined();

    proxy.restore();
    phase = 'after';
    // Recovery needs nothing but time: the pool makes new connections on the next requests.
    const deadline = Date.now() + 20_000;
    while ((await new TestClient(app).get('/api/ready')).status !== 200 && Date.now() < deadline) await sleep(100);
    const acknowledgedAtRestore = acknowledged.length;
    while (acknowledged.length < acknowledgedAtRestore + 40 && Date.now() < deadline) await sleep(10);
    stop = true;
    await Promise.all(loops);

    const errors = takeServerErrors();
    expect(unexpected, `server errors: ${[...new Set(errors)].join(' | ')}`).toEqual([]);
    expect(Object.keys(statuses.outage!).map(Number)).toEqual([503]);
    expect(statuses.after![201]).toBeGreaterThanOrEqual(40);
    expect(Object.keys({ ...statuses.before, ...statuses.after }).map(Number).every((s) => s === 201 || s === 503)).toBe(true);
    const stored = await direct.db.select({ id: posts.id }).from(posts).where(inArray(posts.id, acknowledged));
    expect(stored.length).toBe(acknowledged.length);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    console.info(`db-outage: replies answered per phase ${JSON.stringify(statuses)}`);

    // Background work (search outbox, live bridge) may log while the database is gone; no request may have failed with a 500.
    expect(errors.filter((e) => e.startsWith('request failed'))).toEqual([]);
    if (errors.length) console.info(`db-outage: background errors logged during the outage: ${errors.length} (e.g. ${errors[0]})`);
  });
});
