import type { SearchSort } from '../../shared/api/search.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { ParsedQuery, SynonymSet } from './analysis/types.js';

/** One post as a search engine stores it: only posts members may see are ever indexed. */
export interface SearchDocument {
  postId: number;
  threadId: number;
  title: string;
  /** Plain text of the post (from its sanitized HTML), without control characters. */
  body: string;
  categorySlug: string;
  authorId: number;
  authorName: string;
  createdAt: Date;
  /**
   * The post's thread is solved (forum/solved.ts) as the index was last told: what the solved filter walks. Hits
   * show the current state instead (CurrentHitData.solved); a change of the answer reindexes the whole thread.
   */
  solved: boolean;
}

export interface SearchFilters {
  categorySlug?: string;
  /**
   * Categories the searcher may not enter (forum/categories.ts closedCategorySlugs): none of their posts is a hit.
   * An exclusion, not a list of allowed ones: with nothing restricted it is empty and costs nothing.
   */
  closedCategorySlugs?: readonly string[];
  authorId?: number;
  /** Inclusive lower bound on the post's creation time. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  threadId?: number;
  /** Only posts of threads that are solved (true) or not (false); undefined: both. */
  solved?: boolean;
}

/** One search as the engines get it: the member's words already analysed (analysis/query.ts). Paging is in threads. */
export interface SearchRequest {
  query: ParsedQuery;
  /**
   * 'all': a thread matches when one of its posts matches every required group. 'most': posts that match at least
   * one group, ranked first by how many groups they match (the fallback when nothing has all the words, and what
   * "Vergelijkbare discussies" uses).
   */
  match: 'all' | 'most';
  filters: SearchFilters;
  sort: SearchSort;
  /** Threads to skip and to return. */
  offset: number;
  limit: number;
  /** The moment recency is measured from; kept in the cursor so every page ranks alike. */
  now: Date;
}

/** A matching thread as an engine found it. */
export interface EngineThreadHit {
  threadId: number;
  /** The thread's best-matching post: the hit links there and its snippet is cut from it. */
  postId: number;
  /** How many of the thread's indexed posts match (at least 1). */
  matchingPosts: number;
  /** The best post's plain text as the engine holds it; analysis/snippet.ts cuts the snippet from it. */
  body: string;
  /**
   * What the hit shows, read from the forum tables in the same statement that checked the post and its thread are
   * visible (PostgreSQL): the route then needs no query of its own. Absent for an outside engine.
   */
  current?: CurrentHitData;
}

/** A hit's title, category, author and whether its thread is solved, as the forum tables have them now. */
export interface CurrentHitData {
  title: string;
  categorySlug: string;
  authorId: number;
  authorName: string;
  createdAt: Date;
  solved: boolean;
}

export interface SearchResult {
  hits: EngineThreadHit[];
  hasMore: boolean;
}

/** A search engine behind the forum. Implementations: PostgreSQL (default) and Meilisearch. */
export interface SearchIndex {
  readonly name: 'postgres' | 'meilisearch';
  /** Applies settings (Meilisearch); may fail while the engine is down, and is then retried before indexing. */
  setup(): Promise<void>;
  /**
   * Brings the index in line with these posts as the forum database has them now (documents.ts): writes those search
   * may show, drops the others; resolves once the engine accepted it. This is what the outbox calls. Several workers
   * may sync one post at once; each engine makes sure the newest state is what stays (PostgreSQL: the posts are
   * locked around loading and writing; Meilisearch: every write is checked against the database afterwards).
   */
  sync(db: Db, postIds: number[]): Promise<{ indexed: number; removed: number }>;
  /** Adds or replaces documents as given; resolves only once the engine accepted them. */
  index(docs: SearchDocument[]): Promise<void>;
  remove(postIds: number[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  /**
   * Corrections for typed words that no indexed post contains ("kandidaatsteling" → "kandidaatstelling"), keyed by
   * the word as given. An engine that tolerates typos itself (Meilisearch) returns an empty map.
   */
  corrections(words: string[]): Promise<Map<string, string>>;
  /** The admins' synonym list, for an engine that keeps synonyms in its own settings (Meilisearch); PostgreSQL gets them in the query. */
  setSynonyms(groups: readonly SynonymSet[]): Promise<void>;
  health(): Promise<'ok' | 'degraded'>;
  /**
   * Deletes what the index holds of posts that are gone or may no longer be shown, after a full reindex. Only an
   * outside engine needs it: PostgreSQL's documents are removed with their posts (a foreign key) or by the outbox.
   */
  pruneStale?(): Promise<number>;
}

export type SearchEngineConfig = Pick<Config, 'meiliUrl' | 'meiliMasterKey' | 'meiliApiKey'>;
