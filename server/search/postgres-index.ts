import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { searchableSql } from '../forum/visibility.js';
import { snippetSql } from './postgres-snippets.js';
import { correctableWords, extractWords, foldWord, mapDutchOperators, replaceWords, snippetToHtml } from './text.js';
import { collapseCompounds, hasPositiveTerm, widenTsquery } from './tsquery.js';
import type { EngineHit, SearchDocument, SearchFilters, SearchIndex, SearchRequest, SearchResult } from './types.js';

/** Below this many hits on the first page we look for a corrected query. */
const FEW_HITS = 3;
/**
 * Matches are ranked a window at a time: the newest RANK_WINDOW matches ordered by relevance, then the next
 * RANK_WINDOW, and so on (docs/decisions/004-search-ranking-window.md). Ranking every match of a common word
 * (a third of all posts say "gemeente") cost seconds; a window of a common word costs about the same whatever the corpus size.
 * A multiple of the page size, so a page never straddles two windows.
 */
export const RANK_WINDOW = 100;

export class PostgresSearchIndex implements SearchIndex {
  readonly name = 'postgres';
  readonly suggests = true;

  constructor(private readonly db: Db) {}

  async setup(): Promise<void> {}

  async index(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const json = JSON.stringify(
      docs.map((d) => ({
        post_id: d.postId,
        thread_id: d.threadId,
        category_slug: d.categorySlug,
        author_id: d.authorId,
        title: d.title,
        body: d.body,
        created_at: d.createdAt.toISOString(),
      })),
    );
    const words = [...new Set(docs.flatMap((d) => extractWords(`${d.title} ${d.body}`)))];
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into search_documents (post_id, thread_id, category_id, author_id, title, body, created_at)
        select x.post_id, x.thread_id, c.id, x.author_id, x.title, x.body, x.created_at
          from jsonb_to_recordset(${json}::jsonb)
               as x(post_id int, thread_id int, category_slug text, author_id int, title text, body text, created_at timestamptz)
          join categories c on c.slug = x.category_slug
        on conflict (post_id) do update
          set thread_id = excluded.thread_id, category_id = excluded.category_id, author_id = excluded.author_id,
              title = excluded.title, body = excluded.body, created_at = excluded.created_at, indexed_at = now()`);
      if (words.length > 0) {
        await tx.execute(sql`insert into search_words (word) select jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) on conflict do nothing`);
      }
    });
  }

  async remove(postIds: number[]): Promise<void> {
    if (postIds.length === 0) return;
    await this.db.execute(sql`delete from search_documents where post_id in (select jsonb_array_elements_text(${JSON.stringify(postIds)}::jsonb)::int)`);
  }

  async health(): Promise<'ok' | 'degraded'> {
    await this.db.execute(sql`select 1 from search_documents limit 1`);
    return 'ok';
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const first = await this.run(request.text, request);
    if (!request.allowCorrection || request.offset > 0 || first.hits.length >= FEW_HITS) return { ...first, usedText: request.text };
    const corrected = await this.correct(request.text);
    if (corrected === null) return { ...first, usedText: request.text };
    const second = await this.run(corrected, request);
    // A suggestion must find something a member may see; otherwise it could reveal words of hidden posts.
    if (second.hits.length === 0) return { ...first, usedText: request.text };
    if (first.hits.length > 0) return { ...first, suggestion: corrected, usedText: request.text };
    return { ...second, suggestion: corrected, usedText: corrected };
  }

  /** The widened tsquery, and the id of the category filter, in one round trip. */
  private async parse(text: string, filters: SearchFilters): Promise<{ query: string | null; categoryId: number | null }> {
    const [row] = await queryRows<{ q: string; category_id: number | null }>(
      this.db,
      sql`select websearch_to_tsquery('plein_dutch', ${mapDutchOperators(text)})::text as q,
                 ${filters.categorySlug === undefined ? sql`null::int` : sql`(select id from categories where slug = ${filters.categorySlug})`} as category_id`,
    );
    const parsed = row?.q ?? '';
    return { query: hasPositiveTerm(parsed) ? widenTsquery(collapseCompounds(parsed)) : null, categoryId: row?.category_id ?? null };
  }

  private async run(text: string, request: SearchRequest): Promise<{ hits: EngineHit[]; hasMore: boolean }> {
    const { query, categoryId } = await this.parse(text, request.filters);
    if (query === null) return { hits: [], hasMore: false };
    if (request.filters.categorySlug !== undefined && categoryId === null) return { hits: [], hasMore: false };
    const { offset, limit } = request;
    const firstWindow = Math.floor(offset / RANK_WINDOW);
    const lastWindow = Math.floor((offset + limit - 1) / RANK_WINDOW);
    // One match past the page's last window answers "is there a next page?".
    const candidates = (lastWindow + 1) * RANK_WINDOW + 1;
    const now = request.now.toISOString();
    const snippet = snippetSql(query);
    const rows = await queryRows<{
      post_id: number;
      thread_id: number;
      visible: boolean;
      snippet: string | null;
      more: boolean;
      title: string;
      category_slug: string;
      author_id: number;
      author_name: string;
      created_at: Date | string;
    }>(
      this.db,
      // 1. candidates: the newest matches, found by walking a (…, created_at, post_id) index for a common word or
      //    through the GIN index for a rare one (the planner picks), touching no tsvector beyond the match test.
      // 2. the page's windows ranked: ts_rank only there. 3. for the page's rows only: visibility, what the hit
      //    shows (title, category, author, as the forum tables have them now) and the headline (postgres-snippets.ts).
      // The tsquery is spelled out where it is used (not joined from a CTE), so the planner sees a constant.
      sql`
      with candidates as materialized (
        select d.post_id, (row_number() over (order by d.created_at desc, d.post_id desc) - 1) / ${RANK_WINDOW} as win
          from search_documents d
         where d.tsv @@ ${query}::tsquery ${filterSql(request.filters, categoryId)}
         order by d.created_at desc, d.post_id desc
         limit ${candidates}
      ), page as (
        select d.post_id, d.thread_id, d.body, d.tsv, c.win,
               -- Relevance times a recency factor that falls from 1 (today) towards 0.5 (years ago).
               ts_rank(d.tsv, ${query}::tsquery)::float8
                 * (0.5 + 0.5 / (1 + greatest(extract(epoch from (${now}::timestamptz - d.created_at)), 0) / 86400 / 180)) as score
          from candidates c
          join search_documents d on d.post_id = c.post_id
         where c.win between ${firstWindow} and ${lastWindow}
         order by c.win, score desc, d.post_id desc
         offset ${offset - firstWindow * RANK_WINDOW} limit ${limit}
      )
      select g.post_id, g.thread_id, v.visible,
             case when v.visible then ${snippet.value} end as snippet,
             (select count(*) from candidates) > ${offset + limit} as more,
             t.title, c.slug as category_slug, p.author_id, u.display_name as author_name, p.created_at
        from page g
        join posts p on p.id = g.post_id
        join threads t on t.id = p.thread_id
        join categories c on c.id = t.category_id
        join users u on u.id = p.author_id
        cross join lateral (
          select ${searchableSql()}
                 ${categoryId === null ? sql`` : sql`and t.category_id = ${categoryId}`} as visible
        ) v
        ${snippet.joins}
       order by g.win, g.score desc, g.post_id desc`,
    );
    return {
      hits: rows
        .filter((r) => r.visible)
        .map((r) => ({
          postId: r.post_id,
          threadId: r.thread_id,
          snippetHtml: snippetToHtml(r.snippet ?? ''),
          current: { title: r.title, categorySlug: r.category_slug, authorId: r.author_id, authorName: r.author_name, createdAt: new Date(r.created_at) },
        })),
      hasMore: rows[0]?.more ?? false,
    };
  }

  /** "kandidaatsteling" → "kandidaatstelling": each unknown word replaced by the most similar known word, in one query. */
  private async correct(text: string): Promise<string | null> {
    const words = [...new Set(correctableWords(text).slice(0, 8))];
    if (words.length === 0) return null;
    const folded = words.map(foldWord);
    const rows = await queryRows<{ i: number; word: string }>(
      this.db,
      sql`select q.i::int as i, s.word
            from jsonb_array_elements_text(${JSON.stringify(folded)}::jsonb) with ordinality as q(typed, i)
            cross join lateral (
              select w.word from search_words w
               where w.word % q.typed and w.word <> q.typed
               order by similarity(w.word, q.typed) desc, w.word
               limit 1
            ) s
           where not exists (select 1 from search_words k where k.word = q.typed)`,
    );
    if (rows.length === 0) return null;
    const replacements = new Map(rows.map((r) => [words[r.i - 1]!, r.word]));
    return replaceWords(text, replacements);
  }
}

/** Filters on the document's own columns, so that each can walk its own (…, created_at, post_id) index. */
function filterSql(filters: SearchFilters, categoryId: number | null): SQL {
  const parts: SQL[] = [];
  if (categoryId !== null) parts.push(sql`and d.category_id = ${categoryId}`);
  if (filters.authorId !== undefined) parts.push(sql`and d.author_id = ${filters.authorId}`);
  if (filters.from !== undefined) parts.push(sql`and d.created_at >= ${filters.from.toISOString()}::timestamptz`);
  if (filters.to !== undefined) parts.push(sql`and d.created_at < ${filters.to.toISOString()}::timestamptz`);
  if (filters.threadId !== undefined) parts.push(sql`and d.thread_id = ${filters.threadId}`);
  return sql.join(parts, sql` `);
}
