import { sql, type SQL } from 'drizzle-orm';
import { MARK_END, MARK_START } from './text.js';
import { bodyOnly, stemPattern } from './tsquery.js';

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=15`;
/**
 * ts_headline parses and stems the whole text it is given (about 0.2 ms per 1,000 characters), and the best
 * ranked posts are the long ones: it gets a window of this many characters around the first match instead.
 */
const SNIPPET_WINDOW = 280;
/** Characters of context kept before the first match. */
const SNIPPET_LEAD = 80;

/**
 * The headline of a hit `g` (with g.body and g.tsv) for the search's final SELECT: `joins` goes into its FROM,
 * `value` is the snippet. The window starts a little before the first place a stem of the query occurs, at a word
 * boundary; at the start for a short post, or when no stem is found (a post found by its title alone). A window
 * without a match although the body has one (a stem that is not a prefix of its word, 'kandidat' for "kandidaat")
 * falls back to the whole body.
 */
export function snippetSql(query: string): { joins: SQL; value: SQL } {
  return {
    // "offset 0" keeps each a subquery of its own, so that its expensive expression runs once per row.
    joins: sql`
        cross join lateral (select ${snippetStart(query)} as at offset 0) w
        cross join lateral (
          select ts_headline('plein_dutch', substr(g.body, w.at, ${SNIPPET_WINDOW}), ${query}::tsquery, ${HEADLINE_OPTIONS}) as text
          offset 0
        ) h`,
    value: sql`case when strpos(h.text, ${MARK_START}) > 0 or not (g.tsv @@ ${bodyOnly(query)}::tsquery) then h.text
                    else ts_headline('plein_dutch', g.body, ${query}::tsquery, ${HEADLINE_OPTIONS}) end`,
  };
}

function snippetStart(query: string): SQL {
  const pattern = stemPattern(query);
  if (pattern === null) return sql`1`;
  return sql`(
    select case when s.at <= 1 then 1 else s.at + strpos(substr(g.body, s.at, 40), ' ') end
      from (
        select case when length(g.body) <= ${SNIPPET_WINDOW} then 1
                    else regexp_instr(g.body, ${pattern}, 1, 1, 0, 'i') - ${SNIPPET_LEAD} end as at
        offset 0
      ) s
  )`;
}
