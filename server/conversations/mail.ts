import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.js';
import { mailLayout, type MailBlock } from '../mail/layout.js';
import type { MailTemplate, TemplateContext } from '../mail/types.js';
import { FIRST_MAIL_DELAY } from '../notifications/mail-schedule.js';
import { frequencySql } from '../notifications/mail-preferences.js';
import { excerpt } from './list.js';

/**
 * Mail about new private messages ('conversation' in mail_outbox, data.conversationId), for members whose
 * "Privéberichten" mail is 'direct'; daily and weekly ones get them in their digest (notification-mail.ts). Queued by
 * the notification worker with the notification, a minute later (who is here reads it live and gets no mail), at
 * most one waiting per member and conversation. Made when sent, from the state then: only while she is still in the
 * conversation and active, only messages she has not read, by others, not deleted, not by a member she blocked.
 */

const SHOWN = 10;
const SUBJECT_IN_TITLE = 60;

export async function scheduleMessageMail(tx: DbOrTx, messaged: readonly { userId: number; conversationId: number }[]): Promise<void> {
  if (messaged.length === 0) return;
  const wanted = JSON.stringify(messaged.map((m) => ({ user_id: m.userId, conversation_id: m.conversationId })));
  await tx.execute(sql`
    insert into mail_outbox (user_id, kind, data, next_attempt_at)
    select x.user_id, 'conversation', jsonb_build_object('conversationId', x.conversation_id), now() + interval '${sql.raw(FIRST_MAIL_DELAY)}'
      from jsonb_to_recordset(${wanted}::jsonb) as x(user_id int, conversation_id int)
      join users u on u.id = x.user_id and u.status = 'active'
     where ${frequencySql(sql`u.mail_preferences`, sql`'messages'`)} = 'direct'
       and not exists (select 1 from mail_outbox o
                        where o.user_id = x.user_id and o.kind = 'conversation' and o.data->>'conversationId' = x.conversation_id::text)`);
}

interface UnreadRow {
  id: number;
  subject: string;
  author_name: string | null;
  body_html: string;
}

/** Her unread messages by others in a conversation she is still in (none when she left or it is gone). */
export async function unreadMessagesFor(db: DbOrTx, userId: number, conversationId: number, after: Date | null): Promise<UnreadRow[]> {
  return queryRows<UnreadRow>(
    db,
    sql`select m.id, c.subject, u.display_name as author_name, m.body_html
          from conversation_participants p
          join conversations c on c.id = p.conversation_id
          join conversation_messages m on m.conversation_id = p.conversation_id and m.id > p.last_read_message_id
          left join users u on u.id = m.author_id
         where p.user_id = ${userId} and p.conversation_id = ${conversationId}
           and m.deleted_at is null and m.author_id is distinct from ${userId}
           and not exists (select 1 from member_blocks b where b.user_id = ${userId} and b.blocked_user_id = m.author_id)
           ${after ? sql`and m.created_at > ${after.toISOString()}::timestamptz` : sql``}
         order by m.id
         limit 100`,
  );
}

const quoted = (subject: string) => `„${subject.length > SUBJECT_IN_TITLE ? `${subject.slice(0, SUBJECT_IN_TITLE).trimEnd()} …` : subject}”`;
const someone = (name: string | null) => name ?? 'Een oud-lid';

const conversationMail: MailTemplate = async (context) => {
  const conversationId = context.data.conversationId;
  if (typeof conversationId !== 'number') return null;
  const [member] = await queryRows<{ status: string; frequency: string; last_seen_at: Date | string | null }>(
    context.db,
    sql`select status, ${frequencySql(sql`mail_preferences`, sql`'messages'`)} as frequency, last_seen_at from users where id = ${context.user.id}`,
  );
  if (!member || member.status !== 'active' || member.frequency !== 'direct') return null;
  // What came while she was here, she saw live.
  const lastSeen = member.last_seen_at === null ? null : new Date(member.last_seen_at);
  const messages = await unreadMessagesFor(context.db, context.user.id, conversationId, lastSeen);
  if (messages.length === 0) return null;
  const first = messages[0]!;
  const shown = messages.slice(0, SHOWN);
  const blocks: MailBlock[] = [
    messages.length === 1
      ? `${someone(first.author_name)} stuurde je een bericht in ${quoted(first.subject)}.`
      : `Er zijn ${messages.length} nieuwe berichten in ${quoted(first.subject)}.`,
    ...shown.map((m): MailBlock => ({ quote: excerpt(m.body_html), by: someone(m.author_name) })),
  ];
  if (messages.length > shown.length) blocks.push(`En nog ${messages.length - shown.length === 1 ? '1 bericht' : `${messages.length - shown.length} berichten`}.`);
  blocks.push({ action: { label: messages.length === 1 ? 'Lees het bericht' : 'Lees de berichten', url: context.url(`/berichten/${conversationId}`) } });
  return mailLayout(context, {
    subject: messages.length === 1 ? `${someone(first.author_name)} stuurde je een bericht: ${quoted(first.subject)}` : `${messages.length} nieuwe berichten in ${quoted(first.subject)}`,
    blocks,
    unsubscribe: 'messages',
  });
};

/** Keyed by mail_outbox.kind. */
export const conversationTemplates: Record<string, MailTemplate> = { conversation: conversationMail };

export interface DigestConversation {
  conversationId: number;
  subject: string;
  count: number;
}

/**
 * For the daily or weekly digest: her conversations with an unread 'message' notification that grew in the window,
 * while she is still in them (leaving deletes the notification; the join makes sure).
 */
export async function digestConversations(db: DbOrTx, userId: number, since: Date, until: Date): Promise<DigestConversation[]> {
  const rows = await queryRows<{ conversation_id: number; subject: string; count: number }>(
    db,
    sql`select n.conversation_id, c.subject, n.count
          from notifications n
          join conversations c on c.id = n.conversation_id
          join conversation_participants p on p.conversation_id = n.conversation_id and p.user_id = n.user_id
         where n.user_id = ${userId} and n.kind = 'message' and n.read_at is null
           and n.updated_at > ${since.toISOString()}::timestamptz and n.updated_at <= ${until.toISOString()}::timestamptz
         order by n.updated_at desc
         limit 30`,
  );
  return rows.map((r) => ({ conversationId: r.conversation_id, subject: r.subject, count: r.count }));
}

export function conversationDigestBlocks(context: Pick<TemplateContext, 'url'>, talks: readonly DigestConversation[]): MailBlock[] {
  if (talks.length === 0) return [];
  return [
    { heading: 'Privéberichten' },
    {
      list: talks.map((talk) => ({
        text: talk.subject,
        url: context.url(`/berichten/${talk.conversationId}`),
        detail: talk.count === 1 ? '1 nieuw bericht' : `${talk.count} nieuwe berichten`,
      })),
    },
  ];
}
