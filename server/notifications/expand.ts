import { sql, type SQL } from 'drizzle-orm';
import type { ForumNotificationKind } from '../../shared/constants.js';
import { queryRows, type Tx } from '../db/client.js';
import type { ForumChange } from '../events/types.js';
import { categoryOpenToUsersSql, searchable } from '../forum/visibility.js';
import { OPEN_GROUP_CONFLICT } from './group-key.js';
import type { MadeNotification } from './mail-schedule.js';

/**
 * Who hears of one forum change, written set-based: one statement picks every receiver with the most specific reason
 * she has (mention › quote › reply_to_post › thread_activity › new_thread), drops the writer, members who are not
 * active and members who ignore the thread, and inserts the notifications: once per post for the single kinds,
 * added to the open group for thread_activity. 500 watchers are one INSERT … SELECT, not 500.
 *
 * Every receiver may see the post: a change is notified only when every member may read the post and its thread
 * (the visibility module's member form), and moderators see more than members; and only to receivers who may enter
 * its category (a mention of a member outside a restricted category tells her nothing). A notification whose post is
 * hidden later disappears when read (routes.ts), so it needs no undoing here.
 */

/** The reasons, most specific first: a member gets only her best one for a post. */
const RANKED_KINDS: readonly ForumNotificationKind[] = ['mention', 'quote', 'reply_to_post', 'thread_activity', 'new_thread'];
const rank = (kind: ForumNotificationKind) => RANKED_KINDS.indexOf(kind) + 1;
/** The kinds as an SQL array literal, indexed by rank (constants, not input). */
const KINDS_BY_RANK = sql.raw(`array[${RANKED_KINDS.map((kind) => `'${kind}'`).join(', ')}]`);
/** A rank as an SQL literal: a parameter in a UNION would be typed text. */
const rankSql = (kind: ForumNotificationKind) => sql.raw(String(rank(kind)));

interface Plan {
  /** Reasons considered when choosing each member's best one. */
  considered: readonly ForumNotificationKind[];
  /** Of those, the ones this change writes (a better reason another change writes still wins). */
  written: readonly ForumNotificationKind[];
  /** Skip members already notified of this post (an edit adding a mention to a post she heard of). */
  onlyNew: boolean;
}

const PLANS: Record<'post.created' | 'thread.created' | 'post.updated', Plan> = {
  'post.created': { considered: ['mention', 'quote', 'reply_to_post', 'thread_activity'], written: ['mention', 'quote', 'reply_to_post', 'thread_activity'], onlyNew: false },
  // The opening post's own post.created writes its mentions and quotes: those members get that, not new_thread.
  'thread.created': { considered: RANKED_KINDS, written: ['new_thread'], onlyNew: false },
  // Only what an edit can add; replies and watchers heard of the post when it was written.
  'post.updated': { considered: ['mention', 'quote'], written: ['mention', 'quote'], onlyNew: true },
};

interface Target {
  post_id: number;
  post_hidden: Date | null;
  post_deleted: Date | null;
  thread_hidden: Date | null;
  thread_deleted: Date | null;
}

/** The post a change is about (a new thread: its opening post) and the states visibility needs. */
async function loadTarget(tx: Tx, change: Extract<ForumChange, { threadId: number }>): Promise<Target | null> {
  const postId = 'postId' in change ? sql`${change.postId}::int` : sql`(select min(id) from posts where thread_id = ${change.threadId})`;
  const [row] = await queryRows<Target>(
    tx,
    sql`select p.id as post_id, p.hidden_at as post_hidden, p.deleted_at as post_deleted,
               t.hidden_at as thread_hidden, t.deleted_at as thread_deleted
          from posts p join threads t on t.id = p.thread_id
         where p.id = ${postId}`,
  );
  return row ?? null;
}

