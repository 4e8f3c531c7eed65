import type { Config } from '../config.js';

/** One post as a search engine stores it: only posts members may see are ever indexed. */
export interface SearchDocument {
  postId: number;
  threadId: number;
  title: string;
  /** Plain text of the post (from its sanitized HTML), without our snippet sentinels. */
  body: string;
  categorySlug: string;
  authorId: number;
  authorName: string;
  createdAt: Date;
}

export interface SearchFilters {
  categorySlug?: string;
  authorId?: number;
  /** Inclusive lower bound on the post's creation time. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  threadId?: number;
}

export interface SearchRequest {
  /** What the member typed (at most 200 characters, checked by the route). */
  text: string;
  filters: SearchFilters;
  offset: number;
  limit: number;
  /** The moment recency is measured from; kept in the cursor so every page ranks alike. */
  now: Date;
  /** Try a corrected query ("bedoelde je …?") when the text finds (almost) nothing. Off for later pages. */
  allowCorrection: boolean;
}

export interface EngineHit {
  postId: number;
  threadId: number;
  /** Escaped text with only <mark> … </mark> added. */
  snippetHtml: string;
  /**
   * What the hit shows, read from the forum tables in the same statement that checked the post and its thread are
   * visible (PostgreSQL): the route then needs no query of its own. Absent for an outside engine.
   */
  current?: CurrentHitData;
}

/** A hit's title, category and author as the forum tables have them now. */
export interface CurrentHitData {
  title: string;
  categorySlug: string;
  authorId: number;
  authorName: string;
  createdAt: Date;
}

export interface SearchResult {
  hits: EngineHit[];
  hasMore: boolean;
  /** The corrected query, when one was found. */
  suggestion?: string;
  /** The query the hits belong to: the corrected one when the typed one found nothing. */
  usedText: string;
}

/** A search engine behind the forum. Implementations: PostgreSQL (default) and Meilisearch. */
export interface SearchIndex {
  readonly name: 'postgres' | 'meilisearch';
  /** Whether the engine offers "bedoelde je …?" suggestions (Meilisearch corrects typos silently instead). */
  readonly suggests: boolean;
  /** Applies settings (Meilisearch); may fail while the engine is down, and is then retried before indexing. */
  setup(): Promise<void>;
  /** Adds or replaces documents; resolves only once the engine accepted them. */
  index(docs: SearchDocument[]): Promise<void>;
  remove(postIds: number[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  health(): Promise<'ok' | 'degraded'>;
}

export type SearchEngineConfig = Pick<Config, 'meiliUrl' | 'meiliMasterKey'>;
