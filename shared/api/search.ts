import { Type, type Static } from 'typebox';
import { AuthorRef } from './forum.js';
import { NextCursor, OneOf, Timestamp } from './common.js';
import { GuideSearchLink } from './guide.js';

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_SORTS = ['relevance', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const SEARCH_STATUSES = ['solved', 'unsolved'] as const;
export type SearchStatus = (typeof SEARCH_STATUSES)[number];

/**
 * GET /api/search. Dates as YYYY-MM-DD (a whole day; `to` includes that day) or a full ISO timestamp, from
 * 0001-01-01 to 9999-12-31 (what the database holds); outside that range the server answers 400 invalid_date.
 * `sort`: relevance (default) or newest (by the thread's newest matching post).
 */
export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: SEARCH_QUERY_MAX, pattern: '\\S' }),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  author: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  from: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
  to: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
  thread: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  sort: Type.Optional(OneOf(SEARCH_SORTS)),
  /** Only threads with a best answer ('solved') or without one ('unsolved'). */
  status: Type.Optional(OneOf(SEARCH_STATUSES)),
  cursor: Type.Optional(Type.String({ maxLength: 1200 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

/** One thread that matches, shown through its best-matching post. */
export const SearchHit = Type.Object({
  threadId: Type.Integer(),
  title: Type.String(),
  categorySlug: Type.String(),
  /** The best-matching post: the hit links to it (/t/:threadId#post-:postId) and the snippet is from it. */
  postId: Type.Integer(),
  /** Escaped text of that post around the matches; the only markup is <mark>. */
  snippetHtml: Type.String(),
  author: AuthorRef,
  createdAt: Timestamp,
  /** How many posts of the thread match (at least 1). */
  matchingPosts: Type.Integer({ minimum: 1 }),
  /** The thread has a best answer members can read ("Opgelost"). */
  solved: Type.Boolean(),
});
export type SearchHit = Static<typeof SearchHit>;

export const SEARCH_MATCHES = ['all', 'some'] as const;

export const SearchResponse = Type.Object({
  /** What the member typed. */
  query: Type.String(),
  /**
   * The query the hits are for. Equal to `query`, or, when the typed words found nothing at all, a corrected query
   * ("fuseren" typed as "fusern"): the client then says "Geen resultaten voor ‘query’" and shows these hits under
   * their own heading. Never silently another question.
   */
  resultsFor: Type.String(),
  /** 'all': threads with every word; 'some': no thread has them all, these have most of them (ranked by how many). */
  match: OneOf(SEARCH_MATCHES),
  /** "Bedoelde je …?": a correction offered (not applied) when the typed words found only a few threads. */
  suggestion: Type.Optional(Type.String()),
  hits: Type.Array(SearchHit),
  nextCursor: NextCursor,
  /**
   * Wegwijzer links with every typed word (server/guide/search.ts), best first, at most GUIDE_SEARCH_LINKS: on the
   * first page of a search without filters; empty otherwise (links have no category, author or date).
   */
  guideLinks: Type.Array(GuideSearchLink),
});
export type SearchResponse = Static<typeof SearchResponse>;

export const SIMILAR_THREADS_MAX = 5;

/** GET /api/search/similar: threads that look like the question a member is typing as a new thread's title. */
export const SimilarQuery = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
});
export type SimilarQuery = Static<typeof SimilarQuery>;

export const SimilarThread = Type.Object({
  threadId: Type.Integer(),
  title: Type.String(),
  categorySlug: Type.String(),
  postCount: Type.Integer(),
  lastPostAt: Timestamp,
});
export type SimilarThread = Static<typeof SimilarThread>;

export const SimilarResponse = Type.Object({ threads: Type.Array(SimilarThread, { maxItems: SIMILAR_THREADS_MAX }) });
export type SimilarResponse = Static<typeof SimilarResponse>;

/** Admin: the synonym list (/api/admin/search-synonyms). A group is 2–10 expressions that mean the same. */
export const SynonymGroupInput = Type.Object({
  terms: Type.Array(Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }), { minItems: 2, maxItems: 10 }),
});
export type SynonymGroupInput = Static<typeof SynonymGroupInput>;

export const SynonymGroup = Type.Object({ id: Type.Integer(), terms: Type.Array(Type.String()), updatedAt: Timestamp });
export type SynonymGroup = Static<typeof SynonymGroup>;

export const SynonymList = Type.Object({ groups: Type.Array(SynonymGroup) });
export type SynonymList = Static<typeof SynonymList>;