const candidates: Record<ForumNotificationKind, SQL> = {
  mention: sql`select unnest(p.mentioned_user_ids), ${rankSql('mention')} from p`,
  quote: sql`select q.author_id, ${rankSql('quote')} from p join posts q on q.id = any(p.quoted_post_ids)`,
  reply_to_post: sql`select r.author_id, ${rankSql('reply_to_post')} from p join posts r on r.id = p.reply_to_post_id`,
  // Only watches older than the post: the worker may run after a later reply made its writer follow the thread,
  // and she must not hear of the posts before hers (nor a new follower of what was written before she followed).
  thread_activity: sql`select w.user_id, ${rankSql('thread_activity')} from p join thread_watches w on w.thread_id = p.thread_id and w.level = 'watching' and w.updated_at <= p.created_at`,
  new_thread: sql`select c.user_id, ${rankSql('new_thread')} from p join category_watches c on c.category_id = p.category_id and c.level = 'watching' and c.updated_at <= p.created_at`,
};

/** Writes the notifications of one change; answers what was made (or added to), for the live event and the mail. */
export async function expandChange(tx: Tx, change: ForumChange): Promise<MadeNotification[]> {
  if (change.type !== 'post.created' && change.type !== 'thread.created' && change.type !== 'post.updated') return [];
  const target = await loadTarget(tx, change);
  if (!target) return [];
  const readable = searchable({ hiddenAt: target.post_hidden, deletedAt: target.post_deleted }, { hiddenAt: target.thread_hidden, deletedAt: target.thread_deleted });
  if (!readable) return [];

  const plan = PLANS[change.type];
  const written = sql.raw(`array[${plan.written.map(rank).join(', ')}]::int[]`);
  const rows = await queryRows<{ user_id: number; thread_id: number; kind: ForumNotificationKind }>(
    tx,
    sql`
    with p as (
      select p.id, p.thread_id, p.author_id, p.reply_to_post_id, p.mentioned_user_ids, p.quoted_post_ids, p.created_at, t.category_id,
             c.access as category_access
        from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
       where p.id = ${target.post_id}
    ),
    candidate (user_id, rank) as (${sql.join(
      plan.considered.map((kind) => candidates[kind]),
      sql` union all `,
    )}),
    best as (
      select c.user_id, min(c.rank) as rank
        from candidate c cross join p
        join users u on u.id = c.user_id and u.status = 'active'
       where c.user_id <> p.author_id
         and ${categoryOpenToUsersSql({ role: sql`u.role`, representativeVerified: sql`u.representative_verified` }, sql`p.category_access`)}
         and not exists (select 1 from thread_watches i where i.user_id = c.user_id and i.thread_id = p.thread_id and i.level = 'ignoring')
         ${plan.onlyNew ? sql`and not exists (select 1 from notifications n where n.user_id = c.user_id and n.post_id = p.id)` : sql``}
       group by c.user_id
    ),
    chosen as (
      select b.user_id, (${KINDS_BY_RANK})[b.rank] as kind
        from best b
       where b.rank = any(${written})
    ),
    single as (
      insert into notifications (user_id, kind, thread_id, post_id, actor_id)
      select c.user_id, c.kind, p.thread_id, p.id, p.author_id from chosen c cross join p where c.kind <> 'thread_activity'
       order by c.user_id
      on conflict do nothing
      returning user_id, thread_id, kind
    ),
    grouped as (
      -- The group keeps its first unread post (where following it starts) and names the latest writer. In member
      -- order, so two workers adding to the same groups lock them in the same order (no deadlock).
      insert into notifications (user_id, kind, thread_id, post_id, actor_id)
      select c.user_id, c.kind, p.thread_id, p.id, p.author_id from chosen c cross join p where c.kind = 'thread_activity'
       order by c.user_id
      ${OPEN_GROUP_CONFLICT} do update set count = notifications.count + 1, updated_at = now(), actor_id = excluded.actor_id
      returning user_id, thread_id, kind
    )
    select user_id, thread_id, kind from single
    union all
    select user_id, thread_id, kind from grouped`,
  );
  return rows.map((r) => ({ userId: r.user_id, threadId: r.thread_id, kind: r.kind }));
}
