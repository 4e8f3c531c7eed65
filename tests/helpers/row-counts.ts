import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../server/db/client.js';

/** The tables a refused request could have written to; tests compare the counts before and after. */
const TABLES = ['users', 'threads', 'posts', 'post_revisions', 'reports', 'moderation_actions', 'notifications', 'categories', 'thread_watches', 'category_watches', 'post_reactions', 'bookmarks', 'drafts', 'avatars', 'data_exports'];

/** Row counts per table (and how many accounts were ever approved), to prove that a denial changed nothing. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
    counts[table] = row!.n;
  }
  const [changed] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users where status <> 'pending' and approved_at is not null`);
  counts.approved = changed!.n;
  return counts;
}
