import { sql } from 'drizzle-orm';
import { centreStaffSql } from '../centre/team.js';
import { excerpt } from '../conversations/list.js';
import { queryRows, type DbOrTx } from '../db/client.js';
import { mailLayout, type MailBlock } from '../mail/layout.js';
import type { MailTemplate, TemplateContext } from '../mail/types.js';
import { FIRST_MAIL_DELAY } from '../notifications/mail-schedule.js';
import { frequencySql } from '../notifications/mail-preferences.js';
import type { HelpdeskNotified } from '../notifications/helpdesk.js';

/**
 * Mail about the helpdesk, queued by the notification worker with the notification, a minute later (what she reads
 * live meanwhile is not mailed), at most one waiting per member, kind and question. Her "Privéberichten" preference
 * decides: any frequency but 'never' mails it directly (an answer to her own question is what she waits for; the
 * digest does not repeat it). Made when sent, from the state then: to the asker only her unread public answers; to a
 * team member only while she is on the team and the member's message is still unanswered. Never an internal note.
 */

const SHOWN = 5;
export const askerPath = (id: number) => `/kenniscentrum/vragen/${id}`;
export const teamPath = (id: number) => `/kenniscentrum/inbox/${id}`;

export async function scheduleHelpdeskMail(tx: DbOrTx, notified: readonly HelpdeskNotified[]): Promise<void> {
  if (notified.length === 0) return;
  const wanted = JSON.stringify(notified.map((n) => ({ user_id: n.userId, question_id: n.questionId, kind: n.kind })));
  await tx.execute(sql`
    insert into mail_outbox (user_id, kind, data, next_attempt_at)
    select x.user_id, x.kind, jsonb_build_object('questionId', x.question_id), now() + interval '${sql.raw(FIRST_MAIL_DELAY)}'
      from jsonb_to_recordset(${wanted}::jsonb) as x(user_id int, question_id int, kind text)
      join users u on u.id = x.user_id and u.status = 'active'
     where ${frequencySql(sql`u.mail_preferences`, sql`'messages'`)} <> 'never'
       and not exists (select 1 from mail_outbox o
                        where o.user_id = x.user_id and o.kind = x.kind and o.data->>'questionId' = x.question_id::text)`);
}

interface MessageRow {
  subject: string;
  author_name: string | null;
  body_html: string;
}

const quoted = (subject: string) => `„${subject}”`;

async function mailable(context: TemplateContext): Promise<number | null> {
  const questionId = context.data.questionId;
  if (typeof questionId !== 'number') return null;
  const [member] = await queryRows<{ frequency: string }>(
    context.db,
    sql`select ${frequencySql(sql`mail_preferences`, sql`'messages'`)} as frequency from users where id = ${context.user.id} and status = 'active'`,
  );
  return member && member.frequency !== 'never' ? questionId : null;
}

const answerMail: MailTemplate = async (context) => {
  const questionId = await mailable(context);
  if (questionId === null) return null;
  const answers = await queryRows<MessageRow>(
    context.db,
    sql`select q.subject, u.display_name as author_name, m.body_html
          from helpdesk_questions q
          join helpdesk_messages m on m.question_id = q.id and m.id > q.asker_last_read_message_id and m.from_team and not m.internal
          left join users u on u.id = m.author_id
         where q.id = ${questionId} and q.asker_id = ${context.user.id}
         order by m.id`,
  );
  if (answers.length === 0) return null;
  const subject = answers[0]!.subject;
  const blocks: MailBlock[] = [
    `Het kenniscentrum heeft gereageerd op je vraag ${quoted(subject)}.`,
    ...answers.slice(0, SHOWN).map((m): MailBlock => ({ quote: excerpt(m.body_html), by: m.author_name ? `${m.author_name}, kenniscentrum` : 'Kenniscentrum' })),
    { action: { label: 'Lees het antwoord', url: context.url(askerPath(questionId)) } },
  ];
  return mailLayout(context, { subject: `Antwoord van het kenniscentrum: ${quoted(subject)}`, blocks, unsubscribe: 'messages' });
};

const questionMail: MailTemplate = async (context) => {
  const questionId = await mailable(context);
  if (questionId === null) return null;
  // The asker's messages since the team last answered publicly: what waits for the team.
  const waiting = await queryRows<MessageRow & { first: boolean }>(
    context.db,
    sql`select q.subject, u.display_name as author_name, m.body_html,
               not exists (select 1 from helpdesk_messages e where e.question_id = q.id and e.id < m.id) as first
          from helpdesk_questions q
          join users me on me.id = ${context.user.id} and ${centreStaffSql('me')}
          join helpdesk_messages m on m.question_id = q.id and not m.from_team and not m.internal
          left join users u on u.id = m.author_id
         where q.id = ${questionId} and q.status = 'open'
           and not exists (select 1 from helpdesk_messages t where t.question_id = q.id and t.from_team and not t.internal and t.id > m.id)
         order by m.id`,
  );
  if (waiting.length === 0) return null;
  const first = waiting[0]!;
  const blocks: MailBlock[] = [
    first.first ? `Er is een nieuwe vraag voor het kenniscentrum: ${quoted(first.subject)}.` : `Er is een reactie op de vraag ${quoted(first.subject)}.`,
    ...waiting.slice(0, SHOWN).map((m): MailBlock => ({ quote: excerpt(m.body_html), by: m.author_name ?? 'Een oud-lid' })),
    { action: { label: 'Naar de vraag', url: context.url(teamPath(questionId)) } },
  ];
  return mailLayout(context, { subject: first.first ? `Nieuwe vraag: ${quoted(first.subject)}` : `Reactie op ${quoted(first.subject)}`, blocks, unsubscribe: 'messages' });
};

/** Keyed by mail_outbox.kind. */
export const helpdeskTemplates: Record<string, MailTemplate> = { helpdesk_answer: answerMail, helpdesk_question: questionMail };
