/**
 * A quick measurement of GET /api/search on a generated corpus (not part of `npm test`):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx tests/search/latency.ts [posts=20000]
 * Makes its own database on that server (dropped at the end), fills it with Dutch forum text, indexes it
 * through the outbox (reindexAll) and runs 500 varied queries at concurrency 10 through the whole app (inject).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase, queryRows } from '../../server/db/client.js';
import { DEFAULT_PASSWORD, makeUser } from '../../server/dev/factories.js';
import { seedCategories } from '../../server/forum/categories.js';
import { OutboxWorker } from '../../server/search/outbox.js';
import { reindexAll } from '../../server/search/reindex.js';
import { TestClient } from '../helpers/client.js';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error('set DATABASE_URL to a PostgreSQL server');
const postCount = Number(process.argv[2] ?? 20000);
const WORDS = (
  'fusie fusies gemeente gemeenteraad raad kandidaat kandidaten kandidatenlijst kandidaatstelling campagne flyers markt ' +
  'begroting motie amendement wethouder burgemeester fractie leden ledenvergadering bestuur statuten penningmeester ' +
  'verkiezingen verkiezingsprogramma partij lokale coalitie oppositie debat stemming stembureau kiesraad vrijwilligers ' +
  'donaties contributie subsidie woningbouw verkeer jeugd zorg sport cultuur duurzaamheid windmolens zonnepanelen dorp wijk'
).split(' ');
const FILL = 'de het een en van in op met voor over dat die is was wordt hebben wij jullie ook nog maar wel'.split(' ');
// A long tail, as real text has: compounds like "woningbouwbeleid", "jeugdraad", "campagnebudget".
const HEADS = 'woningbouw jeugd sport cultuur verkeer zorg campagne begroting fractie leden partij gemeente dorp wijk markt raad bestuur fusie kandidaat stem'.split(' ');
const TAILS = 'beleid raad budget plan overleg commissie vergadering lijst debat nota visie fonds avond groep team'.split(' ');
const TAIL_WORDS = HEADS.flatMap((h) => TAILS.map((t) => h + t));

const name = `plein_latency_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString() });
try {
  await database.migrate();
  await seedCategories(database.db);
  const db = database.db;
  const author = await makeUser(db, { email: 'schrijver@example.nl' });
  const t0 = Date.now();
  // Threads of ~10 posts, random Dutch-ish sentences of 10–80 words, spread over two years.
  const threads = Math.ceil(postCount / 10);
  await db.execute(sql`
    insert into threads (category_id, author_id, title, post_count, created_at, last_post_at)
    select 1 + (g % 9), ${author.id},
           initcap((array[${sql.raw(WORDS.map((w) => `'${w}'`).join(','))}])[1 + (g * 7) % ${WORDS.length}]) || ' en ' ||
             (array[${sql.raw(WORDS.map((w) => `'${w}'`).join(','))}])[1 + (g * 13) % ${WORDS.length}],
           10, now() - make_interval(days => g % 730), now()
      from generate_series(1, ${threads}) g`);
  const all = [...WORDS, ...TAIL_WORDS, ...FILL, ...FILL, ...FILL, ...FILL, ...FILL, ...FILL, ...FILL, ...FILL];
  const vocab = sql.raw(`array[${all.map((w) => `'${w}'`).join(',')}]`);
  await db.execute(sql`
    insert into posts (thread_id, author_id, body, body_html, created_at)
    select 1 + (g % ${threads}), ${author.id}, b, '<p>' || b || '</p>', now() - make_interval(days => g % 730)
      from (select g, (select string_agg((${vocab})[1 + floor(random() * ${all.length})::int], ' ')
                         from generate_series(1, 10 + (g % 70)) w where w > 0 and g > 0) as b
              from generate_series(1, ${postCount}) g) x`);
  await db.execute(sql`analyze`);
  console.info(`corpus: ${postCount} posts in ${threads} threads (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  const t1 = Date.now();
  const worker = new OutboxWorker(db, () => app.searchService.index, { warn: (o, m) => console.warn(m, o) }, { batchSize: 1000 });
  const config = loadConfig({ SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/plein-latency', RATE_LIMIT_MAX: '10000000', SERVE_CLIENT: 'false', LOG_LEVEL: 'warn' });
  const app = await buildApp({ config, database, logger: { level: 'warn' } });
  await app.ready();
  await reindexAll(db, worker, () => {}, 2000);
  await db.execute(sql`analyze search_documents`);
  const [size] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from search_documents`);
  console.info(`indexed ${size!.n} posts in ${((Date.now() - t1) / 1000).toFixed(1)} s`);

  const client = new TestClient(app);
  await client.login('schrijver@example.nl', DEFAULT_PASSWORD);
  const queries = [
    ...WORDS,
    ...TAIL_WORDS.slice(0, 40),
    'fusie kandidatenlijst', '"lokale partij"', 'begroting -motie', 'wethouder OF burgemeester', 'kandidaatsteling', 'gemeenteraad coalitie debat',
  ];
  const latencies: number[] = [];
  let next = 0;
  const total = Number(process.env.QUERIES ?? 500);
  await Promise.all(
    Array.from({ length: Number(process.env.CONCURRENCY ?? 10) }, async () => {
      while (next < total) {
        const i = next++;
        const q = queries[(i * 17) % queries.length]!;
        const extra = i % 5 === 0 ? '&category=fuseren' : i % 7 === 0 ? '&from=2026-01-01' : '';
        const start = performance.now();
        const res = await client.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
        latencies.push(performance.now() - start);
        if (res.status !== 200) throw new Error(`status ${res.status} for ${q}`);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.info(`GET /api/search, ${total} queries, concurrency ${process.env.CONCURRENCY ?? 10}, ${postCount} posts: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);
  await worker.stop();
  await app.close();
  if (process.env.KEEP) console.info(`kept database ${name}`);
} finally {
  if (process.env.KEEP) process.exit(0);
  await database.close().catch(() => {});
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
