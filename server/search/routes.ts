import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { SEARCH_QUERY_MAX, SearchQuery, SearchResponse, SimilarQuery, SimilarResponse, type SearchHit } from '../../shared/api/search.js';
import { LIMITS } from '../../shared/constants.js';
import { fieldLabel } from '../../shared/field-labels.js';
import { queryRows } from '../db/client.js';
import { searchGuideLinks } from '../guide/search.js';
import { closedCategorySlugs } from '../forum/categories.js';
import { badRequest, HttpError } from '../http/errors.js';
import { END_MS, inDateRange } from '../http/dates.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { isEngineUnavailable } from './errors.js';
import type { SearchService } from './service.js';
import { similarThreads } from './similar.js';
import type { SynonymStore } from './synonyms.js';
import type { SearchFilters, SearchIndex } from './types.js';

/** Deeper than this, searching is not the way to find something: refine the query instead. */
const MAX_OFFSET = 1000;
/** "Vergelijkbare discussies" is asked while typing (the composer waits 400 ms between keys): room for that, not for scraping. */
const SIMILAR_PER_MINUTE = 60;

function parseDate(value: string | undefined, field: 'from' | 'to'): Date | undefined {
  if (value === undefined) return undefined;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dayOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw badRequest('invalid_date', `„${fieldLabel(field, 'querystring')}” is geen geldige datum (gebruik JJJJ-MM-DD).`, field);
  }
  // The database holds the years 0001–9999 only; "0000-01-01" or a time zone that moves a moment past them is refused.
  if (!inDateRange(date.getTime())) {
    throw badRequest('invalid_date', `„${fieldLabel(field, 'querystring')}” moet tussen 0001-01-01 en 9999-12-31 liggen.`, field);
  }
  // "tot en met 31 maart" includes that whole day.
  if (dayOnly && field === 'to') date.setUTCDate(date.getUTCDate() + 1);
  // "tot en met 9999-12-31" ends where the range does: no post is later, so there is nothing to filter (and
  // 10000-01-01 is a moment the database cannot take).
  if (date.getTime() >= END_MS) return undefined;
  return date;
}

/**
 * The engine failed. The database is our own problem (the error handler answers 500); an outside engine that is
 * away is not a bug (503, try again); an outside engine refusing what we sent is one (500).
 */
async function engineCall<T>(index: SearchIndex, log: FastifyBaseLogger, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (index.name === 'postgres' || !isEngineUnavailable(err)) throw err;
    log.warn({ err }, 'search engine unavailable');
    throw new HttpError(503, 'search_unavailable', 'Zoeken is even niet beschikbaar. Probeer het zo opnieuw.', undefined, { 'Retry-After': '5' });
  }
}

export default async function searchRoutes(app: FastifyInstance, opts: { service: SearchService; synonyms: SynonymStore; index: () => SearchIndex }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  // A category the searcher may not enter is as unknown as one that does not exist.
  const knownCategory = async (slug: string | undefined, closed: readonly string[]): Promise<string | undefined> => {
    if (slug === undefined) return undefined;
    const [known] = await queryRows<{ slug: string }>(app.db, sql`select slug from categories where slug = ${slug}`);
    if (!known || closed.includes(known.slug)) throw badRequest('unknown_category', 'Die categorie bestaat niet.', 'category');
    return known.slug;
  };

  api.get(
    '/api/search',
    { config: { auth: 'member' }, schema: { summary: 'Zoeken', tags: ['search'], querystring: SearchQuery, response: { 200: SearchResponse } } },
    async (request): Promise<SearchResponse> => {
      const query = request.query;
      const closed = await closedCategorySlugs(app.db, request.user!);
      const filters: SearchFilters = {
        closedCategorySlugs: closed,
        authorId: query.author,
        threadId: query.thread,
        from: parseDate(query.from, 'from'),
        to: parseDate(query.to, 'to'),
        categorySlug: await knownCategory(query.category, closed),
        solved: query.status === undefined ? undefined : query.status === 'solved',
      };
      // A later page continues the question page one answered: its offset (in threads), the moment recency is
      // measured from, the query the hits are for and whether they have all the words. decodeCursor checks each
      // key's kind and range. The filters (status too) are not in it: every page's address repeats them.
      const cursor = decodeCursor(query.cursor, ['number', 'moment', 'string', 'string'] as const);
      const offset = cursor?.[0] ?? 0;
      if (offset > MAX_OFFSET) throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
      const now = cursor?.[1] ?? new Date();
      let continued: { resultsFor: string; match: 'all' | 'some' } | undefined;
      if (cursor) {
        const [, , resultsFor, match] = cursor;
        if (resultsFor.trim() === '' || resultsFor.length > SEARCH_QUERY_MAX || (match !== 'all' && match !== 'some')) {
          throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
        }
        continued = { resultsFor, match };
      }

      const limit = LIMITS.pageSize;
      const sort = query.sort ?? 'relevance';
      const answer = await engineCall(opts.index(), request.log, () =>
        opts.service.search({ text: query.q, filters, sort, offset, limit, now, continued }),
      );
      const hits: SearchHit[] = answer.hits.map((hit) => ({
        threadId: hit.threadId,
        title: hit.current.title,
        categorySlug: hit.current.categorySlug,
        postId: hit.postId,
        snippetHtml: hit.snippetHtml,
        author: { id: hit.current.authorId, displayName: hit.current.authorName },
        createdAt: hit.current.createdAt.toISOString(),
        matchingPosts: Math.max(1, hit.matchingPosts),
        solved: hit.current.solved,
      }));
      const nextOffset = offset + limit;
      // Wegwijzer links have no category, author, date or status: they answer the first page of a search without filters.
      const plain = !cursor && [query.category, query.author, query.from, query.to, query.thread, query.status].every((v) => v === undefined);
      const nextCursor = answer.hasMore && nextOffset <= MAX_OFFSET ? encodeCursor([nextOffset, now.getTime(), answer.resultsFor, answer.match]) : null;
      return {
        query: query.q.trim(),
        resultsFor: answer.resultsFor.trim(),
        match: answer.match,
        ...(answer.suggestion !== undefined ? { suggestion: answer.suggestion } : {}),
        hits,
        nextCursor,
        guideLinks: plain ? await searchGuideLinks(app.db, query.q, await opts.synonyms.current()) : [],
      };
    },
  );

  api.get(
    '/api/search/similar',
    {
      config: { auth: 'member', rateLimit: { max: SIMILAR_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { summary: 'Vergelijkbare discussies bij een nieuwe titel', tags: ['search'], querystring: SimilarQuery, response: { 200: SimilarResponse } },
    },
    async (request): Promise<SimilarResponse> => {
      const closed = await closedCategorySlugs(app.db, request.user!);
      const categorySlug = await knownCategory(request.query.category, closed);
      const index = opts.index();
      const synonyms = await opts.synonyms.current();
      const threads = await engineCall(index, request.log, () =>
        similarThreads(app.db, index, synonyms, { title: request.query.title, categorySlug, closedCategorySlugs: closed, now: new Date() }),
      );
      return { threads };
    },
  );
}
