import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { solvedSql } from '../forum/solved.js';
import { searchableSql } from '../forum/visibility.js';
import { SNIPPET_REGION, snippetRegion } from './postgres-snippets.js';
import { anyTermQuery, highlightTerms, atLeastQuery, matchQuery, requiredGroupQuery } from './tsquery.js';
import type { EngineThreadHit, SearchFilters, SearchRequest, SearchResult } from './types.js';

/**
 * Matches are ranked a window at a time: the threads whose newest match is among the newest RANK_WINDOW matching
 * posts, ordered by relevance, then the threads whose newest match is among the next RANK_WINDOW, and so on
 * (docs/decisions/004-search-ranking-window.md). Ranking every match of a common word (a third of all posts say
 * "gemeente") cost seconds; a window costs about the same whatever the corpus size. Windows are fixed by the posts'
 * dates, so every page sees the same windows however far it walked, and no thread is in two of them.
 */
export const RANK_WINDOW = 100;
/** Threads a window holds, at least, as a first guess of how many windows a page needs (a thread has several matches). */
const THREADS_PER_WINDOW_GUESS = RANK_WINDOW / 4;
/** The longest walk (whole windows): beyond it a search answers with the threads it has (MAX_OFFSET keeps pages shallow). */
const MAX_CANDIDATES = RANK_WINDOW * 200;
/**
 * ts_rank weights {D, C, B, A} (postgres-tsvector.ts): a reply carries its thread's title at C, weighed like the
 * opening post's A, so every post of a thread gets the same lift from the title and the thread's best post decides;
 * a compound's parts (D) weigh like body words, so a title saying "raadsleden" no longer ranks like one saying
 * "leden" for "leden". Measured with `npm run bench:relevance`: D at 0.4 gave nDCG@10 0.936, 0.2–0.3 gave 0.934, 0.6 0.928.
 */
const RANK_WEIGHTS = '{0.4, 1.0, 0.4, 1.0}';
/** Positions of matching words fetched for a snippet: enough to get past the opening post's title parts. */
const MATCH_POSITIONS = 32;

interface Row {
  nthreads: number;
  nposts: number;
  thread_id: number | null;
  post_id: number;
  body: string;
  indexed_title: string;
  match_positions: number[];
  matching: number;
  title: string;
  category_slug: string;
  author_id: number;
  author_name: string;
  created_at: Date | string;
  solved: boolean;
}

/**
 * One search over search_documents, grouped per thread (see the steps in `statement`). Match 'most' with three or
 * more groups first asks for posts with all groups but one, and only when none has that, for posts with any: the
 * newest posts with any one common word would otherwise fill the window before the threads with most words.
 * The choice depends on the query alone, not on the page, so later pages continue it.
 */
export async function searchThreads(db: Db, request: SearchRequest): Promise<SearchResult> {
  const query = matchQuery(request.query, request.match);
  if (query === null) return { hits: [], hasMore: false };
  const strict = request.match === 'most' ? atLeastQuery(request.query, request.query.required.length - 1) : null;
  if (strict !== null) {
    const found = await searchWith(db, request, strict);
    if (found.anything) return found.result;
  }
  return (await searchWith(db, request, query)).result;
}

async function searchWith(db: Db, request: SearchRequest, query: string): Promise<{ result: SearchResult; anything: boolean }> {
  const empty = { result: { hits: [], hasMore: false }, anything: false };
  let categoryId: number | null = null;
  if (request.filters.categorySlug !== undefined) {
    const [row] = await queryRows<{ id: number }>(db, sql`select id from categories where slug = ${request.filters.categorySlug}`);
    if (!row) return empty;
    categoryId = row.id;
  }
  const { offset, limit } = request;
  // Threads that must be known: up to the page, and one more to answer "is there a next page?".
  const needed = offset + limit + 1;
  for (let windows = Math.ceil(needed / THREADS_PER_WINDOW_GUESS); ; windows *= 4) {
    const walk = Math.min(windows * RANK_WINDOW, MAX_CANDIDATES);
    const rows = await queryRows<Row>(db, statement(request, query, categoryId, walk));
    const stats = rows[0] ?? { nthreads: 0, nposts: 0 };
    const exhausted = stats.nposts < walk;
    if (stats.nthreads < needed && !exhausted && walk < MAX_CANDIDATES) continue;
    const hits: EngineThreadHit[] = rows
      .filter((r) => r.thread_id !== null)
      .map((r) => ({
        threadId: r.thread_id!,
        postId: r.post_id,
        matchingPosts: Math.max(1, r.matching),
        body: snippetRegion(r.body, r.indexed_title, r.match_positions),
        current: {
          title: r.title,
          categorySlug: r.category_slug,
          authorId: r.author_id,
          authorName: r.author_name,
          createdAt: new Date(r.created_at),
          solved: r.solved,
        },
      }));
    return { result: { hits, hasMore: stats.nthreads > offset + limit }, anything: stats.nthreads > 0 };
  }
}

