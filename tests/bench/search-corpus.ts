import { sql } from 'drizzle-orm';
import { hashPassword } from '../../server/auth/passwords.js';
import { renderMarkdown } from '../../server/content/render.js';
import { queryRows, type Db } from '../../server/db/client.js';
import { DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { seedCategories } from '../../server/forum/categories.js';
import { OutboxWorker } from '../../server/search/outbox.js';
import { PostgresSearchIndex } from '../../server/search/postgres-index.js';
import { reindexAll } from '../../server/search/reindex.js';
import { ForumTextGenerator, makeRandom, memberName } from './dutch-forum-text.js';

export const SEARCH_MEMBERS = 300;
export const searchMemberEmail = (n: number) => `zoeker${n}@bench.example.nl`;
export const SEARCH_BENCH_PASSWORD = DEFAULT_PASSWORD;

const DAY = 24 * 3600 * 1000;
/** The forum's age: threads start over these many days, more of them recently (a growing forum). */
const SPAN_DAYS = 3 * 365;
/** Threads written per INSERT (a few MB of JSON per statement). */
const CHUNK_THREADS = 1000;

export interface SearchCorpus {
  posts: number;
  threads: number;
  hiddenOrDeleted: number;
  indexed: number;
  fillSeconds: number;
  indexSeconds: number;
}

/**
 * Fills an empty, migrated database with `postCount` posts of generated Dutch forum text (see dutch-forum-text.ts):
 * members, threads of 1 to 150 posts on one subject, bodies rendered by the server's own Markdown renderer,
 * a few hidden or deleted posts and hidden threads, then indexes everything the way `npm run reindex` does.
 */
export async function fillSearchCorpus(db: Db, postCount: number, seed: number, log: (line: string) => void): Promise<SearchCorpus> {
  const started = performance.now();
  await seedCategories(db);
  const hash = await hashPassword(SEARCH_BENCH_PASSWORD);
  const members = Array.from({ length: SEARCH_MEMBERS }, (_, i) => ({ email: searchMemberEmail(i + 1), name: memberName(i) }));
  await db.execute(sql`
    insert into users (email, password_hash, display_name, party, municipality, role, status, approved_at, email_confirmed_at, created_at)
    select email, ${hash}, name, 'Lokaal Belang', 'Utrecht', 'member', 'active', now() - interval '4 years', now() - interval '4 years', now() - interval '4 years'
      from jsonb_to_recordset(${JSON.stringify(members)}::jsonb) as m(email text, name text)`);
  const userIds = (await queryRows<{ id: number }>(db, sql`select id from users where email like 'zoeker%@bench.example.nl' order by id`)).map((r) => r.id);
  const categoryIds = new Map((await queryRows<{ id: number; slug: string }>(db, sql`select id, slug from categories`)).map((c) => [c.slug, c.id]));

  const r = makeRandom(seed);
  const text = new ForumTextGenerator(seed + 1);
  const now = Date.now();
  // First the shape of the forum: threads (mostly short, some long: 1 + a geometric number, mean about 8) started
  // over three years, more of them recently (sqrt), each post some hours or days after the one before.
  const threads: { start: number; times: number[] }[] = [];
  for (let total = 0; total < postCount; ) {
    const size = Math.min(postCount - total, 1 + Math.min(149, Math.floor(Math.log(1 - r.next()) / Math.log(0.87))));
    const start = now - SPAN_DAYS * DAY * (1 - Math.sqrt(r.next())) - DAY;
    const times = [start];
    for (let i = 1; i < size; i++) times.push(Math.min(now - 60_000, times[i - 1]! + r.int((3 * DAY) / Math.max(1, size / 4))));
    threads.push({ start, times });
    total += size;
  }
  // Ids in order of time, as a live forum hands them out: the heap of search_documents is then in time order too.
  threads.sort((a, b) => a.start - b.start);
  const slots: { thread: number; i: number; at: number }[] = threads.flatMap((t, thread) => t.times.map((at, i) => ({ thread, i, at })));
  slots.sort((a, b) => a.at - b.at);
  const postIds = threads.map((t) => new Int32Array(t.times.length));
  slots.forEach((slot, k) => (postIds[slot.thread]![slot.i] = k + 1));
  slots.length = 0;

  let hiddenOrDeleted = 0;
  let written = 0;
  for (let first = 0; first < threads.length; first += CHUNK_THREADS) {
    const threadRows: object[] = [];
    const postRows: object[] = [];
    for (let k = first; k < Math.min(threads.length, first + CHUNK_THREADS); k++) {
      const { start, times } = threads[k]!;
      const thread = text.thread(times.length);
      const author = r.zipf(userIds);
      const hiddenThread = r.chance(0.003);
      thread.posts.forEach((body, i) => {
        const at = times[i]!;
        const hidden = i > 0 && r.chance(0.004);
        const deleted = i > 0 && !hidden && r.chance(0.003);
        if (hidden || deleted || hiddenThread) hiddenOrDeleted++;
        postRows.push({
          id: postIds[k]![i],
          thread_id: k + 1,
          author_id: i === 0 ? author : r.zipf(userIds),
          body,
          body_html: renderMarkdown(body),
          created_at: new Date(at).toISOString(),
          hidden_at: hidden ? new Date(at + DAY).toISOString() : null,
          deleted_at: deleted ? new Date(at + DAY).toISOString() : null,
        });
      });
      threadRows.push({
        id: k + 1,
        category_id: categoryIds.get(thread.category) ?? categoryIds.get('algemeen'),
        author_id: author,
        title: thread.title,
        post_count: times.length,
        created_at: new Date(start).toISOString(),
        last_post_at: new Date(times.at(-1)!).toISOString(),
        hidden_at: hiddenThread ? new Date(times.at(-1)!).toISOString() : null,
      });
    }
    await db.execute(sql`
      insert into threads (id, category_id, author_id, title, post_count, created_at, last_post_at, hidden_at)
      select * from jsonb_to_recordset(${JSON.stringify(threadRows)}::jsonb)
        as x(id int, category_id int, author_id int, title text, post_count int, created_at timestamptz, last_post_at timestamptz, hidden_at timestamptz)`);
    await db.execute(sql`
      insert into posts (id, thread_id, author_id, body, body_html, created_at, hidden_at, deleted_at)
      select * from jsonb_to_recordset(${JSON.stringify(postRows)}::jsonb)
        as x(id int, thread_id int, author_id int, body text, body_html text, created_at timestamptz, hidden_at timestamptz, deleted_at timestamptz)`);
    written += postRows.length;
    log(`  corpus: ${written} / ${postCount} posts`);
  }
  const postId = written;
  const threadId = threads.length;
  await db.execute(sql`select setval(pg_get_serial_sequence('threads', 'id'), ${threadId})`);
  await db.execute(sql`select setval(pg_get_serial_sequence('posts', 'id'), ${postId})`);
  await db.execute(sql`
    update categories c set thread_count = s.n
      from (select category_id, count(*)::int as n from threads group by category_id) s
     where s.category_id = c.id`);
  await db.execute(sql`analyze`);
  const fillSeconds = (performance.now() - started) / 1000;

  const indexStarted = performance.now();
  const indexed = await indexSearchCorpus(db, log);
  return { posts: postId, threads: threadId, hiddenOrDeleted, indexed, fillSeconds, indexSeconds: (performance.now() - indexStarted) / 1000 };
}

/**
 * Indexes every post the way `npm run reindex` does (which also records the analysis version, so the server does
 * not queue everything again at start), then refreshes the planner's statistics. Answers how many are indexed.
 */
export async function indexSearchCorpus(db: Db, log: (line: string) => void): Promise<number> {
  const index = new PostgresSearchIndex(db);
  const worker = new OutboxWorker(db, () => index, { warn: (obj, message) => console.warn(message, obj) }, { batchSize: 1000 });
  const result = await reindexAll(db, worker, (done, total) => log(`  index: ${done} / ${total} posts`), 5000);
  await worker.stop();
  if (result.failed) throw new Error('indexing the corpus failed');
  await db.execute(sql`vacuum analyze search_documents`);
  await db.execute(sql`vacuum analyze search_words`);
  const [indexed] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from search_documents`);
  return indexed?.n ?? 0;
}
