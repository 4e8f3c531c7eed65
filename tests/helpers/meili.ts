import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import { appKeyUid } from '../../server/search/meili/keys.js';

/** Indexes of test runs are named so; one older than this is left over from a run that died, and is removed. */
export const TEST_INDEX_PREFIX = 'plein_test_';
const STALE_AFTER_MS = 30 * 60_000;

/** The Meilisearch the tests were pointed at (MEILI_URL, MEILI_MASTER_KEY), or null: those tests are skipped. */
export function meiliFromEnv(): { url: string; key: string | null } | null {
  const url = process.env.MEILI_URL?.trim();
  return url ? { url, key: process.env.MEILI_MASTER_KEY?.trim() || null } : null;
}

/** A fresh index name for one test file: its process and a random part, so parallel files never share one. */
export function testIndexUid(): string {
  return `${TEST_INDEX_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
}

function client(url: string, key: string | null): Meilisearch {
  return new Meilisearch({ host: url, ...(key ? { apiKey: key } : {}) });
}

/** Deletes a test index and the key the app derived for it (meili/keys.ts). */
export async function dropTestIndex(url: string, key: string | null, uid: string): Promise<void> {
  const master = client(url, key);
  await master.deleteIndex(uid).waitTask({ timeout: 30_000 });
  if (key) await master.deleteKey(appKeyUid(uid)).catch((err: unknown) => ignoreNotFound(err));
}

/**
 * Removes what test runs that died left behind: `plein_test_*` indexes created more than half an hour ago (a
 * running file's index is younger) and their keys.
 */
export async function cleanStaleTestIndexes(url: string, key: string | null, now = Date.now()): Promise<string[]> {
  const master = client(url, key);
  const removed: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await master.getRawIndexes({ offset, limit: 100 });
    for (const index of page.results) {
      if (!index.uid.startsWith(TEST_INDEX_PREFIX)) continue;
      if (now - new Date(index.createdAt).getTime() < STALE_AFTER_MS) continue;
      await dropTestIndex(url, key, index.uid);
      removed.push(index.uid);
    }
    if (page.results.length < 100) break;
  }
  return removed;
}

function ignoreNotFound(err: unknown): void {
  if (!(err instanceof MeilisearchApiError && err.response.status === 404)) throw err;
}

/** The Meilisearch binary the fault tests may start and stop themselves: MEILI_BIN, or `meilisearch` on PATH. */
export function meiliBinary(): string | null {
  const given = process.env.MEILI_BIN?.trim();
  if (given) return given;
  const found = spawnSync('sh', ['-c', 'command -v meilisearch'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

/**
 * A Meilisearch of a test's own, on loopback, with its own data folder and a random master key, which the test
 * may stop and start again (the data stays). `extraArgs` for limits such as --http-payload-size-limit.
 */
export class OwnMeili {
  readonly key = randomBytes(24).toString('base64url');
  readonly dir = mkdtempSync(join(tmpdir(), 'plein-meili-'));
  port = 0;
  private child: ChildProcess | null = null;

  constructor(
    private readonly binary: string,
    private readonly extraArgs: string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const child = spawn(
      this.binary,
      ['--db-path', join(this.dir, 'data'), '--http-addr', `127.0.0.1:${this.port}`, '--master-key', this.key, '--no-analytics', '--env', 'development', ...this.extraArgs],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    this.child = child;
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`meilisearch exited (${code}): ${stderr}`))));
    await Promise.race([waitHealthy(this.url), exited]);
  }

  /** Stops the server (SIGTERM) and waits until it is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await gone;
    this.child = null;
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Polls /health until the server answers (at most 30 s): waiting for a condition, not for a fixed time. */
async function waitHealthy(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`meilisearch at ${url} did not become healthy`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * An HTTP proxy in front of a Meilisearch that can make its task queue look stuck: while `holdTasks` is on, every
 * GET /tasks/<uid> answers the real task with its status replaced by "processing", so a client waiting for a task
 * times out as it would behind a long queue, deterministically. It counts the write requests that pass.
 */
export class TaskHoldingProxy {
  holdTasks = false;
  /** Document additions that reached Meilisearch through this proxy. */
  documentWrites = 0;
  private server: HttpServer | null = null;
  port = 0;

  constructor(private readonly target: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void this.forward(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks)).then(
          ({ status, headers, body }) => {
            res.writeHead(status, headers);
            res.end(body);
          },
          () => {
            res.writeHead(502);
            res.end();
          },
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  private async forward(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer) {
    if (method === 'POST' && /^\/indexes\/[^/]+\/documents/.test(path) && !path.includes('delete')) this.documentWrites++;
    const res = await fetch(`${this.target}${path}`, {
      method,
      headers: Object.fromEntries(Object.entries(headers).filter(([k, v]) => typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>,
      body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(body),
    });
    let text = await res.text();
    if (this.holdTasks && method === 'GET' && /^\/tasks\/\d+/.test(path) && res.ok) {
      text = JSON.stringify({ ...(JSON.parse(text) as object), status: 'processing' });
    }
    return { status: res.status, headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' }, body: text };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