/**
 * 1. candidates: the newest `walk` matching posts (whole windows), found by walking a (…, created_at, post_id) index
 *    for a common word or through the GIN index for a rare one (the planner picks); their tsvectors are kept for 3.
 * 2. found: their threads, each in the window of its newest match, so no thread is on two pages.
 * 3. for relevance, only the windows the page overlaps are ranked: a thread's score is its best post's in its own
 *    window (so it does not change with the length of the walk), times recency; with match 'most' first by how many
 *    of the query's groups the thread has. For 'newest', threads simply in the order of their newest match.
 * 4. for the page's threads only: the best of the thread's candidates that may be shown (one whose own text matches
 *    before one matched by its title alone), how many of all its posts match, and what the hit shows, as the forum
 *    tables have them now.
 * The tsquery is spelled out where it is used (not joined from a CTE), so the planner sees a constant.
 */
function statement(request: SearchRequest, query: string, categoryId: number | null, walk: number): SQL {
  const { offset, limit } = request;
  const q = sql`${query}::tsquery`;
  const terms = highlightTerms(request.query);
  const filters = filterSql(request.filters, categoryId);
  const now = request.now.toISOString();
  // Relevance times a recency factor that falls from 1 (today) towards 0.5 (years ago).
  const score = sql`ts_rank(${RANK_WEIGHTS}::float4[], c.tsv, ${q})::float8
        * (0.5 + 0.5 / (1 + greatest(extract(epoch from (${now}::timestamptz - c.created_at)), 0) / 86400 / 180))`;
  const groups =
    request.match === 'most'
      ? sql.join(
          request.query.required.map((g) => sql`(bool_or(c.tsv @@ ${requiredGroupQuery(g)}::tsquery))::int`),
          sql` + `,
        )
      : sql`0`;
  const page =
    request.sort === 'newest'
      ? sql`select thread_id, ord from (select thread_id, row_number() over (order by first_n) - 1 as ord from found) o
             where ord >= ${offset} and ord < ${offset + limit}`
      : sql`select thread_id, ord from (
              select r.thread_id, w.before + row_number() over (partition by r.win order by r.groups desc, r.score desc, r.thread_id desc) - 1 as ord
                from (
                  select f.thread_id, f.win, max(${score}) as score, ${groups} as groups
                    from found f
                    join candidates c on c.thread_id = f.thread_id and (c.n - 1) / ${RANK_WINDOW} = f.win
                   where f.win in (select win from windows where before < ${offset + limit} and before + size > ${offset})
                   group by f.thread_id, f.win
                ) r
                join windows w on w.win = r.win
            ) o
           where ord >= ${offset} and ord < ${offset + limit}`;
  return sql`
    with candidates as materialized (
      select d.post_id, d.thread_id, d.tsv, d.created_at, row_number() over (order by d.created_at desc, d.post_id desc) as n
        from search_documents d
       where d.tsv @@ ${q} ${filters}
       order by d.created_at desc, d.post_id desc
       limit ${walk}
    ), found as materialized (
      select thread_id, min(n) as first_n, (min(n) - 1) / ${RANK_WINDOW} as win
        from candidates
       group by thread_id
    ), windows as (
      select win, count(*) as size, sum(count(*)) over (order by win) - count(*) as before
        from found
       group by win
    ), page as (${page})
    select s.nthreads, s.nposts, r.*
      from (select (select count(*) from found)::int as nthreads, (select count(*) from candidates)::int as nposts) s
      left join lateral (
        -- Counts and positions as scalar subqueries, display data by plain joins.
        select x.ord, x.thread_id, x.post_id, d.body, d.title as indexed_title,
               -- Where the words looked for are (tsvector positions, the first few), so the snippet is cut near the
               -- first one in the body (an opening post's title parts share weight D). Only for a body longer than
               -- the region a snippet is cut from: postgres-snippets.ts.
               array(select pos.position::int
                  from unnest(x.tsv) u
                  cross join lateral unnest(u.positions, u.weights) as pos(position, weight)
                 where length(d.body) > ${SNIPPET_REGION} and pos.weight in ('B', 'D')
                   and (u.lexeme = any(${textArray(terms.exact)}) or u.lexeme like any(${textArray(terms.prefixes)}))
                 order by 1
                 limit ${MATCH_POSITIONS}) as match_positions,
               -- How many of the thread's posts match by their own text (the opening post also by the title).
               (select count(*)::int
                  from search_documents m
                 where m.thread_id = x.thread_id and m.tsv @@ (${q} && ${anyTermQuery(request.query, 'ABD')}::tsquery) ${filterSql(request.filters, categoryId, sql`m`)}
                   and ${visible(sql`m.post_id`, categoryId, request.filters)}) as matching,
               th.title, cat.slug as category_slug, bp.author_id, u.display_name as author_name, bp.created_at,
               ${solvedSql(sql`th.solution_post_id`)} as solved
          from (
            -- The best post among the thread's candidates that may be shown: one whose own text matches first
            -- (every post carries the title), then by rank.
            select g.ord, g.thread_id, b.post_id, b.tsv
              from page g
              cross join lateral (
                select c.post_id, c.tsv
                  from candidates c
                 where c.thread_id = g.thread_id and ${visible(sql`c.post_id`, categoryId, request.filters)}
                 order by c.tsv @@ ${anyTermQuery(request.query, 'BD')}::tsquery desc, ts_rank(c.tsv, ${q}) desc, c.created_at, c.post_id
                 limit 1
              ) b
            offset 0
          ) x
          join search_documents d on d.post_id = x.post_id
          join posts bp on bp.id = x.post_id
          join threads th on th.id = x.thread_id
          join categories cat on cat.id = th.category_id
          join users u on u.id = bp.author_id
      ) r on true
     order by r.ord`;
}

