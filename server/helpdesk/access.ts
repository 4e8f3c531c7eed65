import { eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/types.js';
import { isCentreStaff } from '../centre/team.js';
import type { DbOrTx } from '../db/client.js';
import { helpdeskQuestions } from '../db/schema.js';
import { forbidden, notFound } from '../http/errors.js';

/**
 * Who reads a helpdesk question, written once: its asker and the kenniscentrum's team (centre/team.ts). Anyone else
 * gets "not found", the same answer as for a question that does not exist. `team` says which of the two she reads
 * it as: the team sees internal notes and triage, the asker never does. (A team member's own question is read as
 * the team reads it: she is the team.)
 */

export type QuestionRow = typeof helpdeskQuestions.$inferSelect;
export interface QuestionAccess {
  question: QuestionRow;
  team: boolean;
}

export const questionNotFound = () => notFound('Deze vraag bestaat niet.');

/** Whether `user` may read `question`, and as whom; null: she may not. Also the live hub's and the mail's rule. */
export function questionReader(question: Pick<QuestionRow, 'askerId'>, user: CurrentUser): QuestionAccess['team'] | null {
  if (isCentreStaff(user)) return true;
  if (question.askerId === user.id) return false;
  return null;
}

export async function readableQuestion(db: DbOrTx, id: number, user: CurrentUser): Promise<QuestionAccess> {
  const [question] = await db.select().from(helpdeskQuestions).where(eq(helpdeskQuestions.id, id));
  const team = question ? questionReader(question, user) : null;
  if (!question || team === null) throw questionNotFound();
  return { question, team };
}

/** The asker's own acts (consent, read marker, closing): the team reads the question but is refused these. */
export async function askersQuestion(db: DbOrTx, id: number, user: CurrentUser): Promise<QuestionRow> {
  const access = await readableQuestion(db, id, user);
  if (access.question.askerId !== user.id) throw forbidden('not_asker', 'Alleen wie de vraag stelde kan dit doen.');
  return access.question;
}
