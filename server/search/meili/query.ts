import type { ParsedQuery, QueryClause, TermGroup } from '../analysis/types.js';
import type { SearchFilters } from '../types.js';

/**
 * More alternatives than this (OF-groups times synonyms and word forms) are not searched: each is one query of a
 * federated multi-search, and a member who types ten OFs in a row is served by the first sixteen combinations.
 */
const MAX_COMBINATIONS = 16;

/**
 * The Meilisearch queries for a ParsedQuery, in term space (roots and compound parts, as the documents hold them).
 *
 * Meilisearch has no OR operator: `matchingStrategy: 'last'` only drops words from the end until something matches,
 * which ranks "a OF b" as "a b" and never finds a post that says only b when another says a. So every choice of one
 * alternative per OR-group becomes its own query, and the queries run as one federated multi-search that merges
 * them by ranking score (meili-index.ts); a query without OF is a single query.
 *
 * Synonym alternatives are left to Meilisearch's own `synonyms` setting when that is in place (`synonymsInIndex`),
 * so that ranking sees them as synonyms rather than as separate queries.
 */
export function meiliQueries(query: ParsedQuery, synonymsInIndex: boolean): string[] {
  if (query.required.length === 0) return [];
  const choices = query.required.map((group) => group.flatMap((clause) => alternativesOf(clause, synonymsInIndex)));
  const excluded = query.excluded.flatMap((clause) => clause.alternatives.map((a) => `-${termText(a)}`));
  const out: string[] = [];
  const walk = (at: number, picked: TermGroup[]) => {
    if (out.length >= MAX_COMBINATIONS) return;
    if (at === choices.length) {
      out.push(queryText(excluded, picked));
      return;
    }
    for (const choice of choices[at]!) walk(at + 1, [...picked, choice]);
  };
  walk(0, []);
  return [...new Set(out)];
}

function alternativesOf(clause: QueryClause, synonymsInIndex: boolean): TermGroup[] {
  const synonyms = new Set(clause.synonymAlternatives);
  return clause.alternatives
    .filter((_, i) => !(synonymsInIndex && synonyms.has(i)))
    .map((a, i) =>
      // A clause that has synonyms is sent as plain words, not as a phrase: Meilisearch applies synonyms to words
      // ("algemen ledenvergader" → "alv"), never inside a phrase.
      synonymsInIndex && clause.synonymAlternatives.length > 0 && i === 0 ? { ...a, phrase: false } : a,
    );
}

/** One term group as Meilisearch query text: a quoted phrase, or words that must all occur (matchingStrategy 'all'). */
function termText(group: TermGroup): string {
  const terms = group.terms.map(clean).filter((t) => t.length > 0);
  return group.phrase && terms.length > 1 ? `"${terms.join(' ')}"` : terms.join(' ');
}

/**
 * Excluded terms first: Meilisearch treats the query's last word as a prefix ("privacy" finds "privacywet"), which
 * must be the last wanted word. When that word is not meant as a prefix, a trailing space says so: Meilisearch
 * only prefix-matches a word that ends the query.
 */
function queryText(excluded: string[], picked: TermGroup[]): string {
  const last = picked[picked.length - 1];
  const text = [...excluded, ...picked.map(termText)].filter((p) => p.length > 0).join(' ');
  return last && !last.prefix ? `${text} ` : text;
}

/** Terms come from analysis (letters, digits, inner ' and -); nothing else may reach Meilisearch's query syntax. */
function clean(term: string): string {
  return term.replace(/["\s]/g, '').replace(/^-+/, '');
}

/** Filter syntax: values are numbers or quoted strings we built, never raw member input. */
export function filterExpression(filters: SearchFilters, threadIds?: number[]): string | undefined {
  const parts: string[] = [];
  if (filters.categorySlug !== undefined) parts.push(`categorySlug = ${JSON.stringify(filters.categorySlug)}`);
  if (filters.closedCategorySlugs?.length) parts.push(`categorySlug NOT IN [${filters.closedCategorySlugs.map((slug) => JSON.stringify(slug)).join(', ')}]`);
  if (filters.authorId !== undefined) parts.push(`authorId = ${Math.trunc(filters.authorId)}`);
  if (filters.from !== undefined) parts.push(`createdAt >= ${filters.from.getTime()}`);
  if (filters.to !== undefined) parts.push(`createdAt < ${filters.to.getTime()}`);
  if (filters.threadId !== undefined) parts.push(`threadId = ${Math.trunc(filters.threadId)}`);
  // `!= true` rather than `= false`: it also matches documents written before they carried `solved` (no thread
  // was solved then), which are not all rewritten for it (analyzer-version.ts is not bumped for a new field).
  if (filters.solved !== undefined) parts.push(filters.solved ? 'solved = true' : 'solved != true');
  if (threadIds !== undefined) parts.push(`threadId IN [${threadIds.map((id) => Math.trunc(id)).join(', ')}]`);
  return parts.length > 0 ? parts.join(' AND ') : undefined;
}
