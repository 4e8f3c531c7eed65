import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/client.js';
import type { ForumChange } from '../events/types.js';
import { categoryOpenToUsersSql, searchableSql } from '../forum/visibility.js';
import { OPEN_GROUP_CONFLICT } from './group-key.js';

/**
 * What members hear about their own posts, besides replies: a reaction to one ("thanked", grouped per thread while
 * unread) and a reply of hers marked as the best answer ("answer_marked", once per post, however often it is marked
 * again). Read from the current state when the worker runs, so a reaction taken back or an answer undone meanwhile
 * tells nothing. Like every forum notification only about a post every member reads, to an active author who may
 * enter its category and does not ignore the thread, and never about her own act. In the app only: no mail.
 * Returns the members notified.
 */
export async function expandAcknowledgement(tx: Tx, change: ForumChange): Promise<number[]> {
  const allowed = sql`u.status = 'active'
    and ${searchableSql()}
    and ${categoryOpenToUsersSql({ role: sql`u.role`, representativeVerified: sql`u.representative_verified` }, sql`c.access`)}
    and not exists (select 1 from thread_watches i where i.user_id = u.id and i.thread_id = t.id and i.level = 'ignoring')`;
  // `select` names the receiver (u, the post's author), the post (p), its thread (t) and category (c).
  const insert = async (select: SQL, onConflict: SQL) => {
    const rows = await queryRows<{ user_id: number }>(
      tx,
      sql`insert into notifications (user_id, kind, thread_id, post_id, actor_id) ${select} and ${allowed} ${onConflict} returning user_id`,
    );
    return rows.map((r) => r.user_id);
  };
  if (change.type === 'post.reacted' && change.added) {
    return insert(
      sql`select p.author_id, 'thanked', p.thread_id, p.id, r.user_id
            from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
            join users u on u.id = p.author_id
            join (select distinct user_id from post_reactions where post_id = ${change.postId} and user_id = ${change.reactorId}) r on true
           where p.id = ${change.postId} and p.author_id <> r.user_id`,
      sql`${OPEN_GROUP_CONFLICT} do update set count = notifications.count + 1, updated_at = now(), actor_id = excluded.actor_id`,
    );
  }
  if (change.type === 'thread.updated' && change.changed.includes('solution')) {
    return insert(
      sql`select p.author_id, 'answer_marked', t.id, p.id, t.solution_marked_by
            from threads t join posts p on p.id = t.solution_post_id join categories c on c.id = t.category_id
            join users u on u.id = p.author_id
           where t.id = ${change.threadId} and p.author_id is distinct from t.solution_marked_by`,
      sql`on conflict do nothing`,
    );
  }
  return [];
}
