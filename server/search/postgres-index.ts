import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { correctableWords, extractWords, foldWord, mapDutchOperators, MARK_END, MARK_START, replaceWords, snippetToHtml } from './text.js';
import type { EngineHit, SearchDocument, SearchFilters, SearchIndex, SearchRequest, SearchResult } from './types.js';

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=15`;
/** Below this many hits on the first page we look for a corrected query. */
const FEW_HITS = 3;

/**
 * The parsed query, widened for Dutch: every lexeme of 4+ letters matches as a prefix (compounds:
 * "fusie" finds "fusiegesprek"), and a lexeme ending in vowel+s also matches without the s, because the
 * dutch snowball stemmer keeps "fusies" and "fusie" apart.
 */
export function widenTsquery(tsquery: string): string {
  return tsquery.replace(/'((?:[^']|'')+)'/g, (_whole, lexeme: string) => {
    const base = /[aeiou]s$/.test(lexeme) && lexeme.length >= 5 ? lexeme.slice(0, -1) : lexeme;
    return base.length >= 4 ? `'${base}':*` : `'${base}'`;
  });
}

/** "-woord" alone would match every post without that word: a query needs something to look for. */
export function hasPositiveTerm(tsquery: string): boolean {
  const withoutNegations = tsquery.replace(/!\s*\([^()]*\)/g, '').replace(/!\s*'(?:[^']|'')+'(?::\*)?/g, '');
  return /'(?:[^']|'')+'/.test(withoutNegations);
}

export class PostgresSearchIndex implements SearchIndex {
  readonly name = 'postgres';
  readonly suggests = true;

  constructor(private readonly db: Db) {}

  async setup(): Promise<void> {}

  async index(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const json = JSON.stringify(docs.map((d) => ({ post_id: d.postId, thread_id: d.threadId, title: d.title, body: d.body, created_at: d.createdAt.toISOString() })));
    const words = [...new Set(docs.flatMap((d) => extractWords(`${d.title} ${d.body}`)))];
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into search_documents (post_id, thread_id, title, body, created_at)
        select post_id, thread_id, title, body, created_at
          from jsonb_to_recordset(${json}::jsonb) as x(post_id int, thread_id int, title text, body text, created_at timestamptz)
        on conflict (post_id) do update
          set thread_id = excluded.thread_id, title = excluded.title, body = excluded.body,
              created_at = excluded.created_at, indexed_at = now()`);
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

  private async tsquery(text: string): Promise<string | null> {
    const [row] = await queryRows<{ q: string }>(this.db, sql`select websearch_to_tsquery('plein_dutch', ${mapDutchOperators(text)})::text as q`);
    const parsed = row?.q ?? '';
    return hasPositiveTerm(parsed) ? widenTsquery(parsed) : null;
  }

  private async run(text: string, request: SearchRequest): Promise<{ hits: EngineHit[]; hasMore: boolean }> {
    const query = await this.tsquery(text);
    if (query === null) return { hits: [], hasMore: false };
    const now = request.now.toISOString();
    const rows = await queryRows<{ post_id: number; thread_id: number; snippet: string }>(
      this.db,
      // The tsquery is spelled out where it is used (not joined from a CTE), so the planner sees a constant and uses the GIN index.
      sql`
      with ranked as (
        select d.post_id, d.thread_id, d.body,
               -- Relevance times a recency factor that falls from 1 (today) towards 0.5 (years ago).
               ts_rank(d.tsv, ${query}::tsquery)::float8
                 * (0.5 + 0.5 / (1 + greatest(extract(epoch from (${now}::timestamptz - d.created_at)), 0) / 86400 / 180)) as score
          from search_documents d
          join posts p on p.id = d.post_id
          join threads t on t.id = d.thread_id
         where d.tsv @@ ${query}::tsquery
           and p.hidden_at is null and p.deleted_at is null and t.hidden_at is null and t.deleted_at is null
           ${filterSql(request.filters)}
         order by score desc, d.post_id desc
         limit ${request.limit + 1} offset ${request.offset}
      )
      select r.post_id, r.thread_id, ts_headline('plein_dutch', r.body, ${query}::tsquery, ${HEADLINE_OPTIONS}) as snippet
        from ranked r
       order by r.score desc, r.post_id desc`,
    );
    return {
      hits: rows.slice(0, request.limit).map((r) => ({ postId: r.post_id, threadId: r.thread_id, snippetHtml: snippetToHtml(r.snippet) })),
      hasMore: rows.length > request.limit,
    };
  }

  /** "kandidaatsteling" → "kandidaatstelling": each unknown word replaced by the most similar known word. */
  private async correct(text: string): Promise<string | null> {
    const replacements = new Map<string, string>();
    for (const word of correctableWords(text).slice(0, 8)) {
      const folded = foldWord(word);
      const [row] = await queryRows<{ word: string; known: boolean }>(
        this.db,
        sql`select w.word, exists (select 1 from search_words where word = ${folded}) as known
              from search_words w
             where w.word % ${folded} and w.word <> ${folded}
             order by similarity(w.word, ${folded}) desc, w.word
             limit 1`,
      );
      if (row && !row.known) replacements.set(word, row.word);
    }
    if (replacements.size === 0) return null;
    return replaceWords(text, replacements);
  }
}

function filterSql(filters: SearchFilters): SQL {
  const parts: SQL[] = [];
  if (filters.categorySlug !== undefined) parts.push(sql`and t.category_id = (select id from categories where slug = ${filters.categorySlug})`);
  if (filters.authorId !== undefined) parts.push(sql`and p.author_id = ${filters.authorId}`);
  if (filters.from !== undefined) parts.push(sql`and d.created_at >= ${filters.from.toISOString()}::timestamptz`);
  if (filters.to !== undefined) parts.push(sql`and d.created_at < ${filters.to.toISOString()}::timestamptz`);
  if (filters.threadId !== undefined) parts.push(sql`and d.thread_id = ${filters.threadId}`);
  return sql.join(parts, sql` `);
}
