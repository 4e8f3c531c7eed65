import { analyseText, MAX_POSITION } from './analysis/index.js';
import { lexeme } from './tsquery.js';

/** PostgreSQL keeps at most 256 positions of one lexeme; more are an error in a tsvector literal's eyes. */
const MAX_POSITIONS_PER_TERM = 256;
/** A lexeme may have at most 2,047 bytes; no real word comes near, a pasted blob of letters might. */
const MAX_TERM_LENGTH = 200;

/**
 * The tsvector of one post, as a literal for `::tsvector`, from the Dutch analysis (analysis/): the title's terms,
 * then the body's, each word's terms at that word's position (so phrases match on adjacent positions). Body
 * positions start two after the title's last, so a phrase never runs from the title into the body.
 *
 * Weights (postgres-search.ts ranks them):
 * - A: the title's words on the thread's opening post;
 * - B: the body's words;
 * - C: the title's words on a reply. Every post carries the title so that "fusie ALV" finds a reply saying ALV in a
 *   thread called "Fusie"; ranking weighs C like A (every post of a thread gets the same lift from its title), and
 *   "does this post itself match" leaves C out;
 * - D: the parts of a compound (raadsleden → raad, lid), in the body and in the opening post's title, so that a
 *   title saying "leden" ranks above one saying "raadsleden" for "leden". A reply's title carries no parts: its
 *   lift would be a whole word's again.
 * A word's first term is the word itself (analysis/word.ts); the rest are its parts.
 */
export function documentTsvector(title: string, body: string, opening: boolean): string {
  const positions = new Map<string, string[]>();
  const add = (terms: readonly string[], position: number, weight: string, partWeight: string | null) => {
    terms.forEach((term, i) => {
      if (i > 0 && partWeight === null) return;
      if (term.length === 0 || term.length > MAX_TERM_LENGTH) return;
      let list = positions.get(term);
      if (!list) positions.set(term, (list = []));
      if (list.length < MAX_POSITIONS_PER_TERM) list.push(`${position}${i === 0 ? weight : partWeight}`);
    });
  };
  let last = 0;
  for (const token of analyseText(title)) {
    add(token.terms, token.position, opening ? 'A' : 'C', opening ? 'D' : null);
    last = token.position;
  }
  const offset = bodyOffset(last);
  for (const token of analyseText(body)) add(token.terms, Math.min(token.position + offset, MAX_POSITION), 'B', 'D');
  // PostgreSQL sorts the positions and drops duplicates (a word at the last position, 16,383, repeated) itself.
  return [...positions].map(([term, list]) => `${lexeme(term)}:${list.join(',')}`).join(' ');
}

/** What is added to a body word's position: the title's last position plus one (nothing without a title). */
export function bodyOffset(lastTitlePosition: number): number {
  return lastTitlePosition === 0 ? 0 : lastTitlePosition + 1;
}
