import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { solvedSql } from '../forum/solved.js';
import { searchableSql } from '../forum/visibility.js';
import type { CurrentHitData, EngineThreadHit } from './types.js';

/** A hit that may be shown, with what it shows as the forum tables have it now. */
export interface VisibleHit extends EngineThreadHit {
  current: CurrentHitData;
}

interface Row {
  post_id: number;
  title: string;
  category_slug: string;
  author_id: number;
  author_name: string;
  created_at: Date | string;
  solved: boolean;
}

/**
 * Whatever an engine says, a hit is shown only if its post and thread are visible right now, in a category the
 * searcher may enter (it is not among `closedCategorySlugs`): an outside engine's
 * hits are checked here in one query; the PostgreSQL engine read them with visibility in its own statement.
 * Whether the thread is solved is read here too, not taken from the index, which learns of a changed answer only
 * once the outbox reindexed the thread.
 */
export async function visibleHits(db: Db, hits: EngineThreadHit[], closedCategorySlugs: readonly string[] = []): Promise<VisibleHit[]> {
  const unchecked = hits.filter((h) => h.current === undefined).map((h) => h.postId);
  const rows =
    unchecked.length === 0
      ? []
      : await queryRows<Row>(
          db,
          sql`select p.id as post_id, t.title, c.slug as category_slug, p.author_id, u.display_name as author_name, p.created_at,
                     ${solvedSql(sql`t.solution_post_id`)} as solved
                from posts p
                join threads t on t.id = p.thread_id
                join categories c on c.id = t.category_id
                join users u on u.id = p.author_id
               where p.id in (select jsonb_array_elements_text(${JSON.stringify(unchecked)}::jsonb)::int)
                 and ${searchableSql()}
                 and c.slug <> all(array(select jsonb_array_elements_text(${JSON.stringify(closedCategorySlugs)}::jsonb)))`,
        );
  const byPost = new Map(rows.map((r) => [r.post_id, r]));
  const out: VisibleHit[] = [];
  for (const hit of hits) {
    if (hit.current) {
      out.push({ ...hit, current: hit.current });
      continue;
    }
    const row = byPost.get(hit.postId);
    if (!row) continue;
    out.push({
      ...hit,
      current: {
        title: row.title,
        categorySlug: row.category_slug,
        authorId: row.author_id,
        authorName: row.author_name,
        createdAt: new Date(row.created_at),
        solved: row.solved,
      },
    });
  }
  return out;
}
