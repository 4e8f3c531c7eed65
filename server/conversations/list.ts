import { sql } from 'drizzle-orm';
import type { ConversationList } from '../../shared/api/conversations.js';
import { LIMITS } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import { toPlainText } from '../content/render.js';
import { queryRows, type Db } from '../db/client.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { participantsOf } from './queries.js';

const EXCERPT_MAX = 140;

/** Plain text of a message, cut at a word to about EXCERPT_MAX characters. */
export function excerpt(html: string): string {
  const text = toPlainText(html);
  if (text.length <= EXCERPT_MAX) return text;
  const cut = text.slice(0, EXCERPT_MAX - 2);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

interface Row {
  id: number;
  subject: string;
  last_message_at: Date | string;
  message_count: number;
  unread: number;
  last_author_id: number | null;
  last_author_name: string | null;
  last_html: string | null;
  last_deleted: boolean | null;
  last_id: number | null;
}

/**
 * Her conversations, latest activity first, each with its participants, her unread count (others' messages after her
 * read marker; not those of a member she blocked, who does not notify her either) and its newest message.
 */
export async function listConversations(db: Db, user: CurrentUser, cursor: string | undefined): Promise<ConversationList> {
  const after = decodeCursor(cursor, ['moment', 'number'] as const);
  const size = LIMITS.pageSize;
  const rows = await queryRows<Row>(
    db,
    sql`select c.id, c.subject, c.last_message_at, c.message_count,
               (select count(*)::int from conversation_messages m
                 where m.conversation_id = c.id and m.id > p.last_read_message_id
                   and m.author_id is distinct from ${user.id} and m.deleted_at is null
                   and not exists (select 1 from member_blocks b where b.user_id = ${user.id} and b.blocked_user_id = m.author_id)) as unread,
               last.id as last_id, last.author_id as last_author_id, u.display_name as last_author_name,
               last.body_html as last_html, last.deleted_at is not null as last_deleted
          from conversation_participants p
          join conversations c on c.id = p.conversation_id
          left join lateral (select m.id, m.author_id, m.body_html, m.deleted_at from conversation_messages m
                              where m.conversation_id = c.id order by m.id desc limit 1) last on true
          left join users u on u.id = last.author_id
         where p.user_id = ${user.id}
           ${after ? sql`and (date_trunc('milliseconds', c.last_message_at), c.id) < (${after[0].toISOString()}::timestamptz, ${after[1]})` : sql``}
         order by date_trunc('milliseconds', c.last_message_at) desc, c.id desc
         limit ${size + 1}`,
  );
  const page = rows.slice(0, size);
  const participants = await participantsOf(db, page.map((r) => r.id));
  const items = page.map((r) => ({
    id: r.id,
    subject: r.subject,
    participants: participants.get(r.id) ?? [],
    lastMessageAt: new Date(r.last_message_at).toISOString(),
    messageCount: r.message_count,
    unreadCount: Number(r.unread),
    lastMessage:
      r.last_id === null
        ? null
        : { authorName: r.last_author_id === null ? null : r.last_author_name, excerpt: r.last_deleted ? '' : excerpt(r.last_html ?? ''), deleted: !!r.last_deleted },
  }));
  const last = page.at(-1);
  const nextCursor = rows.length > size && last ? encodeCursor([new Date(last.last_message_at).getTime(), last.id]) : null;
  return { items, nextCursor };
}
