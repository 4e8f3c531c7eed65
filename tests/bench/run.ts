import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { categoryCase, healthCase, inboxCase, replyCase, searchCase, SEARCH_QUERIES, threadCase } from './cases.js';
import { BENCH_PASSWORD, fillCorpus, memberEmail } from './corpus.js';
import { createBenchDatabase } from './database.js';
import { runLive } from './live.js';
import { runLoad, skipped, type CaseResult } from './load.js';
import { login, loginMembers, PROXY_HEADERS } from './members.js';
import { runNotificationMail } from './notification-mail.js';
import { parseOptions } from './options.js';
import { allAimsMet, machine, printTable, writeJson } from './report.js';
import { startServer } from './server-process.js';

/**
 * `npm run bench`: a fresh database with a realistic corpus, the production server in a child process,
 * then each case under load in turn. See docs/benchmarks.md.
 */
async function main() {
  const options = parseOptions(process.argv.slice(2));
  const wanted = (name: string) => options.only === null || options.only.includes(name);
  const m = machine();
  console.info(`Plein benchmark on ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}`);
  const target = await createBenchDatabase();
  console.info(`database: ${target.label}`);
  console.info(`corpus: ${options.threads} threads × ${options.postsPerThread} posts, ${options.members} members …`);
  const corpus = await fillCorpus(target, options);
  console.info(`corpus: ${corpus.posts} posts in ${corpus.seconds.toFixed(1)} s`);

  const server = await startServer(
    // The inbox case's team member logs in with a password only: the second step staff need in production is not what it measures.
    { DATA_DIR: target.dataDir, STAFF_TOTP_REQUIRED: 'false', ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}) },
    { cpuProfDir: options.cpuProf ? resolve('bench-results') : undefined },
  );
  const results: CaseResult[] = [];
  try {
    const bar = new cliProgress.SingleBar({ format: '  logging in [{bar}] {value}/{total} members' }, cliProgress.Presets.shades_classic);
    bar.start(options.members, 0);
    const members = await loginMembers(server.origin, options.members, () => bar.increment());
    bar.stop();

    // Every case gets a short warm-up first (JIT, pool connections), not counted.
    const run = async (spec: ReturnType<typeof healthCase>) => {
      await runLoad(server, { ...spec, name: `${spec.name}*` }, 1).catch(() => {});
      const result = await runLoad(server, spec, options.duration);
      results.push(result);
    };
    if (wanted('health')) await run(healthCase());
    if (wanted('thread')) await run(threadCase(members, corpus.threadIds));
    if (wanted('category')) await run(categoryCase(members, corpus.categorySlugs));
    if (wanted('reply')) await run(replyCase(members, corpus.threadIds));
    if (wanted('search')) {
      const probe = await fetch(`${server.origin}/api/search?q=${SEARCH_QUERIES[0]}`, { headers: { ...PROXY_HEADERS, cookie: members[0]!.cookie } });
      if (probe.status === 200) await run(searchCase(members));
      else results.push(skipped('search', 'GET /api/search?q=…', `skipped: no search route (GET /api/search answered ${probe.status})`));
    }
    if (wanted('inbox')) await run(inboxCase(await login(server.origin, memberEmail(1), BENCH_PASSWORD)));
    if (wanted('live')) {
      const threadId = corpus.threadIds[Math.floor(corpus.threadIds.length / 2)]!;
      results.push(await runLive(server, members, threadId, options.liveSockets, options.quick ? 10 : 20, (line) => console.info(line)));
    }
  } finally {
    await server.stop();
  }
  // In this process, once the server has let go of the database: they step the workers' clocks by hand.
  if (wanted('watchers') || wanted('mail')) {
    const cases = { watchers: wanted('watchers'), mail: wanted('mail') };
    results.push(...(await runNotificationMail(target, { watchers: 500, replies: options.quick ? 10 : 20, accountMails: options.quick ? 200 : 500, cases }, (line) => console.info(line))));
  }
  const ceiling = results.find((r) => r.name === 'health')?.rps;
  for (const r of results) if (ceiling && r.rps) r.ratio = r.rps / ceiling;

  console.info(`\n${printTable(results)}\n`);
  const file = writeJson(
    { database: target.label, corpus: { threads: options.threads, posts: corpus.posts, members: options.members, fillSeconds: corpus.seconds }, durationSeconds: options.duration },
    results,
  );
  console.info(`written to ${file}${options.cpuProf ? ' (CPU profile of the server beside it)' : ''}`);
  await target.cleanup();
  if (!allAimsMet(results)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
