import { analyseText, MAX_POSITION } from './analysis/index.js';
import { bodyOffset } from './postgres-tsvector.js';

/** Words as analysis/analyse.ts counts them for positions (stop words included). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/** Characters kept before the first match, and in all: the snippet (about 220 characters) is chosen inside. */
const LEAD = 60;
export const SNIPPET_REGION = 340;

/**
 * The stretch of a best post's body that its snippet is cut from. Analysing a whole long post for its snippet costs
 * about a millisecond per thousand words, twenty times a page; the statement already knows (from the tsvector) the
 * positions of the matching words, so only a region around the first in the body is analysed (analysis/snippet.ts chooses
 * the best window inside). `matchPositions` are tsvector positions of matching words in order, the opening post's
 * title parts among them (empty when only the title matches); body positions follow the title's as
 * postgres-tsvector.ts writes them. A cut end is marked with "…".
 */
export function snippetRegion(body: string, title: string, matchPositions: readonly number[]): string {
  if (body.length <= SNIPPET_REGION) return body;
  let from = 0;
  const titleTokens = matchPositions.length === 0 ? [] : analyseText(title);
  const offset = bodyOffset(titleTokens.at(-1)?.position ?? 0);
  const firstPosition = matchPositions.find((p) => p > offset);
  if (firstPosition !== undefined && firstPosition < MAX_POSITION) {
    const index = firstPosition - offset;
    let n = 0;
    for (const match of body.matchAll(WORD)) {
      if (++n === index) {
        from = match.index;
        break;
      }
    }
  }
  let start = Math.max(0, from - LEAD);
  if (start > 0) {
    const space = body.indexOf(' ', start);
    start = space === -1 || space >= from ? from : space + 1;
  }
  let end = Math.min(body.length, start + SNIPPET_REGION);
  if (end < body.length) {
    const space = body.lastIndexOf(' ', end);
    if (space > from) end = space;
  }
  return `${start > 0 ? '… ' : ''}${body.slice(start, end)}${end < body.length ? ' …' : ''}`;
}
