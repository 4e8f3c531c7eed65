/**
 * The text of a tsquery, written from the analysed query (analysis/query.ts) for the PostgreSQL engine. The terms
 * are index terms already (roots, compound parts), so the text is cast with `::tsquery` and never stemmed again.
 * Pure functions, tested without a database (tests/search/text.test.ts).
 */
import { analyseText } from './analysis/index.js';
import type { ParsedQuery, QueryClause, TermGroup } from './analysis/types.js';

/** A term as a tsquery (and tsvector) lexeme: quoted, with quotes doubled and backslashes escaped. */
export function lexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** `weights`: restrict to these tsvector weights ('B' = the post's own text; see postgres-tsvector.ts). */
function term(text: string, prefix: boolean, weights: string): string {
  const label = `${prefix ? '*' : ''}${weights}`;
  return label ? `${lexeme(text)}:${label}` : lexeme(text);
}

/**
 * How far apart a phrase's words are in a document: a stop word inside a phrase ("verklaring omtrent het gedrag")
 * is not indexed but keeps its position, so the words around it are 2 apart. Taken from the typed words when the
 * analysis of the clause gives the same terms; 1 otherwise.
 */
function phraseDistances(group: TermGroup, typed: string | undefined): number[] {
  const ones = group.terms.slice(1).map(() => 1);
  const positions = (group as TermGroup & { positions?: readonly number[] }).positions;
  if (positions && positions.length === group.terms.length) return positions.slice(1).map((p, i) => Math.max(1, p - positions[i]!));
  if (typed === undefined) return ones;
  const tokens = analyseText(typed);
  if (tokens.length !== group.terms.length || tokens.some((t, i) => !t.terms.includes(group.terms[i]!))) return ones;
  return tokens.slice(1).map((t, i) => Math.max(1, t.position - tokens[i]!.position));
}

function groupQuery(group: TermGroup, typed: string | undefined, weights: string): string {
  const last = group.terms.length - 1;
  const terms = group.terms.map((t, i) => term(t, group.prefix && i === last, weights));
  if (terms.length === 1) return terms[0]!;
  if (!group.phrase) return `(${terms.join(' & ')})`;
  const distances = phraseDistances(group, typed);
  return `(${terms.map((t, i) => (i === 0 ? t : ` ${distances[i - 1] === 1 ? '<->' : `<${distances[i - 1]}>`} ${t}`)).join('')})`;
}

/** A clause matches when any alternative does (the typed words, their synonyms). */
function clauseQuery(clause: QueryClause, weights = ''): string {
  const parts = clause.alternatives.map((g, i) => groupQuery(g, i === 0 ? clause.typed : undefined, weights));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`;
}

/** One required group: clauses joined by OF, any one suffices. */
export function requiredGroupQuery(group: readonly QueryClause[]): string {
  const parts = group.map((c) => clauseQuery(c));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`;
}

function excludedQuery(query: ParsedQuery): string {
  return query.excluded.map((c) => ` & !${clauseQuery(c)}`).join('');
}

/**
 * The posts a search matches. 'all': every required group; 'most': any of them (ranked later by how many). Null
 * when the query asks for nothing (only stop words, operators or -words: "-fusie" alone would match every post
 * without that word).
 */
export function matchQuery(query: ParsedQuery, match: 'all' | 'most'): string | null {
  if (query.required.length === 0) return null;
  const groups = query.required.map(requiredGroupQuery);
  const joined = groups.length === 1 ? groups[0]! : `(${groups.join(match === 'all' ? ' & ' : ' | ')})`;
  return `${joined}${excludedQuery(query)}`;
}

/**
 * Posts with at least `k` of the required groups (every way of choosing k of them, OR'ed): the first try of match
 * 'most' with three or more groups, so that "jongeren lid maken" answers threads with two of the words before
 * threads with one. Null when that is every group or none.
 */
export function atLeastQuery(query: ParsedQuery, k: number): string | null {
  const groups = query.required.map(requiredGroupQuery);
  if (k <= 1 || k >= groups.length) return null;
  const choices: string[] = [];
  const choose = (from: number, picked: string[]) => {
    if (picked.length === k) return void choices.push(`(${picked.join(' & ')})`);
    for (let i = from; i <= groups.length - (k - picked.length); i++) choose(i + 1, [...picked, groups[i]!]);
  };
  choose(0, []);
  return `(${choices.join(' | ')})${excludedQuery(query)}`;
}

/**
 * Every positive term on its own, restricted to `weights`: "does this post's own text mention any of the words?"
 * (B: the body; AB: the body or the thread's title on its opening post).
 */
export function anyTermQuery(query: ParsedQuery, weights: string): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const clause of query.required.flat()) {
    for (const group of clause.alternatives) {
      group.terms.forEach((t, i) => {
        const prefix = group.prefix && i === group.terms.length - 1;
        const key = `${t}\u0000${prefix}`;
        if (seen.has(key)) return;
        seen.add(key);
        parts.push(term(t, prefix, weights));
      });
    }
  }
  return parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`;
}

/** The positive terms as arrays for SQL: exact lexemes, and LIKE patterns for the prefix ones. */
export function highlightTerms(query: ParsedQuery): { exact: string[]; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const clause of query.required.flat()) {
    for (const group of clause.alternatives) {
      group.terms.forEach((t, i) => {
        if (group.prefix && i === group.terms.length - 1) prefixes.add(`${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        else exact.add(t);
      });
    }
  }
  return { exact: [...exact], prefixes: [...prefixes] };
}
