import { foldWord } from './fold.js';
import { rootOf, splitCompound } from './lexicon.js';
import { isStopWord } from './stop-words.js';

/**
 * Analysing a word costs a stemmer run per candidate part, and folding it (Unicode normalisation) as much again;
 * posts repeat their words, so results are kept per spelling (bounded).
 */
const cache = new Map<string, readonly string[]>();
const CACHE_MAX = 100_000;

/**
 * The index terms of one word: its root first, then the roots of its parts when it is a compound or hyphenated
 * (ledenwerving → lidwerf, lid, werf; thema-avond → themaavond, thema, avond). A compound's own term is its parts'
 * roots joined, so "ledenwerving" and "ledenwervingen" are one term. Terms are folded (no accents, lower case) and
 * never contain a quote, a hyphen or a space. A stop word has none.
 */
export function wordTerms(word: string): readonly string[] {
  const known = cache.get(word);
  if (known) return known;
  const result = isStopWord(word) ? [] : analyseWord(word);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(word, result);
  return result;
}

function analyseWord(word: string): string[] {
  let folded = foldWord(word);
  // ALV's, auto's: the apostrophe s is a plural ending.
  folded = folded.replace(/'s$/, '').replace(/'/g, '');
  const pieces = folded.split('-').filter(Boolean);
  const analysed = pieces.map(plainTerms);
  const terms = analysed.length === 1 ? analysed[0]! : [analysed.map((t) => t[0]).join(''), ...analysed.flat()];
  return [...new Set(terms.filter(Boolean))];
}

function plainTerms(word: string): string[] {
  const parts = splitCompound(word);
  if (!parts) return [rootOf(word)];
  const roots = parts.map(rootOf);
  return [roots.join(''), ...roots];
}
