import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.js';

/**
 * The helpdesk in her data export (privacy/export-content.ts): her questions with every public message on them (the
 * team's answers were written to her), never an internal note; and the messages she wrote as a team member in other
 * members' questions, her own words only. Her questions go with her account (the foreign key cascades).
 */
export async function exportHelpdesk(db: DbOrTx, userId: number): Promise<Record<string, unknown>> {
  const questions = await queryRows(
    db,
    sql`select q.id, q.subject, q.status, q.created_at as "createdAt", q.closed_at as "closedAt",
               q.publish_consent_at as "publishConsentAt", q.publish_show_name as "publishShowName",
               q.publish_show_affiliation as "publishShowAffiliation", q.published_thread_id as "publishedThreadId",
               coalesce((select jsonb_agg(jsonb_build_object('id', m.id, 'fromTeam', m.from_team, 'body', m.body, 'createdAt', m.created_at) order by m.id)
                           from helpdesk_messages m where m.question_id = q.id and not m.internal), '[]'::jsonb) as messages
          from helpdesk_questions q where q.asker_id = ${userId} order by q.id`,
  );
  const writtenForTeam = await queryRows(
    db,
    sql`select m.id, m.question_id as "questionId", m.internal, m.body, m.created_at as "createdAt"
          from helpdesk_messages m join helpdesk_questions q on q.id = m.question_id
         where m.author_id = ${userId} and q.asker_id <> ${userId} order by m.id`,
  );
  return { questions, writtenForTeam };
}
