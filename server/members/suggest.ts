import { sql } from 'drizzle-orm';
import type { CurrentUser } from '../auth/types.js';
import { queryRows, type DbOrTx } from '../db/client.js';
import { posts } from '../db/schema.js';
import { categoryOpenToUsersSql, postTextVisibleTo } from '../forum/visibility.js';

/** Names the autocomplete offers at once. */
export const SUGGESTIONS = 8;

/**
 * Active members whose name holds `q`, compared as names are (display_name_key: case, accents and invisible
 * characters ignored), best first: people who wrote in the thread (posts the asker can see; the caller has checked
 * she may see the thread), then names that start with `q`, then names with a word that starts with it, then the rest;
 * alphabetically within each. Only id and name.
 * Every active name is compared, through users.name_key (display_name_key() kept by the database: running it per
 * row took up to a second for 10,000 members; the column, tens of milliseconds). A trigram index on name_key is the
 * step when the forum has far more members than that.
 */
/** In a thread, only members who may enter its category: a mention of anyone else would reach nobody. */
const mayEnter = (threadId: number) =>
  categoryOpenToUsersSql(
    { role: sql`u.role`, representativeVerified: sql`u.representative_verified` },
    sql`(select c.access from threads t join categories c on c.id = t.category_id where t.id = ${threadId})`,
  );

export async function suggestMembers(db: DbOrTx, asker: CurrentUser, q: string, threadId: number | null): Promise<{ id: number; displayName: string }[]> {
  // The thread's writers, collected once (a hashed subplan), not looked up per name.
  // (No term at all without a thread: PostgreSQL refuses a constant in ORDER BY.)
  const wroteFirst =
    threadId === null
      ? sql``
      : sql`u.id in (select ${posts.authorId} from ${posts} where ${posts.threadId} = ${threadId} and ${postTextVisibleTo(asker) ?? sql`true`}) desc,`;
  const rows = await queryRows<{ id: number; display_name: string }>(
    db,
    sql`select u.id, u.display_name
          from users u
          cross join (select display_name_key(${q.replace(/^@+/, '')}) as key) q
         where u.status = 'active' and q.key <> '' and strpos(u.name_key, q.key) > 0 ${threadId === null ? sql`` : sql`and ${mayEnter(threadId)}`}
         order by ${wroteFirst}
                  starts_with(u.name_key, q.key) desc,
                  strpos(' ' || u.name_key, ' ' || q.key) > 0 desc,
                  u.name_key, u.id
         limit ${SUGGESTIONS}`,
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}
