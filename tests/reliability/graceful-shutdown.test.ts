import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE } from '../../shared/live/protocol.js';
import { login, type Member } from '../bench/members.js';
import { freePort } from '../bench/server-process.js';

/**
 * The real entry point (server/main.ts) in a child process on PGlite. It is started as `node --import tsx`
 * rather than `npx tsx`, so the SIGTERM reaches the server itself and not a wrapper process that relays it.
 */
const ADMIN = { email: 'beheer@example.nl', password: 'beheer-wachtwoord-1' };
const REPLIES = 60;

const dataDir = mkdtempSync(join(tmpdir(), 'plein-shutdown-'));
const children = new Set<ChildProcess>();

async function startServer(port: number): Promise<{ child: ChildProcess; exit: Promise<{ code: number | null; signal: string | null }> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SERVE_CLIENT: 'false',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_POST_MAX: '100000',
      RATE_LIMIT_AUTH_MAX: '100000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  // PGlite's first start runs initdb and the migrations: give it time, but notice an early death.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}): ${stderr}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { child, exit };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function reply(port: number, admin: Member, threadId: number, n: number) {
  return fetch(`http://127.0.0.1:${port}/api/threads/${threadId}/posts`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ body: `Antwoord ${n} vlak voor het afsluiten` }),
  });
}

describe('graceful shutdown', () => {
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes requests in flight on SIGTERM, closes live sockets with "going away", exits 0, and keeps every acknowledged reply', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const first = await startServer(port);
    const origin = `http://127.0.0.1:${port}`;
    let admin = await login(origin, ADMIN.email, ADMIN.password);
    const created = await fetch(`${origin}/api/threads`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ categorySlug: 'algemeen', title: 'Afsluiten zonder verlies', body: 'Eerste bericht' }),
    });
    expect(created.status).toBe(201);
    const threadId = ((await created.json()) as { thread: { id: number } }).thread.id;

    // A member's open live socket learns that the server is going away (1001), rather than seeing a dropped connection.
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/live`, { headers: { cookie: admin.cookie, origin } });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

    let answered = 0;
    const outcomes = Array.from({ length: REPLIES }, (_, n) =>
      reply(port, admin, threadId, n).then(
        async (res) => {
          answered++;
          return { status: res.status, id: res.status === 201 ? ((await res.json()) as { post: { id: number } }).post.id : null };
        },
        // Sent after the listener closed: refused, never acknowledged, fine.
        () => ({ status: 0, id: null }),
      ),
    );
    // SIGTERM once the server is busy with the batch: the first answers are out, the rest are in flight.
    while (answered < 3) await new Promise((resolve) => setTimeout(resolve, 2));
    first.child.kill('SIGTERM');
    const results = await Promise.all(outcomes);
    const exit = await Promise.race([first.exit, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000))]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await closed).toBe(CLOSE.goingAway);

    const statuses = results.map((r) => r.status);
    // Nothing failed on the server's side: a 201, or not taken on at all: refused after the listener closed (0),
    // or Fastify's 503 for a request that arrived on a kept-alive connection while closing (the client may retry it).
    expect(statuses.filter((s) => s !== 201 && s !== 0 && s !== 503)).toEqual([]);
    const acknowledged = results.flatMap((r) => (r.id === null ? [] : [r.id]));
    expect(acknowledged.length).toBeGreaterThan(3);
    console.info(`graceful-shutdown: ${acknowledged.length} of ${REPLIES} replies acknowledged, ${statuses.filter((s) => s !== 201).length} refused after SIGTERM`);

    const second = await startServer(port);
    admin = await login(origin, ADMIN.email, ADMIN.password);
    const page = await fetch(`${origin}/api/threads/${threadId}?limit=100`, { headers: { cookie: admin.cookie } });
    const body = (await page.json()) as { thread: { postCount: number }; posts: { id: number }[] };
    const stored = new Set(body.posts.map((p) => p.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(body.thread.postCount).toBe(body.posts.length);
    second.child.kill('SIGTERM');
    expect(await second.exit).toEqual({ code: 0, signal: null });
  });
});
