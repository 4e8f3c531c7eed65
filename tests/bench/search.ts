/**
 * `npm run bench:search`: GET /api/search on a real PostgreSQL with a large generated corpus of Dutch forum text.
 * Not part of `npm test`. See docs/benchmarks.md ("Search at scale").
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:search [-- options]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, queryRows } from '../../server/db/client.js';
import { childPids, cpuMs } from './cpu-time.js';
import { login, PROXY_HEADERS, type Member } from './members.js';
import { machine } from './report.js';
import { SEARCH_BENCH_PASSWORD, searchMemberEmail } from './search-corpus.js';
import { prepareSearchDatabase } from './search-database.js';
import { makeQueries, type BenchQuery } from './search-queries.js';
import { startServer } from './server-process.js';

const HELP = `DATABASE_URL=postgres://… npm run bench:search -- [options]
  --posts N         posts in the generated corpus (default 100000; 1000000 on request)
  --queries N       queries per round (default 500)
  --concurrency N   queries in flight at once (default 10)
  --rounds N        measured rounds of the same queries (default 3), after one warm-up round of 50
  --reuse           keep the corpus of the previous run when it has the same size and seed (skips filling)
  --seed N          text and query seed (default 1)
  --database NAME   the database to make (default plein_search_bench), e.g. to keep a 100,000 and a 1,000,000 corpus
Makes that database on the DATABASE_URL server (never the database the URL names) and leaves it there afterwards,
for EXPLAIN ANALYZE. Exit code 1 when a request fails or p95 is 50 ms or more.`;

let BENCH_DB = 'plein_search_bench';
const AIM_P95_MS = 50;

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive whole number`);
  return value;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);
const round1 = (n: number) => Math.round(n * 10) / 10;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: round1(percentile(sorted, 50)), p95: round1(percentile(sorted, 95)), p99: round1(percentile(sorted, 99)), max: round1(sorted.at(-1) ?? 0) };
};
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Timed {
  query: BenchQuery;
  ms: number;
  hits: number;
  suggestion: boolean;
}

async function searchOnce(origin: string, member: Member, params: Record<string, string>) {
  const res = await fetch(`${origin}/api/search?${new URLSearchParams(params)}`, { headers: { ...PROXY_HEADERS, cookie: member.cookie } });
  const body = (await res.json()) as { hits?: unknown[]; nextCursor?: string | null; suggestion?: string };
  if (res.status !== 200) throw new Error(`GET /api/search?${new URLSearchParams(params)} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Runs the queries with `concurrency` members asking at once, each waiting for its answer before the next. */
async function runRound(origin: string, members: Member[], queries: BenchQuery[]): Promise<Timed[] & { requests: number }> {
  const timed: Timed[] = [];
  let next = 0;
  let requests = queries.length;
  await Promise.all(
    members.map(async (member) => {
      while (next < queries.length) {
        const query = queries[next++]!;
        let params = query.params;
        if (query.secondPage) {
          requests++;
          const first = await searchOnce(origin, member, params);
          if (first.nextCursor) params = { ...params, cursor: first.nextCursor };
        }
        const started = performance.now();
        const body = await searchOnce(origin, member, params);
        timed.push({ query, ms: performance.now() - started, hits: body.hits?.length ?? 0, suggestion: Boolean(body.suggestion) });
      }
    }),
  );
  return Object.assign(timed, { requests });
}

