import { eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/types.js';
import { findUserById } from '../auth/users.js';
import type { RenderOptions } from '../content/render.js';
import type { Db } from '../db/client.js';
import { helpdeskQuestions } from '../db/schema.js';
import { publish } from '../events/publish.js';
import { markSolution } from '../forum/solutions.js';
import { createReply, createThread } from '../forum/writes.js';
import { conflict } from '../http/errors.js';
import { checkCategory } from '../trainings/validate.js';
import { ANONYMOUS_MEMBER_EMAIL, CENTRE_ACCOUNT_EMAIL, systemAccount } from './accounts.js';
import type { QuestionRow } from './access.js';

/**
 * Knowledge that helps everyone: with the asker's consent, the team turns her answered question into a public
 * thread. The team writes the text (the question without what identifies her, and the answer); it is posted under
 * her name only when she chose that, else by "Lid van een lokale partij" (with her party and municipality in the
 * text only when she agreed to those), and answered by "Kenniscentrum", the answer marked as the best one. One
 * transaction: the thread, the answer, the mark and the question's link to it, so search indexes it as any thread.
 */

const SHARED_NOTE = '*Deze vraag kwam binnen bij de helpdesk van het kenniscentrum en is met toestemming van het lid gedeeld.*';

export async function publishQuestion(
  db: Db,
  team: CurrentUser,
  question: QuestionRow,
  input: { categoryId: number; title: string; question: string; answer: string },
  options: RenderOptions,
): Promise<number> {
  if (question.publishConsentAt === null) throw conflict('no_consent', 'Het lid heeft geen toestemming gegeven om deze vraag te delen.');
  if (question.publishedThreadId !== null) throw conflict('already_published', 'Deze vraag staat al op het forum.');
  await checkCategory(db, input.categoryId, team);
  const asker = await findUserById(db, question.askerId);
  if (!asker) throw conflict('no_consent', 'Het lid heeft geen toestemming gegeven om deze vraag te delen.');
  const [questioner, centre] = await Promise.all([
    question.publishShowName ? asker : systemAccount(db, ANONYMOUS_MEMBER_EMAIL),
    systemAccount(db, CENTRE_ACCOUNT_EMAIL),
  ]);
  const byline = !question.publishShowName && question.publishShowAffiliation && asker.party ? `*Gevraagd door een lid van ${asker.party}${asker.municipality ? ` uit ${asker.municipality}` : ''}.*\n\n` : '';
  return db.transaction(async (tx) => {
    // The row lock makes a second publish (a double click, two team members) wait and then see the first one's thread.
    const [current] = await tx.select().from(helpdeskQuestions).where(eq(helpdeskQuestions.id, question.id)).for('update');
    if (!current || current.publishConsentAt === null) throw conflict('no_consent', 'Het lid heeft geen toestemming gegeven om deze vraag te delen.');
    if (current.publishedThreadId !== null) throw conflict('already_published', 'Deze vraag staat al op het forum.');
    const { threadId } = await createThread(tx, questioner, input.categoryId, input.title.trim(), `${byline}${input.question.trim()}\n\n${SHARED_NOTE}`, options);
    const answerId = await createReply(tx, centre, threadId, input.categoryId, input.answer.trim(), null, options);
    // Marked by whoever asked it in the thread: the asker's own acceptance, not a moderator's act.
    await markSolution(tx, questioner, { id: threadId, categoryId: input.categoryId, authorId: questioner.id }, answerId);
    await tx.update(helpdeskQuestions).set({ publishedThreadId: threadId }).where(eq(helpdeskQuestions.id, question.id));
    await publish(tx, { type: 'helpdesk.updated', questionId: question.id, askerId: question.askerId });
    return threadId;
  });
}
