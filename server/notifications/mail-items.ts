import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ForumNotificationKind } from '../../shared/constants.js';
import { toPlainText } from '../content/render.js';
import { queryRows, type DbOrTx } from '../db/client.js';
import { categories, posts, threads } from '../db/schema.js';
import { categoryOpenTo, postReadByMembersCondition, threadSeenByMembersCondition, type Viewer } from '../forum/visibility.js';
import { cleanText, decodeEntities } from '../search/text.js';

/**
 * What a notification or digest mail may tell: the posts behind a member's UNREAD forum notifications, one item per
 * post with her most specific reason for it (mention › quote › reply_to_post › thread_activity › new_thread), read
 * from the current state when the mail is made.
 *
 * Only posts that every member may read, in threads every member may see (the visibility module's member form),
 * whoever the receiver is: a mail leaves the forum for an inbox where the forum's rules no longer apply, so a
 * moderator is not mailed a hidden post either. A deleted post has no text to show and is left out. And only in
 * categories the receiver may enter now (a category restricted after the notification was made).
 *
 * A single notification (mention, quote, reply, new thread) stands for its own post; a thread_activity group for
 * the posts by others from its first unread post up to its last event.
 */

export interface MailPost {
  kind: ForumNotificationKind;
  threadId: number;
  threadTitle: string;
  categoryName: string;
  postId: number;
  authorName: string;
  createdAt: Date;
  /** Plain text, whitespace folded, at most EXCERPT_CHARS (cut at a word, with …). */
  excerpt: string;
}

export interface MailPostQuery {
  /** Only notifications of these kinds (her choice for this mail's frequency). */
  kinds: readonly ForumNotificationKind[];
  /** One thread (a notification mail) or all (a digest). */
  threadId?: number;
  /** Only what happened after this moment (the last mail about the thread, her last visit, the last digest). */
  after?: Date | null;
  /** …and not after this one (the end of a digest's window). */
  until?: Date | null;
  /** At most this many posts, the oldest first. */
  limit: number;
}

export const EXCERPT_CHARS = 280;
const RANK: readonly ForumNotificationKind[] = ['mention', 'quote', 'reply_to_post', 'thread_activity', 'new_thread'];

const p = alias(posts, 'p');
const t = alias(threads, 't');
const c = alias(categories, 'c');

interface Row {
  kind: ForumNotificationKind;
  thread_id: number;
  thread_title: string;
  category_name: string;
  post_id: number;
  author_name: string;
  created_at: Date | string;
  body_html: string;
}

export async function unreadMailPosts(db: DbOrTx, user: Viewer, query: MailPostQuery): Promise<MailPost[]> {
  if (query.kinds.length === 0) return [];
  const kinds = JSON.stringify(query.kinds);
  const after = query.after ? sql`${query.after.toISOString()}::timestamptz` : sql`'-infinity'::timestamptz`;
  const until = query.until ? sql`${query.until.toISOString()}::timestamptz` : sql`'infinity'::timestamptz`;
  const rows = await queryRows<Row>(
    db,
    sql`
    with n as (
      select n.kind, n.thread_id, n.post_id, n.created_at, n.updated_at
        from notifications n
       where n.user_id = ${user.id}
         and n.read_at is null
         and n.kind in (select jsonb_array_elements_text(${kinds}::jsonb))
         ${query.threadId === undefined ? sql`` : sql`and n.thread_id = ${query.threadId}`}
    ),
    item (kind, post_id) as (
      select n.kind, n.post_id from n
       where n.kind <> 'thread_activity' and n.created_at > ${after} and n.created_at <= ${until}
      union all
      select n.kind, g.id from n
        join posts g on g.thread_id = n.thread_id and g.id >= n.post_id and g.author_id <> ${user.id}
                    and g.created_at <= n.updated_at and g.created_at > ${after} and g.created_at <= ${until}
       where n.kind = 'thread_activity'
    ),
    best as (
      select distinct on (item.post_id) item.post_id, item.kind
        from item
       order by item.post_id, array_position(${sql.raw(`array[${RANK.map((k) => `'${k}'`).join(', ')}]`)}, item.kind)
    )
    select best.kind, t.id as thread_id, t.title as thread_title, c.name as category_name, p.id as post_id,
           a.display_name as author_name, p.created_at, p.body_html
      from best
      join posts p on p.id = best.post_id
      join threads t on t.id = p.thread_id
      join categories c on c.id = t.category_id
      join users a on a.id = p.author_id
     where ${postReadByMembersCondition(p)} and ${threadSeenByMembersCondition(t)} and ${categoryOpenTo(user, c) ?? sql`true`}
     order by p.id
     limit ${query.limit}`,
  );
  return rows.map((r) => ({
    kind: r.kind,
    threadId: r.thread_id,
    threadTitle: r.thread_title,
    categoryName: r.category_name,
    postId: r.post_id,
    authorName: r.author_name,
    createdAt: new Date(r.created_at),
    excerpt: excerpt(r.body_html),
  }));
}

/** The start of a post as plain text: the layout escapes it again for the HTML part. */
export function excerpt(html: string): string {
  const text = cleanText(decodeEntities(toPlainText(html)));
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
}
