import WebSocket from 'ws';
import type { CaseResult } from './load.js';
import { skipped } from './load.js';
import { PROXY_HEADERS, type Member } from './members.js';
import type { BenchServer } from './server-process.js';

const WHAT = 'live fan-out: POST a reply, time until each subscribed socket has it';

function connect(server: BenchServer, member: Member): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/live`, { headers: { ...PROXY_HEADERS, cookie: member.cookie, origin: server.origin } });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade answered ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Opens `count` sockets (spread over the members, as many tabs would be), subscribes them all to one thread,
 * measures the server's memory per idle socket, then posts replies one after another and times each delivery.
 */
export async function runLive(server: BenchServer, members: Member[], threadId: number, count: number, posts: number, log: (line: string) => void): Promise<CaseResult> {
  try {
    (await connect(server, members[0]!)).close();
  } catch (error) {
    return skipped('live', WHAT, `skipped: no live route (${(error as Error).message})`);
  }
  const before = await server.stats(true);
  const sockets: WebSocket[] = [];
  const waiting = new Map<number, { started: number; pending: Set<WebSocket>; latencies: number[] }>();
  const early = new Map<number, Map<WebSocket, number>>();
  try {
    for (let i = 0; i < count; i += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => connect(server, members[(i + j) % members.length]!)));
      sockets.push(...batch);
    }
    for (const socket of sockets) {
      socket.on('message', (data) => {
        const now = performance.now();
        const message = JSON.parse(String(data)) as { type: string; post?: { id: number } };
        if (message.type !== 'post.created' || !message.post) return;
        const round = waiting.get(message.post.id);
        // The event can outrun the POST's own answer; keep its time until the id is known.
        if (!round) early.set(message.post.id, (early.get(message.post.id) ?? new Map()).set(socket, now));
        else if (round.pending.delete(socket)) round.latencies.push(now - round.started);
      });
      socket.send(JSON.stringify({ type: 'subscribe', threadId }));
    }
    log(`  live       ${sockets.length} sockets open and subscribed to thread ${threadId}`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const idle = await server.stats(true);
    const perSocketKb = ((idle.rssMb - before.rssMb) * 1024) / sockets.length;
    // The heap after a GC moves less than RSS (which also holds freed pages the allocator kept): both are reported.
    const heapPerSocketKb = ((idle.heapUsedMb - before.heapUsedMb) * 1024) / sockets.length;
    server.resetStats();
    const author = members[members.length - 1]!;
    const latencies: number[] = [];
    let missing = 0;
    for (let n = 0; n < posts; n++) {
      const started = performance.now();
      const res = await fetch(`${server.origin}/api/threads/${threadId}/posts`, {
        method: 'POST',
        headers: { ...PROXY_HEADERS, cookie: author.cookie, 'x-csrf-token': author.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ body: `Live benchmark ${Date.now()}-${n}` }),
      });
      if (res.status !== 201) throw new Error(`live post answered ${res.status}`);
      const { post } = (await res.json()) as { post: { id: number } };
      const round = { started, pending: new Set(sockets), latencies: [] as number[] };
      for (const [socket, at] of early.get(post.id) ?? []) if (round.pending.delete(socket)) round.latencies.push(at - started);
      waiting.set(post.id, round);
      const deadline = Date.now() + 5000;
      while (round.pending.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      missing += round.pending.size;
      latencies.push(...round.latencies);
    }
    const stats = await server.stats();
    latencies.sort((a, b) => a - b);
    return {
      name: 'live',
      what: WHAT,
      connections: sockets.length,
      requests: latencies.length,
      rps: 0,
      p50: round(percentile(latencies, 50)),
      p975: round(percentile(latencies, 97.5)),
      p99: round(percentile(latencies, 99)),
      errors: missing,
      non2xx: 0,
      ratio: null,
      server: stats,
      extra: { posts, deliveries: latencies.length, missing, kbPerIdleSocket: Math.round(perSocketKb * 10) / 10, heapKbPerIdleSocket: Math.round(heapPerSocketKb * 10) / 10, rssBeforeMb: before.rssMb, rssIdleMb: idle.rssMb },
    };
  } finally {
    for (const socket of sockets) socket.terminate();
  }
}