async function timeFloor(origin: string, members: Member[], count: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    members.map(async (member) => {
      while (next++ < count) {
        const started = performance.now();
        const res = await fetch(`${origin}/api/me`, { headers: { ...PROXY_HEADERS, cookie: member.cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`GET /api/me answered ${res.status}`);
        times.push(performance.now() - started);
      }
    }),
  );
  return times;
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return console.info(HELP);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('bench:search measures the real PostgreSQL: set DATABASE_URL (see --help)');
  const posts = option(args, '--posts', 100_000);
  const count = option(args, '--queries', 500);
  const concurrency = option(args, '--concurrency', 10);
  const rounds = option(args, '--rounds', 3);
  const seed = option(args, '--seed', 1);
  const dbIndex = args.indexOf('--database');
  if (dbIndex !== -1) {
    BENCH_DB = args[dbIndex + 1] ?? '';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(BENCH_DB)) throw new Error('--database needs a plain lower-case name');
  }
  const m = machine();
  console.info(`Plein search benchmark on ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}; load average ${load()}`);
  const databaseUrl = await prepareSearchDatabase(adminUrl, BENCH_DB, posts, seed, args.includes('--reuse'));

  const database = await openDatabase({ databaseUrl, poolSize: 2 });
  const authorIds = (await queryRows<{ id: number }>(database.db, sql`select author_id as id from posts group by author_id order by count(*) desc limit 100`)).map((r) => r.id);
  const threadIds = (await queryRows<{ id: number }>(database.db, sql`select id from threads where hidden_at is null order by post_count desc, id limit 500`)).map((r) => r.id);
  const [{ version } = { version: '?' }] = await queryRows<{ version: string }>(database.db, sql`select current_setting('server_version') as version`);
  const [{ indexed } = { indexed: 0 }] = await queryRows<{ indexed: number }>(database.db, sql`select count(*)::int as indexed from search_documents`);
  await database.close();

  const dataDir = mkdtempSync(join(tmpdir(), 'plein-search-bench-'));
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl }, {});
  // The server's PostgreSQL backends and the server process, for the CPU each search costs them.
  const watcher = new pg.Client({ connectionString: databaseUrl });
  await watcher.connect();
  const backends = async () =>
    (
      await watcher.query<{ pid: number }>(
        "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'",
      )
    ).rows.map((r) => r.pid);
  const serverPids = childPids();
  const results: { round: number; loadBefore: string; stats: ReturnType<typeof summary>; cpuPerSearchMs: { server: number; postgres: number } | null }[] = [];
  const all: Timed[] = [];
  let floor: ReturnType<typeof summary> | undefined;
  try {
    const members: Member[] = [];
    for (let i = 1; i <= concurrency; i++) members.push(await login(server.origin, searchMemberEmail(i), SEARCH_BENCH_PASSWORD));
    const queries = makeQueries(count, seed, { authorIds, threadIds });
    console.info(`server: PostgreSQL ${version}, ${indexed} posts in the index; ${count} queries × ${rounds} rounds at concurrency ${concurrency}`);
    await runRound(server.origin, members, makeQueries(50, seed + 1000, { authorIds, threadIds }));
    // The floor: the same members asking GET /api/me (session and user, no search) at the same concurrency.
    const floorLoad = load();
    const floorPids = await backends();
    const [floorServer, floorPg] = [cpuMs(serverPids), cpuMs(floorPids)];
    floor = summary(await timeFloor(server.origin, members, count));
    const [floorServerAfter, floorPgAfter] = [cpuMs(serverPids), cpuMs(floorPids)];
    const floorCpu =
      floorServer !== null && floorServerAfter !== null && floorPg !== null && floorPgAfter !== null
        ? `; CPU per request: server ${round1((floorServerAfter - floorServer) / count)} ms, PostgreSQL ${round1((floorPgAfter - floorPg) / count)} ms`
        : '';
    console.info(`  floor (GET /api/me): p50 ${floor.p50} ms, p95 ${floor.p95} ms, p99 ${floor.p99} ms (load average before: ${floorLoad})${floorCpu}`);
    for (let round = 1; round <= rounds; round++) {
      const loadBefore = load();
      const pgPids = await backends();
      const [serverBefore, pgBefore] = [cpuMs(serverPids), cpuMs(pgPids)];
      const timed = await runRound(server.origin, members, queries);
      const [serverAfter, pgAfter] = [cpuMs(serverPids), cpuMs(pgPids)];
      const cpu =
        serverBefore !== null && serverAfter !== null && pgBefore !== null && pgAfter !== null
          ? { server: round1((serverAfter - serverBefore) / timed.requests), postgres: round1((pgAfter - pgBefore) / timed.requests) }
          : null;
      all.push(...timed);
      const stats = summary(timed.map((t) => t.ms));
      results.push({ round, loadBefore, stats, cpuPerSearchMs: cpu });
      const cpuText = cpu ? `; CPU per search: server ${cpu.server} ms, PostgreSQL ${cpu.postgres} ms` : '';
      console.info(`  round ${round}: p50 ${stats.p50} ms, p95 ${stats.p95} ms, p99 ${stats.p99} ms, max ${stats.max} ms (load average before: ${loadBefore})${cpuText}`);
    }
  } finally {
    await watcher.end();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const overall = summary(all.map((t) => t.ms));
  console.info(`\nGET /api/search, ${posts} posts, ${all.length} queries: p50 ${overall.p50} ms, p95 ${overall.p95} ms, p99 ${overall.p99} ms, max ${overall.max} ms`);
  const byKind = new Map<string, Timed[]>();
  for (const t of all) {
    for (const key of [t.query.kind, ...(t.query.filter ? [`filter: ${t.query.filter}`] : []), ...(t.query.secondPage ? ['second page'] : [])]) {
      byKind.set(key, [...(byKind.get(key) ?? []), t]);
    }
  }
  console.info('\n| kind | n | p50 ms | p95 ms | max ms | hits (avg) |\n|---|---|---|---|---|---|');
  for (const [kind, list] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    const s = summary(list.map((t) => t.ms));
    console.info(`| ${kind} | ${s.n} | ${s.p50} | ${s.p95} | ${s.max} | ${(list.reduce((sum, t) => sum + t.hits, 0) / list.length).toFixed(1)} |`);
  }
  const slowest = [...all].sort((a, b) => b.ms - a.ms).slice(0, 8);
  console.info('\nslowest:');
  for (const t of slowest) console.info(`  ${round1(t.ms)} ms  ${new URLSearchParams(t.query.params)}${t.query.secondPage ? ' (page 2)' : ''}  → ${t.hits} hits${t.suggestion ? ', suggestion' : ''}`);

  mkdirSync('bench-results', { recursive: true });
  const file = `bench-results/search-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.json`;
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine: m, postgres: version, posts, indexed, concurrency, floor, rounds: results, overall, loadAfter: load() }, null, 2));
  const met = overall.p95 < AIM_P95_MS;
  console.info(`\naim p95 < ${AIM_P95_MS} ms: ${met ? 'met' : 'MISSED'}; load average now ${load()}; written to ${file}`);
  if (!met) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
