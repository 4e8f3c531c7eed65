import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../shared/api/forum.js';
import { buildApp } from '../../server/app.js';
import { openDatabase, type Database } from '../../server/db/client.js';
import { makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { captureStream } from '../helpers/log-capture.js';
import { listen, TestSocket } from './sockets.js';

/**
 * Two server processes on one PostgreSQL: two buildApp instances, each with its own pool and its own LISTEN
 * connection, as two Node processes behind a load balancer would have. PGlite is one process by nature.
 */
if (!usingRealPostgres) console.info('live: the multi-process tests need a real PostgreSQL (DATABASE_URL); skipped on PGlite');

let t: TestApp;
let listening: Promise<{ url: string; origin: string }> | null = null;
const listenOnce = () => (listening ??= listen(t.app));
let second: { app: FastifyInstance; database: Database } | null = null;
beforeAll(async () => {
  t = await buildTestApp();
  if (!usingRealPostgres) return;
  const database = await openDatabase({ databaseUrl: t.database.url });
  const app = await buildApp({ config: t.config, database, logger: { level: 'error', stream: captureStream() } });
  await app.ready();
  second = { app, database };
});
afterAll(async () => {
  if (second) {
    await second.app.close();
    await second.database.close();
  }
  await t.close();
});

describe('several server processes', () => {
  it.skipIf(!usingRealPostgres)('delivers a reply posted through one process to a socket held by the other', async () => {
    const { app } = second!;
    const { url, origin } = await listen(app);
    const writer = await t.login();
    const readerUser = await t.login();
    // The same session cookie works on both processes: sessions live in the database.
    const reader = new TestClient(app);
    for (const [name, value] of readerUser.client.cookies) reader.cookies.set(name, value);
    const { threadId } = await makeThread(t.db, writer.user);

    const socket = await TestSocket.open(url, { client: reader, origin });
    await socket.subscribe(threadId);
    const res = await writer.client.post<{ post: Post }>(`/api/threads/${threadId}/posts`, { body: 'Via het andere proces' });
    expect(res.status).toBe(201);
    expect((await socket.next('post.created')).post.id).toBe(res.body.post.id);

    // A logout on the first process closes the member's socket on the second.
    expect((await readerUser.client.post('/api/auth/logout')).status).toBe(204);
    expect((await socket.closed).code).toBe(4401);
  });

  it.skipIf(!usingRealPostgres)('re-listens after its database connection is killed, and tells sockets to catch up', async () => {
    const { url, origin } = await listenOnce();
    const member = await t.login();
    const { threadId, postId } = await makeThread(t.db, member.user);
    const socket = await TestSocket.open(url, { client: member.client, origin });
    await socket.subscribe(threadId, postId);

    // What a database restart does to the LISTEN connections (both processes'), without disturbing other tests' databases.
    await t.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query like 'LISTEN %'`,
    );
    await socket.next('resync');
    const { catchUp, end } = await socket.subscribe(threadId, postId);
    expect(catchUp).toEqual([]);
    expect(end).toMatchObject({ type: 'caughtUp', lastPostId: postId });
    const res = await member.client.post<{ post: Post }>(`/api/threads/${threadId}/posts`, { body: 'Na het herstel' });
    expect((await socket.next('post.created')).post.id).toBe(res.body.post.id);
    socket.close();
  });

  it.skipIf(!usingRealPostgres)('delivers concurrent replies to one thread in id order, so `after` never skips one', async () => {
    const { url, origin } = await listenOnce();
    const member = await t.login();
    const writers = await Promise.all(Array.from({ length: 4 }, () => t.login()));
    const { threadId } = await makeThread(t.db, member.user);
    const socket = await TestSocket.open(url, { client: member.client, origin });
    await socket.subscribe(threadId);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => writers[i % 4]!.client.post<{ post: Post }>(`/api/threads/${threadId}/posts`, { body: `Tegelijk ${i}` })),
    );
    const ids = results.map((res) => res.body.post.id);
    const last = Math.max(...ids);
    await socket.next('post.created', (m) => m.post.id === last);
    const delivered = socket.messages.flatMap((m) => (m.type === 'post.created' ? [m.post.id] : []));
    expect(delivered).toEqual([...ids].sort((a, b) => a - b));
    socket.close();
  });
});
