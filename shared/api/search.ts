import { Type, type Static } from 'typebox';
import { AuthorRef } from './forum.js';
import { NextCursor, Timestamp } from './common.js';

export const SEARCH_QUERY_MAX = 200;

/**
 * GET /api/search. Dates as YYYY-MM-DD (a whole day; `to` includes that day) or a full ISO timestamp, from
 * 0001-01-01 to 9999-12-31 (what the database holds); outside that range the server answers 400 invalid_date.
 */
export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: SEARCH_QUERY_MAX, pattern: '\\S' }),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  author: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  from: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
  to: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
  thread: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  cursor: Type.Optional(Type.String({ maxLength: 1200 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Object({
  threadId: Type.Integer(),
  postId: Type.Integer(),
  title: Type.String(),
  /** Escaped text of the post around the matches; the only markup is <mark>. */
  snippetHtml: Type.String(),
  categorySlug: Type.String(),
  author: AuthorRef,
  createdAt: Timestamp,
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchResponse = Type.Object({
  hits: Type.Array(SearchHit),
  nextCursor: NextCursor,
  /** "Bedoelde je …?": a corrected query that finds more. When the typed query found nothing, the hits are this one's. */
  suggestion: Type.Optional(Type.String()),
});
export type SearchResponse = Static<typeof SearchResponse>;
