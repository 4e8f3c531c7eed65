import { sql, type SQL } from 'drizzle-orm';
import { hashPassword } from '../../server/auth/passwords.js';
import { renderMarkdown } from '../../server/content/render.js';
import { openDatabase, queryRows } from '../../server/db/client.js';
import { DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { seedCategories } from '../../server/forum/categories.js';
import type { BenchDatabase } from './database.js';
import type { BenchOptions } from './options.js';
import { SAMPLE_BODIES, SAMPLE_TITLES } from './sample-text.js';

export const memberEmail = (n: number) => `lid${n}@bench.example.nl`;
export const BENCH_PASSWORD = DEFAULT_PASSWORD;

export interface Corpus {
  threadIds: number[];
  categorySlugs: string[];
  posts: number;
  seconds: number;
}

const textArray = (values: string[]): SQL => sql`array[${sql.join(
  values.map((v) => sql`${v}`),
  sql`, `,
)}]::text[]`;

/**
 * Fills the database the way a year of use would, in a handful of INSERT … SELECT generate_series statements
 * (one HTTP call per post would take longer than the benchmark itself). Bodies are Markdown with their HTML
 * rendered once here by the server's own renderer; counters are set to what the rows say.
 */
export async function fillCorpus(target: BenchDatabase, options: BenchOptions): Promise<Corpus> {
  const started = performance.now();
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.databaseUrl ? undefined : `${target.dataDir}/pglite` });
  try {
    const { db } = database;
    await database.migrate();
    await seedCategories(db);
    const hash = await hashPassword(BENCH_PASSWORD);
    const parties = textArray(['Lokaal Belang', 'Gemeentebelangen', 'Dorpsbelangen', 'Stadspartij', 'Leefbaar Lokaal']);
    const towns = textArray(['Utrecht', 'Zwolle', 'Deventer', 'Amersfoort', 'Leeuwarden', 'Tilburg', 'Venlo']);
    const roles = textArray(['raadslid', 'wethouder', 'commissielid', 'bestuurslid', 'lid']);
    await db.execute(sql`
      insert into users (email, password_hash, display_name, party, municipality, representative_role, representative_verified, role, status, approved_at, created_at, email_confirmed_at)
      select 'lid' || g || '@bench.example.nl', ${hash}, 'Lid ' || g, (${parties})[1 + g % 5], (${towns})[1 + g % 7],
             case when g % 3 = 0 then null else (${roles})[1 + g % 5] end, g % 4 = 0, 'member', 'active',
             now() - interval '200 days', now() - interval '200 days', now() - interval '200 days'
      from generate_series(1, ${options.members}) g`);
    const [range] = await queryRows<{ lo: number }>(db, sql`select min(id)::int as lo from users where email like '%@bench.example.nl'`);
    const firstUser = range!.lo;
    const cats = await queryRows<{ id: number; slug: string }>(db, sql`select id, slug from categories order by position, id`);
    const catIds = sql`array[${sql.join(
      cats.map((c) => sql`${c.id}`),
      sql`, `,
    )}]::int[]`;
    const titles = textArray(SAMPLE_TITLES);
    const bodies = textArray(SAMPLE_BODIES);
    const htmls = textArray(SAMPLE_BODIES.map((b) => renderMarkdown(b)));
    const per = options.postsPerThread;
    // Threads started over the past year; each gets a post every 10 minutes after its start.
    await db.execute(sql`
      insert into threads (category_id, author_id, title, post_count, created_at, last_post_at)
      select (${catIds})[1 + g % ${cats.length}], ${firstUser} + g % ${options.members},
             (${titles})[1 + g % ${SAMPLE_TITLES.length}] || ' (' || g || ')', ${per},
             now() - interval '365 days' + (g * interval '365 days' / ${options.threads}),
             now() - interval '365 days' + (g * interval '365 days' / ${options.threads}) + ${per - 1} * interval '10 minutes'
      from generate_series(1, ${options.threads}) g`);
    await db.execute(sql`
      insert into posts (thread_id, author_id, body, body_html, created_at)
      select t.id, ${firstUser} + (t.author_id + i * 7) % ${options.members},
             (${bodies})[1 + (t.id * 31 + i) % ${SAMPLE_BODIES.length}] || E'\n\nBericht ' || i || ' in discussie ' || t.id || '.',
             (${htmls})[1 + (t.id * 31 + i) % ${SAMPLE_BODIES.length}] || E'\n<p>Bericht ' || i || ' in discussie ' || t.id || '.</p>',
             t.created_at + (i - 1) * interval '10 minutes'
      from threads t cross join generate_series(1, ${per}) i
      order by t.id, i`);
    await db.execute(sql`
      update categories c set thread_count = s.n
      from (select category_id, count(*)::int as n from threads group by category_id) s
      where s.category_id = c.id`);
    // Every member has read some threads part-way, so the category page computes real unread counts.
    await db.execute(sql`
      insert into thread_reads (user_id, thread_id, last_read_post_id)
      select u.id, t.id, (select min(p.id) + 10 from posts p where p.thread_id = t.id)
      from users u join threads t on (t.id + u.id) % 40 = 0
      where u.email like '%@bench.example.nl'
      on conflict do nothing`);
    // The helpdesk: lid1 is on the kenniscentrum's team; one question per ten threads, spread over the year and the
    // inbox's tabs, each asked, answered (with an internal note on every third) and followed up.
    await db.execute(sql`update users set centre_team = true where email = ${memberEmail(1)}`);
    const questions = Math.max(10, Math.round(options.threads / 10) * 10);
    await db.execute(sql`
      insert into helpdesk_questions (asker_id, subject, category_id, status, assignee_id, created_at, first_response_at, last_activity_at)
      select ${firstUser}::int + 1 + g % (${options.members}::int - 1), (${titles})[1 + g % ${SAMPLE_TITLES.length}] || ' (vraag ' || g || ')',
             (${catIds})[1 + g % ${cats.length}], (array['open', 'waiting', 'closed'])[1 + g % 3],
             case when g % 2 = 0 then ${firstUser}::int end,
             now() - interval '365 days' + (g * interval '365 days' / ${questions}),
             now() - interval '365 days' + (g * interval '365 days' / ${questions}) + (1 + g % 48) * interval '1 hour',
             now() - interval '365 days' + (g * interval '365 days' / ${questions}) + interval '3 days'
      from generate_series(1, ${questions}) g`);
    await db.execute(sql`
      insert into helpdesk_messages (question_id, author_id, from_team, internal, body, body_html, created_at)
      select q.id, case when i in (2, 3) then ${firstUser}::int else q.asker_id end, i in (2, 3), i = 3,
             (${bodies})[1 + (q.id + i) % ${SAMPLE_BODIES.length}], (${htmls})[1 + (q.id + i) % ${SAMPLE_BODIES.length}],
             q.created_at + i * interval '1 hour'
      from helpdesk_questions q cross join generate_series(1, 4) i
      where i <> 3 or q.id % 3 = 0
      order by q.id, i`);
    await db.execute(sql`analyze`);
    const threadIds = (await queryRows<{ id: number }>(db, sql`select id from threads order by id`)).map((r) => r.id);
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from posts`);
    return { threadIds, categorySlugs: cats.map((c) => c.slug), posts: n, seconds: (performance.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}
