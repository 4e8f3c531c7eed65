import { escapeHtml } from '../text.js';
import { analyseText } from './analyse.js';
import type { ParsedQuery } from './types.js';

/** About this many characters of a post around its best match. */
const WINDOW = 220;

/**
 * The snippet of a hit: the stretch of the post with the most distinct query terms, HTML-escaped, with every word
 * whose terms the query looks for in <mark>. The same for both engines, since both match on analysed terms.
 */
export function buildSnippet(body: string, query: ParsedQuery): string {
  const tokens = analyseText(body);
  const hits = tokens.filter((t) => t.terms.some((term) => query.highlight.has(term) || startsAny(term, query.highlight)));
  let from = 0;
  if (hits.length > 0 && body.length > WINDOW) {
    let best = -1;
    for (const hit of hits) {
      const inWindow = new Set(hits.filter((h) => h.start >= hit.start && h.end <= hit.start + WINDOW).flatMap((h) => h.terms));
      if (inWindow.size > best) {
        best = inWindow.size;
        from = hit.start;
      }
    }
    // A little context before the match, starting at a word.
    from = Math.max(0, from - 40);
    if (from > 0) {
      const space = body.indexOf(' ', from);
      from = space === -1 || space > from + 40 ? from : space + 1;
    }
  }
  let to = Math.min(body.length, from + WINDOW);
  if (to < body.length) {
    const space = body.lastIndexOf(' ', to);
    if (space > from + WINDOW / 2) to = space;
  }
  let html = from > 0 ? '…' : '';
  let cursor = from;
  for (const hit of hits) {
    if (hit.start < from || hit.end > to) continue;
    html += escapeHtml(body.slice(cursor, hit.start)) + '<mark>' + escapeHtml(body.slice(hit.start, hit.end)) + '</mark>';
    cursor = hit.end;
  }
  html += escapeHtml(body.slice(cursor, to));
  return to < body.length ? `${html}…` : html;
}

/** A prefix term of the query ("privacy") also marks the compound it starts ("privacywet"). */
function startsAny(term: string, wanted: ReadonlySet<string>): boolean {
  for (const w of wanted) if (w.length >= 4 && term.startsWith(w)) return true;
  return false;
}
