import { wordTerms } from './word.js';
import type { AnalysedToken } from './types.js';

/**
 * Bump when analysis changes what terms a text gets, or an engine how it writes them (postgres-tsvector.ts): the
 * search plugin then reindexes every post at start (search_state.analyzer), so old and new never mix in one index.
 */
export const ANALYSIS_VERSION = '3';

/** Words: letters and digits, with inner apostrophes and hyphens ("zo'n", "thema-avond") kept together. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/** Positions PostgreSQL keeps in a tsvector (1–16383); later words share the last one. */
export const MAX_POSITION = 16383;

/** The index terms of a text, word by word (stop words skipped, but counted for positions). */
export function analyseText(text: string): AnalysedToken[] {
  const tokens: AnalysedToken[] = [];
  let position = 0;
  for (const match of text.matchAll(WORD)) {
    position = Math.min(position + 1, MAX_POSITION);
    const word = match[0];
    const terms = wordTerms(word);
    if (terms.length === 0) continue;
    tokens.push({ position, start: match.index, end: match.index + word.length, terms: [...terms] });
  }
  return tokens;
}

/** Every distinct term of a text (for an engine that keeps terms as plain text, like Meilisearch). */
export function termsOf(text: string): string[] {
  return [...new Set(analyseText(text).flatMap((t) => t.terms))];
}