/**
 * The search form (forum/visibility.ts) for one post, as the forum tables have it now (and still in the category,
 * and still solved or not, as filtered on: the index learns of a changed answer only when the outbox reindexed the
 * thread, and a hit under "Opgelost" must not say it is not).
 */
function visible(postId: SQL, categoryId: number | null, filters: SearchFilters): SQL {
  return sql`exists (
    select 1 from posts p join threads t on t.id = p.thread_id
     where p.id = ${postId} and ${searchableSql()} ${categoryId === null ? sql`` : sql`and t.category_id = ${categoryId}`} ${notClosed(filters, sql`t.category_id`)}
       ${solvedIs(filters.solved, solvedSql(sql`t.solution_post_id`))})`;
}

/** `and <solved>` or `and not <solved>` for the solved filter; nothing without it. */
function solvedIs(wanted: boolean | undefined, solved: SQL): SQL {
  if (wanted === undefined) return sql``;
  return wanted ? sql`and ${solved}` : sql`and not ${solved}`;
}

/** The searcher's closed categories left out; an uncorrelated subquery, evaluated once per statement. */
function notClosed(filters: SearchFilters, categoryId: SQL): SQL {
  const closed = filters.closedCategorySlugs ?? [];
  return closed.length === 0 ? sql`` : sql`and ${categoryId} <> all(array(select id from categories where slug = any(${textArray([...closed])})))`;
}

/** A text[] parameter (drizzle would spread a JavaScript array into a list). */
function textArray(values: string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

/** Filters on the document's own columns, so that each can walk its own (…, created_at, post_id) index. */
function filterSql(filters: SearchFilters, categoryId: number | null, d: SQL = sql`d`): SQL {
  const parts: SQL[] = [];
  if (categoryId !== null) parts.push(sql`and ${d}.category_id = ${categoryId}`);
  parts.push(notClosed(filters, sql`${d}.category_id`));
  if (filters.authorId !== undefined) parts.push(sql`and ${d}.author_id = ${filters.authorId}`);
  if (filters.from !== undefined) parts.push(sql`and ${d}.created_at >= ${filters.from.toISOString()}::timestamptz`);
  if (filters.to !== undefined) parts.push(sql`and ${d}.created_at < ${filters.to.toISOString()}::timestamptz`);
  if (filters.threadId !== undefined) parts.push(sql`and ${d}.thread_id = ${filters.threadId}`);
  // No index of its own (half the threads either way would narrow little): checked on the rows the other indexes find.
  parts.push(solvedIs(filters.solved, sql`${d}.solved`));
  return sql.join(parts, sql` `);
}
