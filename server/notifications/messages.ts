import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/client.js';
import type { ForumChange } from '../events/types.js';

/**
 * A new message in a private conversation (events/notification-outbox.ts writes the row): each other participant
 * gets it added to her one unread 'message' notification of that conversation ("3 nieuwe berichten in …"), unless
 * she is not active, already read past it (she was there), or blocked its writer. Never its author. Answers who was
 * notified, for the live event and the mail.
 */
export async function expandMessage(tx: Tx, change: ForumChange): Promise<{ userId: number; conversationId: number }[]> {
  if (change.type !== 'conversation.message' || !change.created) return [];
  const rows = await queryRows<{ user_id: number; conversation_id: number }>(
    tx,
    sql`insert into notifications (user_id, kind, conversation_id, actor_id)
        select p.user_id, 'message', m.conversation_id, m.author_id
          from conversation_messages m
          join conversation_participants p on p.conversation_id = m.conversation_id
          join users u on u.id = p.user_id and u.status = 'active'
         where m.id = ${change.messageId} and m.deleted_at is null
           and p.user_id is distinct from m.author_id
           and p.last_read_message_id < m.id
           and not exists (select 1 from member_blocks b where b.user_id = p.user_id and b.blocked_user_id = m.author_id)
         order by p.user_id
        on conflict (user_id, conversation_id) where read_at is null and kind = 'message'
        do update set count = notifications.count + 1, updated_at = now(), actor_id = excluded.actor_id
        returning user_id, conversation_id`,
  );
  return rows.map((r) => ({ userId: r.user_id, conversationId: r.conversation_id }));
}
