import { asc, eq, sql } from 'drizzle-orm';
import { GUIDE_SEARCH_LINKS, type GuideSearchLink } from '../../shared/api/guide.js';
import { queryRows, type DbOrTx } from '../db/client.js';
import { guideLinks, guideSections } from '../db/schema.js';
import { analyseText, buildSnippet, parseQuery, type ParsedQuery, type SynonymSet } from '../search/analysis/index.js';
import { documentTsvector } from '../search/postgres-tsvector.js';
import { matchQuery } from '../search/tsquery.js';

/** Title words (A) count more than the description's (B); compound parts (D) like the description. */
const RANK_WEIGHTS = '{0.4, 0.4, 0.4, 1.0}';

/**
 * The terms of each link as the forum's Dutch analysis makes them (server/search/analysis), remembered per link
 * while its text stays the same. Links are few and curated, so they are matched in PostgreSQL whatever engine
 * searches the forum, computed at query time rather than stored: they always carry this code's analysis, with
 * nothing to reindex when it changes. Measured with 300 links of 400 characters: the first search after a start
 * analyses them all (about 0.1–0.3 s), later ones only the changed links.
 */
const vectors = new Map<number, { text: string; vector: string; terms: ReadonlySet<string> }>();

function analysed(id: number, title: string, description: string) {
  const text = `${title}\u0000${description}`;
  const known = vectors.get(id);
  if (known?.text === text) return known;
  const terms = new Set([...analyseText(title), ...analyseText(description)].flatMap((token) => token.terms));
  const entry = { text, vector: documentTsvector(title, description, true), terms };
  vectors.set(id, entry);
  return entry;
}

/**
 * Whether a link holds any of the query's positive terms (a prefix term as the start of one). Every match has one,
 * so only these go to PostgreSQL, which decides with the forum's own tsquery (phrases, -words, synonyms, all groups).
 */
function mayMatch(terms: ReadonlySet<string>, query: ParsedQuery): boolean {
  return query.required.flat().some((clause) =>
    clause.alternatives.some((group) =>
      group.terms.some((term, i) => (group.prefix && i === group.terms.length - 1 ? [...terms].some((t) => t.startsWith(term)) : terms.has(term))),
    ),
  );
}

/**
 * The Wegwijzer links that have every word of a search (stemmed, compounds split, with the admins' synonyms, as the
 * forum search matches them), best first: title matches above description matches, then the Wegwijzer's own order.
 */
export async function searchGuideLinks(db: DbOrTx, text: string, synonyms: readonly SynonymSet[], limit = GUIDE_SEARCH_LINKS): Promise<GuideSearchLink[]> {
  const query = parseQuery(text, synonyms);
  const tsquery = matchQuery(query, 'all');
  if (tsquery === null) return [];
  const links = await db
    .select({ id: guideLinks.id, title: guideLinks.title, url: guideLinks.url, description: guideLinks.description, sectionName: guideSections.name })
    .from(guideLinks)
    .innerJoin(guideSections, eq(guideSections.id, guideLinks.sectionId))
    .orderBy(asc(guideSections.position), asc(guideSections.id), asc(guideLinks.position), asc(guideLinks.id));
  if (links.length === 0) return [];
  const known = new Set(links.map((l) => l.id));
  for (const id of vectors.keys()) if (!known.has(id)) vectors.delete(id);
  const candidates = links.map((link) => ({ link, ...analysed(link.id, link.title, link.description) })).filter((c) => mayMatch(c.terms, query));
  if (candidates.length === 0) return [];
  const documents = JSON.stringify(candidates.map((c) => c.vector));
  // ord is the candidate's place (1-based), in the Wegwijzer's order: equal ranks keep that order.
  const matched = await queryRows<{ ord: number }>(
    db,
    // Materialized: each text is cast to a tsvector once, not again for the rank.
    sql`with d as materialized (select ord, v::tsvector as tsv from jsonb_array_elements_text(${documents}::jsonb) with ordinality as t(v, ord))
        select d.ord::int as ord
          from d, cast(${tsquery} as tsquery) as q
         where d.tsv @@ q
         order by ts_rank(${RANK_WEIGHTS}::float4[], d.tsv, q) desc, d.ord
         limit ${limit}`,
  );
  return matched.map(({ ord }) => {
    const { link } = candidates[ord - 1]!;
    return { ...link, snippetHtml: buildSnippet(link.description, query) };
  });
}
