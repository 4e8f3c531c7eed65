/**
 * The server-side cost of one live event, apart from network and client load (`npm run bench` measures
 * end to end): `npx tsx tests/live/fanout-bench.ts [sockets] [events]`. PGlite in memory, one process;
 * real `ws` sockets on 127.0.0.1. Prints the time the hub spends per event (load once, render, send to all)
 * and the heap per idle socket. Clients and server share one process, so this is an upper bound.
 */
import { inArray } from 'drizzle-orm';
import WebSocket from 'ws';
import { buildApp } from '../../server/app.js';
import { openDatabase } from '../../server/db/client.js';
import { sessions } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser, DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { seedCategories } from '../../server/forum/categories.js';
import { LIMITS } from '../../server/live/connection.js';
import { testConfig } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';

const count = Number(process.argv[2] ?? 1000);
const events = Number(process.argv[3] ?? 50);

const database = await openDatabase({});
await database.migrate();
await seedCategories(database.db);
const app = await buildApp({ config: testConfig(), database, logger: { level: 'warn' } });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
// As many members as the per-account connection limit needs (tabs spread over members, as in real use).
const members = await Promise.all(Array.from({ length: Math.ceil(count / LIMITS.connectionsPerUser) }, () => makeUser(database.db)));
const clients = await Promise.all(
  members.map(async (m) => {
    const client = new TestClient(app);
    await client.login(m.email, DEFAULT_PASSWORD);
    return client;
  }),
);
const member = members[0]!;
const { threadId } = await makeThread(database.db, member);

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const sockets: WebSocket[] = [];
let delivered = 0;
let onDelivered: () => void = () => {};
for (let i = 0; i < count; i++) {
  const ws = new WebSocket(`${address.replace('http', 'ws')}/api/live`, { headers: { cookie: clients[i % clients.length]!.cookieHeader, origin: address } });
  await new Promise((resolve) => ws.once('open', resolve));
  const caughtUp = new Promise<void>((resolve) =>
    ws.on('message', (data) => {
      const type = (JSON.parse(String(data)) as { type: string }).type;
      if (type === 'caughtUp') resolve();
      if (type === 'post.created' && ++delivered % count === 0) onDelivered();
    }),
  );
  ws.send(JSON.stringify({ type: 'subscribe', threadId }));
  await caughtUp;
  sockets.push(ws);
}
gc?.();
// Both ends of every socket live in this process; half of the growth is the server's (an upper bound).
const heapPerSocketKb = (process.memoryUsage().heapUsed - heapBefore) / count / 1024;

const perEvent: number[] = [];
for (let n = 0; n < events; n++) {
  const all = new Promise<void>((resolve) => (onDelivered = resolve));
  const started = performance.now();
  await makePost(database.db, member, threadId, { body: `Fan-out ${n}` });
  await all;
  perEvent.push(performance.now() - started);
}
perEvent.sort((a, b) => a - b);
const pct = (p: number) => perEvent[Math.min(perEvent.length - 1, Math.floor((p / 100) * perEvent.length))]!.toFixed(1);
console.info(`${count} sockets, ${events} replies: from the write until every socket had it: p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${pct(100)} ms`);
console.info(`heap per idle socket (both ends, upper bound for the server): ${heapPerSocketKb.toFixed(1)} KB${gc ? '' : ' (run with --expose-gc for a steadier figure)'}`);
for (const ws of sockets) ws.terminate();
await app.close();
await database.db.delete(sessions).where(inArray(sessions.userId, members.map((m) => m.id)));
await database.close();
