import { sql } from 'drizzle-orm';
import { SIMILAR_THREADS_MAX, type SimilarThread } from '../../shared/api/search.js';
import { queryRows, type Db } from '../db/client.js';
import { parseQuery, type SynonymSet } from './analysis/index.js';
import { visibleHits } from './visible-hits.js';
import type { SearchFilters, SearchIndex } from './types.js';

/**
 * "Vergelijkbare discussies": threads that look like the question a member is typing as a new thread's title. The
 * threads with every word first, then those with most of them, from the same engine and with the same visibility
 * as search. The title is a question, not a search: no corrections, and no OF or -word syntax is expected (it is
 * parsed like a search all the same, which is harmless).
 */
export async function similarThreads(
  db: Db,
  index: SearchIndex,
  synonyms: readonly SynonymSet[],
  ask: { title: string; categorySlug?: string; closedCategorySlugs: readonly string[]; now: Date },
): Promise<SimilarThread[]> {
  const query = parseQuery(ask.title, synonyms);
  if (query.required.length === 0) return [];
  const filters: SearchFilters = { closedCategorySlugs: ask.closedCategorySlugs, ...(ask.categorySlug === undefined ? {} : { categorySlug: ask.categorySlug }) };
  const base = { query, filters, sort: 'relevance' as const, offset: 0, limit: SIMILAR_THREADS_MAX, now: ask.now };
  const threadIds: number[] = [];
  for (const match of query.required.length > 1 ? (['all', 'most'] as const) : (['all'] as const)) {
    const result = await index.search({ ...base, match });
    for (const hit of await visibleHits(db, result.hits, filters.closedCategorySlugs)) if (!threadIds.includes(hit.threadId)) threadIds.push(hit.threadId);
    if (threadIds.length >= SIMILAR_THREADS_MAX) break;
  }
  const ids = threadIds.slice(0, SIMILAR_THREADS_MAX);
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: number; title: string; category_slug: string; post_count: number; last_post_at: Date | string }>(
    db,
    sql`select t.id, t.title, c.slug as category_slug, t.post_count, t.last_post_at
          from threads t join categories c on c.id = t.category_id
         where t.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::int)`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ threadId: r.id, title: r.title, categorySlug: r.category_slug, postCount: r.post_count, lastPostAt: new Date(r.last_post_at).toISOString() }] : [];
  });
}
