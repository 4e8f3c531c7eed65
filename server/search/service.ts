import type { SearchSort } from '../../shared/api/search.js';
import type { Db } from '../db/client.js';
import { buildSnippet, parseQuery, type ParsedQuery } from './analysis/index.js';
import { visibleHits, type VisibleHit } from './visible-hits.js';
import type { SynonymStore } from './synonyms.js';
import { replaceWords } from './text.js';
import type { SearchFilters, SearchIndex } from './types.js';

/** When the typed words find fewer threads than this, a correction that finds more is offered ("Bedoelde je …?"). */
const FEW_THREADS = 3;

export type MatchMode = 'all' | 'some';

export interface SearchAsk {
  /** What the member typed. */
  text: string;
  filters: SearchFilters;
  sort: SearchSort;
  offset: number;
  limit: number;
  now: Date;
  /** A later page continues the question page one answered (from the cursor): no new corrections or fallbacks. */
  continued?: { resultsFor: string; match: MatchMode };
}

export interface SearchHitOut extends VisibleHit {
  snippetHtml: string;
}

export interface SearchAnswer {
  /** The query the hits are for: the typed one, or a correction when the typed words found nothing at all. */
  resultsFor: string;
  match: MatchMode;
  suggestion?: string;
  hits: SearchHitOut[];
  hasMore: boolean;
}

interface Found {
  query: ParsedQuery;
  hits: VisibleHit[];
  hasMore: boolean;
}

/**
 * Who does what when a member searches (the engines only answer one question each):
 * 1. the typed words, every one of them (match 'all');
 * 2. found nothing: the engine's corrections of the typed words; when the corrected words find threads, those are
 *    the answer, said to be for the corrected query (resultsFor), never silently;
 * 3. still nothing and two or more words: the threads with most of the words (match 'some');
 * 4. found only a few: a correction that finds more is offered as a suggestion, not applied.
 * A correction counts only by the threads the member may see, so it never reveals a word of a hidden post.
 */
export class SearchService {
  constructor(
    private readonly db: Db,
    private readonly index: () => SearchIndex,
    private readonly synonyms: SynonymStore,
  ) {}

  async search(ask: SearchAsk): Promise<SearchAnswer> {
    const synonyms = await this.synonyms.current();
    if (ask.continued) {
      const { resultsFor, match } = ask.continued;
      const found = await this.run(parseQuery(resultsFor, synonyms), match === 'some' ? 'most' : 'all', ask);
      return this.answer(resultsFor, match, found);
    }
    const typed = parseQuery(ask.text, synonyms);
    if (typed.required.length === 0) return { resultsFor: ask.text, match: 'all', hits: [], hasMore: false };
    const first = await this.run(typed, 'all', ask);
    if (first.hits.length === 0) {
      const corrected = await this.correct(typed, ask.text);
      if (corrected !== null) {
        const second = await this.run(parseQuery(corrected, synonyms), 'all', ask);
        if (second.hits.length > 0) return this.answer(corrected, 'all', second);
      }
      if (typed.required.length >= 2) {
        const most = await this.run(typed, 'most', ask);
        if (most.hits.length > 0) return this.answer(ask.text, 'some', most);
      }
      return this.answer(ask.text, 'all', first);
    }
    const answer = this.answer(ask.text, 'all', first);
    if (ask.offset === 0 && first.hits.length < FEW_THREADS && !first.hasMore) {
      const corrected = await this.correct(typed, ask.text);
      if (corrected !== null) {
        const other = await this.run(parseQuery(corrected, synonyms), 'all', ask);
        if (other.hits.length > first.hits.length) answer.suggestion = corrected;
      }
    }
    return answer;
  }

  private async run(query: ParsedQuery, match: 'all' | 'most', ask: SearchAsk): Promise<Found> {
    const result = await this.index().search({ query, match, filters: ask.filters, sort: ask.sort, offset: ask.offset, limit: ask.limit, now: ask.now });
    return { query, hits: await visibleHits(this.db, result.hits, ask.filters.closedCategorySlugs), hasMore: result.hasMore };
  }

  /** The typed text with each word the engine corrects replaced; null when there is nothing to correct. */
  private async correct(query: ParsedQuery, text: string): Promise<string | null> {
    if (query.correctable.length === 0) return null;
    const corrections = await this.index().corrections(query.correctable);
    if (corrections.size === 0) return null;
    const corrected = replaceWords(text, corrections);
    return corrected === text ? null : corrected;
  }

  private answer(resultsFor: string, match: MatchMode, found: Found): SearchAnswer {
    return {
      resultsFor,
      match,
      hits: found.hits.map((hit) => ({ ...hit, snippetHtml: buildSnippet(hit.body, found.query) })),
      hasMore: found.hasMore,
    };
  }
}
