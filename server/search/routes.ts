import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { SearchQuery, SearchResponse, type SearchHit } from '../../shared/api/search.js';
import { LIMITS } from '../../shared/constants.js';
import { queryRows, type Db } from '../db/client.js';
import { searchableSql } from '../forum/visibility.js';
import { badRequest, HttpError } from '../http/errors.js';
import { END_MS, inDateRange } from '../http/dates.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import type { CurrentHitData, SearchFilters, SearchIndex } from './types.js';

/** Deeper than this, searching is not the way to find something: refine the query instead. */
const MAX_OFFSET = 1000;

function parseDate(value: string | undefined, field: 'from' | 'to'): Date | undefined {
  if (value === undefined) return undefined;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dayOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw badRequest('invalid_date', `"${field}" is geen geldige datum (gebruik JJJJ-MM-DD).`, field);
  }
  // The database holds the years 0001–9999 only; "0000-01-01" or a time zone that moves a moment past them is refused.
  if (!inDateRange(date.getTime())) {
    throw badRequest('invalid_date', `"${field}" moet tussen 0001-01-01 en 9999-12-31 liggen.`, field);
  }
  // "tot en met 31 maart" includes that whole day.
  if (dayOnly && field === 'to') date.setUTCDate(date.getUTCDate() + 1);
  // "tot en met 9999-12-31" ends where the range does: no post is later, so there is nothing to filter (and
  // 10000-01-01 is a moment the database cannot take).
  if (date.getTime() >= END_MS) return undefined;
  return date;
}

interface HitRow {
  post_id: number;
  thread_id: number;
  title: string;
  category_slug: string;
  author_id: number;
  author_name: string;
  created_at: Date | string;
}

/** Titles, categories and authors come from the forum tables as they are now, and only for posts still visible. */
async function hydrate(db: Db, postIds: number[]): Promise<Map<number, HitRow>> {
  if (postIds.length === 0) return new Map();
  const rows = await queryRows<HitRow>(
    db,
    sql`select p.id as post_id, p.thread_id, t.title, c.slug as category_slug, p.author_id, u.display_name as author_name, p.created_at
          from posts p
          join threads t on t.id = p.thread_id
          join categories c on c.id = t.category_id
          join users u on u.id = p.author_id
         where p.id in (select jsonb_array_elements_text(${JSON.stringify(postIds)}::jsonb)::int)
           and ${searchableSql()}`,
  );
  return new Map(rows.map((r) => [r.post_id, r]));
}

function fromEngine(postId: number, threadId: number, current: CurrentHitData): HitRow {
  return {
    post_id: postId,
    thread_id: threadId,
    title: current.title,
    category_slug: current.categorySlug,
    author_id: current.authorId,
    author_name: current.authorName,
    created_at: current.createdAt,
  };
}

export default async function searchRoutes(app: FastifyInstance, opts: { index: () => SearchIndex }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/search',
    { config: { auth: 'member' }, schema: { querystring: SearchQuery, response: { 200: SearchResponse } } },
    async (request) => {
      const query = request.query;
      const filters: SearchFilters = {
        authorId: query.author,
        threadId: query.thread,
        from: parseDate(query.from, 'from'),
        to: parseDate(query.to, 'to'),
      };
      if (query.category !== undefined) {
        const [known] = await queryRows<{ slug: string }>(app.db, sql`select slug from categories where slug = ${query.category}`);
        if (!known) throw badRequest('unknown_category', 'Die categorie bestaat niet.', 'category');
        filters.categorySlug = known.slug;
      }
      // The cursor carries the offset, the moment recency is measured from, and the (corrected) query of page one.
      // decodeCursor checks each key's range: the offset as a count, the moment within the years 0001–9999.
      const cursor = decodeCursor(query.cursor, ['number', 'moment', 'string'] as const);
      const offset = cursor?.[0] ?? 0;
      if (offset > MAX_OFFSET) throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
      const now = cursor?.[1] ?? new Date();
      const text = cursor?.[2] || query.q;
      if (text.length > 200) throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');

      const limit = LIMITS.pageSize;
      const index = opts.index();
      let result: Awaited<ReturnType<SearchIndex['search']>>;
      try {
        result = await index.search({ text, filters, offset, limit, now, allowCorrection: cursor === null });
      } catch (err) {
        // The database is our own problem (the error handler answers 500/503); an external engine being away is not a bug.
        if (index.name === 'postgres') throw err;
        request.log.warn({ err }, 'search engine unavailable');
        throw new HttpError(503, 'search_unavailable', 'Zoeken is even niet beschikbaar. Probeer het zo opnieuw.', undefined, { 'Retry-After': '5' });
      }
      // Whatever the engine says, a hit is shown only if the post and its thread are visible right now: checked here,
      // unless the engine read the hits from the forum tables in the statement that checked that (PostgreSQL).
      const rows = await hydrate(app.db, result.hits.filter((h) => h.current === undefined).map((h) => h.postId));
      const hits: SearchHit[] = [];
      for (const hit of result.hits) {
        const row = hit.current ? fromEngine(hit.postId, hit.threadId, hit.current) : rows.get(hit.postId);
        if (!row) continue;
        hits.push({
          threadId: row.thread_id,
          postId: row.post_id,
          title: row.title,
          snippetHtml: hit.snippetHtml,
          categorySlug: row.category_slug,
          author: { id: row.author_id, displayName: row.author_name },
          createdAt: new Date(row.created_at).toISOString(),
        });
      }
      const nextOffset = offset + limit;
      const nextCursor = result.hasMore && nextOffset <= MAX_OFFSET ? encodeCursor([nextOffset, now.getTime(), result.usedText]) : null;
      return { hits, nextCursor, ...(result.suggestion ? { suggestion: result.suggestion } : {}) };
    },
  );
}
