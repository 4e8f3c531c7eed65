import type { Settings } from 'meilisearch';
import { analyseText } from '../analysis/index.js';
import type { SynonymSet } from '../analysis/types.js';

/**
 * The index's settings. Documents and queries reach Meilisearch already analysed (analysis/: roots and compound
 * parts, stop words gone), so Meilisearch only matches terms: no stop words or Dutch stemming of its own are needed.
 *
 * Searchable attributes, in order of weight: the thread's title (every post carries it, so "fusie ALV" finds a reply
 * saying ALV in a thread called "Fusie"), the post's body, and the title once more on the thread's opening post only
 * (`ownTitleTerms`): the second search (meili-index.ts) looks at a post's own text only (body, or title on the
 * opening post) to pick each thread's best post and count its matching posts, and there the body ranks first.
 */
export const SEARCHABLE = ['titleTerms', 'bodyTerms', 'ownTitleTerms'] as const;
export const THREAD_SEARCH_ON = ['titleTerms', 'bodyTerms'];
export const OWN_SEARCH_ON = ['bodyTerms', 'ownTitleTerms'];

export function indexSettings(synonyms: Record<string, string[]>): Settings {
  return {
    searchableAttributes: [...SEARCHABLE],
    // Returned with a hit: the snippet is cut in the app from `body` (analysis/snippet.ts), never by Meilisearch.
    displayedAttributes: ['postId', 'threadId', 'body'],
    filterableAttributes: ['postId', 'threadId', 'categorySlug', 'authorId', 'createdAt', 'solved'],
    sortableAttributes: ['createdAt'],
    // `sort` right after `words`: "newest" orders by date among posts with as many of the words (with 'all' that is
    // every match); without a sort parameter the rule does nothing. Recency is the last tie-breaker for relevance.
    rankingRules: ['words', 'sort', 'typo', 'proximity', 'attributeRank', 'wordPosition', 'exactness', 'createdAt:desc'],
    // Our terms are Dutch roots; the nld locale keeps Meilisearch's tokenizer from guessing another language.
    localizedAttributes: [{ attributePatterns: ['*Terms'], locales: ['nld'] }],
    // Roots are shorter than words ("kandidaatstell"): one typo from 5 letters, two from 9, as Meilisearch's default.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    stopWords: [],
    synonyms,
    // Hits are threads; a thread's 500th matching post is not needed to rank it.
    pagination: { maxTotalHits: 2000 },
    faceting: { maxValuesPerFacet: 100 },
  };
}

/** An expression of the admins' list in term space: the roots of its words, as documents and queries have them. */
export function termExpression(text: string): string {
  return analyseText(text)
    .map((t) => t.terms[0]!)
    .join(' ');
}

/**
 * The admins' synonym list as Meilisearch's `synonyms` setting, in term space: each expression maps to every other
 * expression of its set ("alv" ↔ "algemen ledenvergader"), which Meilisearch applies to multi-word queries too.
 */
export function synonymSetting(sets: readonly SynonymSet[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const set of sets) {
    const expressions = [...new Set(set.terms.map(termExpression).filter((e) => e.length > 0))];
    for (const expression of expressions) {
      const others = expressions.filter((e) => e !== expression);
      if (others.length === 0) continue;
      out[expression] = [...new Set([...(out[expression] ?? []), ...others])];
    }
  }
  return out;
}
