/**
 * The text of a tsquery (as websearch_to_tsquery writes it), rewritten for the PostgreSQL engine. Pure functions,
 * so they are tested without a database (tests/search/text.test.ts).
 */

/**
 * The parsed query, widened for Dutch: every lexeme of 4+ letters matches as a prefix (compounds:
 * "fusie" finds "fusiegesprek"), and a lexeme ending in vowel+s also matches without the s, because the
 * dutch snowball stemmer keeps "fusies" and "fusie" apart.
 */
export function widenTsquery(tsquery: string): string {
  return tsquery.replace(/'((?:[^']|'')+)'/g, (_whole, lexeme: string) => {
    const base = /[aeiou]s$/.test(lexeme) && lexeme.length >= 5 ? lexeme.slice(0, -1) : lexeme;
    return base.length >= 4 ? `'${base}':*` : `'${base}'`;
  });
}

/**
 * websearch_to_tsquery spells a hyphenated word as a phrase of the compound and its parts: 'thema-avond' <-> 'thema'
 * <-> 'avond'. The compound lexeme alone finds exactly the same posts (the parser always puts the parts right after
 * it), without checking positions in every candidate's tsvector; and the planner estimates one lexeme far better
 * than a phrase of three that it takes for independent words. Words after the parts keep their distance.
 */
export function collapseCompounds(tsquery: string): string {
  return tsquery.replace(/'((?:[^'-]|'')+(?:-(?:[^'-]|'')+)+)'((?:\s*<(?:-|\d+)>\s*'(?:[^']|'')+')+)/g, (_whole, compound: string, chain: string) => {
    const parts = compound.split('-').length;
    const links = [...chain.matchAll(/\s*<(-|\d+)>\s*('(?:[^']|'')+')/g)].map((m) => ({ distance: m[1] === '-' ? 1 : Number(m[1]), lexeme: m[2]! }));
    let used = 0;
    let i = 0;
    while (i < links.length && used + links[i]!.distance <= parts) used += links[i++]!.distance;
    const rest = links.slice(i).map((link, k) => {
      const distance = k === 0 ? used + link.distance : link.distance;
      return ` ${distance === 1 ? '<->' : `<${distance}>`} ${link.lexeme}`;
    });
    return `'${compound}'${rest.join('')}`;
  });
}

function withoutNegations(tsquery: string): string {
  return tsquery.replace(/!\s*\([^()]*\)/g, '').replace(/!\s*'(?:[^']|'')+'(?::\*)?/g, '');
}

/** "-woord" alone would match every post without that word: a query needs something to look for. */
export function hasPositiveTerm(tsquery: string): boolean {
  return /'(?:[^']|'')+'/.test(withoutNegations(tsquery));
}

/**
 * A case-insensitive regular expression for where a post's first match probably is: the stems of the words
 * looked for ('gemeent' finds "Gemeenten"). Only a hint for where to cut the snippet window: a stem that is not
 * a prefix of its word ('kandidat' for "kandidaat") just misses, and the window starts at the beginning.
 */
export function stemPattern(tsquery: string): string | null {
  const stems = [...withoutNegations(tsquery).matchAll(/'((?:[^']|'')+)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
  const escaped = [...new Set(stems)].filter((s) => s.length >= 2).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return escaped.length > 0 ? escaped.join('|') : null;
}

/** The same query restricted to the body (weight B): does the post's text itself match? */
export function bodyOnly(tsquery: string): string {
  return tsquery.replace(/'((?:[^']|'')+)'(:\*)?/g, (_whole, lexeme: string, prefix: string | undefined) => `'${lexeme}':${prefix ? '*' : ''}B`);
}
