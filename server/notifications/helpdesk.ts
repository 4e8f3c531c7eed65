import { sql } from 'drizzle-orm';
import { centreStaffSql } from '../centre/team.js';
import { queryRows, type Tx } from '../db/client.js';
import type { ForumChange } from '../events/types.js';

export interface HelpdeskNotified {
  userId: number;
  questionId: number;
  kind: 'helpdesk_answer' | 'helpdesk_question';
}

/**
 * A new public message on a helpdesk question (events/notification-outbox.ts writes the row; internal notes write
 * none). The team's answer tells the asker ('helpdesk_answer'), unless she already read past it; the asker's
 * question or reply tells the team ('helpdesk_question'): the one handling it, or, while nobody is, every active team
 * member. Each is added to the receiver's one unread notification of that kind and question ("2 nieuwe antwoorden").
 * Never its author. Answers who was notified, for the live event and the mail.
 */
export async function expandHelpdesk(tx: Tx, change: ForumChange): Promise<HelpdeskNotified[]> {
  if (change.type !== 'helpdesk.message' || change.internal) return [];
  const rows = await queryRows<{ user_id: number; question_id: number; kind: HelpdeskNotified['kind'] }>(
    tx,
    sql`with message as (
          select m.id, m.question_id, m.author_id, m.from_team, q.asker_id, q.assignee_id, q.asker_last_read_message_id
            from helpdesk_messages m join helpdesk_questions q on q.id = m.question_id
           where m.id = ${change.messageId} and not m.internal
        ),
        receivers as (
          select m.asker_id as user_id, 'helpdesk_answer' as kind from message m
           where m.from_team and m.asker_last_read_message_id < m.id
          union
          select u.id, 'helpdesk_question' from message m join users u on u.status = 'active' and ${centreStaffSql('u')}
           where not m.from_team and (u.id = m.assignee_id or m.assignee_id is null
                                      or not exists (select 1 from users a where a.id = m.assignee_id and a.status = 'active' and ${centreStaffSql('a')}))
        )
        insert into notifications (user_id, kind, helpdesk_question_id, actor_id)
        select r.user_id, r.kind, m.question_id, m.author_id
          from receivers r cross join message m
          join users u on u.id = r.user_id and u.status = 'active'
         where r.user_id is distinct from m.author_id
         order by r.user_id
        on conflict (user_id, kind, helpdesk_question_id) where read_at is null and kind in ('helpdesk_answer', 'helpdesk_question')
        do update set count = notifications.count + 1, updated_at = now(), actor_id = excluded.actor_id
        returning user_id, helpdesk_question_id as question_id, kind`,
  );
  return rows.map((r) => ({ userId: r.user_id, questionId: r.question_id, kind: r.kind }));
}
