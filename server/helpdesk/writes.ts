import { and, count, eq, gt, sql } from 'drizzle-orm';
import { LIMITS, type HelpdeskStatus } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import { isCentreStaff } from '../centre/team.js';
import { renderMarkdown } from '../content/render.js';
import type { Db, Tx } from '../db/client.js';
import { helpdeskMessages, helpdeskQuestions, notifications, users } from '../db/schema.js';
import { publish } from '../events/publish.js';
import { badRequest, conflict, HttpError } from '../http/errors.js';
import { notifyNotificationsChanged } from '../live/notify.js';
import { checkCategory } from '../trainings/validate.js';
import type { QuestionRow } from './access.js';

/**
 * Every write to the helpdesk, each one transaction that announces it through publish() (the live hub tells the
 * asker's and the team's screens; the notification worker the other side, notifications/helpdesk.ts). Callers check
 * who may act first (access.ts); these check what the write itself requires.
 */

const updated = (q: Pick<QuestionRow, 'id' | 'askerId'>) => ({ type: 'helpdesk.updated' as const, questionId: q.id, askerId: q.askerId });

async function insertMessage(tx: Tx, question: Pick<QuestionRow, 'id' | 'askerId'>, author: CurrentUser, body: string, fromTeam: boolean, internal: boolean): Promise<number> {
  const [message] = await tx
    .insert(helpdeskMessages)
    .values({ questionId: question.id, authorId: author.id, fromTeam, internal, body, bodyHtml: renderMarkdown(body) })
    .returning({ id: helpdeskMessages.id });
  const id = message!.id;
  await publish(tx, { type: 'helpdesk.message', questionId: question.id, messageId: id, askerId: question.askerId, internal });
  return id;
}

/** How many questions she may ask a day: the team answers each by hand. */
async function assertMayAsk(db: Db, user: CurrentUser): Promise<void> {
  const [row] = await db
    .select({ n: count() })
    .from(helpdeskQuestions)
    .where(and(eq(helpdeskQuestions.askerId, user.id), gt(helpdeskQuestions.createdAt, sql`now() - interval '1 day'`)));
  if ((row?.n ?? 0) >= LIMITS.helpdeskQuestionsPerDay) {
    throw new HttpError(429, 'question_limit', `Je kunt het kenniscentrum maximaal ${LIMITS.helpdeskQuestionsPerDay} vragen per dag stellen.`, undefined, { 'Retry-After': '3600' });
  }
}

export async function askQuestion(db: Db, user: CurrentUser, input: { subject: string; body: string; categoryId?: number | null | undefined }): Promise<number> {
  if (input.categoryId != null) await checkCategory(db, input.categoryId, user);
  await assertMayAsk(db, user);
  return db.transaction(async (tx) => {
    const [question] = await tx
      .insert(helpdeskQuestions)
      .values({ askerId: user.id, subject: input.subject.trim(), categoryId: input.categoryId ?? null })
      .returning();
    // Her question is read by her as soon as she asked it.
    const messageId = await insertMessage(tx, question!, user, input.body, false, false);
    await tx.update(helpdeskQuestions).set({ askerLastReadMessageId: messageId }).where(eq(helpdeskQuestions.id, question!.id));
    return question!.id;
  });
}

/**
 * A message on a question. From the asker: it is the team's turn again (open, also when it was closed). From the
 * team, public: the member's turn (waiting), and the first one sets the response time. An internal note changes
 * nothing but the team's record.
 */
export async function postMessage(db: Db, user: CurrentUser, question: QuestionRow, body: string, internal: boolean): Promise<number> {
  const fromTeam = question.askerId !== user.id && isCentreStaff(user);
  if (internal && !fromTeam) throw badRequest('internal_team_only', 'Alleen het team van het kenniscentrum schrijft interne notities.', 'internal');
  const [duplicate] = await db
    .select({ one: sql<number>`1` })
    .from(helpdeskMessages)
    .where(and(eq(helpdeskMessages.questionId, question.id), eq(helpdeskMessages.authorId, user.id), sql`btrim(${helpdeskMessages.body}) = ${body.trim()}`, gt(helpdeskMessages.createdAt, sql`now() - interval '5 minutes'`)))
    .limit(1);
  if (duplicate) throw conflict('duplicate_message', 'Je hebt dit bericht net al verstuurd.');
  return db.transaction(async (tx) => {
    const id = await insertMessage(tx, question, user, body, fromTeam, internal);
    if (internal) return id;
    await tx
      .update(helpdeskQuestions)
      .set(
        fromTeam
          ? { status: 'waiting', firstResponseAt: sql`coalesce(${helpdeskQuestions.firstResponseAt}, now())`, closedAt: null, lastActivityAt: sql`now()` }
          : { status: 'open', closedAt: null, lastActivityAt: sql`now()`, askerLastReadMessageId: sql`greatest(${helpdeskQuestions.askerLastReadMessageId}, ${id})` },
      )
      .where(eq(helpdeskQuestions.id, question.id));
    await publish(tx, updated(question));
    return id;
  });
}

/** The team's triage: who handles it (a team member, or nobody), its status, its category. */
export async function triage(db: Db, user: CurrentUser, question: QuestionRow, input: { assigneeId?: number | null | undefined; status?: HelpdeskStatus | undefined; categoryId?: number | null | undefined }): Promise<void> {
  if (input.assigneeId === undefined && input.status === undefined && input.categoryId === undefined) {
    throw badRequest('nothing_to_change', 'Geef een behandelaar, status of categorie mee.', 'status');
  }
  if (input.assigneeId != null) {
    const [assignee] = await db
      .select({ role: users.role, centreTeam: users.centreTeam, status: users.status })
      .from(users)
      .where(eq(users.id, input.assigneeId));
    if (!assignee || assignee.status !== 'active' || !isCentreStaff(assignee)) {
      throw badRequest('not_team_member', 'Alleen iemand van het team van het kenniscentrum kan een vraag behandelen.', 'assigneeId');
    }
  }
  if (input.categoryId != null) await checkCategory(db, input.categoryId, user);
  const status = input.status;
  await db.transaction(async (tx) => {
    await tx
      .update(helpdeskQuestions)
      .set({
        ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
        ...(input.categoryId !== undefined ? { categoryId: input.categoryId } : {}),
        ...(status !== undefined && status !== question.status
          ? { status, closedAt: status === 'closed' ? sql`now()` : null, lastActivityAt: sql`now()` }
          : {}),
      })
      .where(eq(helpdeskQuestions.id, question.id));
    await publish(tx, updated(question));
  });
}

/** The asker closes her question: answered to her satisfaction. A new message from her opens it again. */
export async function closeQuestion(db: Db, question: QuestionRow): Promise<void> {
  if (question.status === 'closed') return;
  await db.transaction(async (tx) => {
    await tx.update(helpdeskQuestions).set({ status: 'closed', closedAt: sql`now()`, lastActivityAt: sql`now()` }).where(eq(helpdeskQuestions.id, question.id));
    await publish(tx, updated(question));
  });
}

/** Her consent to publish (or its change); null takes it back. Once published it stands: the thread is public. */
export async function setConsent(db: Db, question: QuestionRow, consent: { showName: boolean; showAffiliation: boolean } | null): Promise<void> {
  if (question.publishedThreadId !== null) throw conflict('already_published', 'Deze vraag staat al op het forum; je toestemming kan niet meer veranderen.');
  if (consent && question.firstResponseAt === null) {
    throw conflict('not_answered', 'Je kunt toestemming geven zodra het kenniscentrum je vraag heeft beantwoord.');
  }
  await db.transaction(async (tx) => {
    await tx
      .update(helpdeskQuestions)
      .set(
        consent
          ? { publishConsentAt: sql`now()`, publishShowName: consent.showName, publishShowAffiliation: consent.showAffiliation }
          : { publishConsentAt: null, publishShowName: false, publishShowAffiliation: false },
      )
      .where(eq(helpdeskQuestions.id, question.id));
    await publish(tx, updated(question));
  });
}

/** Moves the asker's read marker forward (never back) to a public message of her question; read to the end, its notification is done. */
export async function markRead(db: Db, userId: number, question: QuestionRow, messageId: number): Promise<void> {
  const [message] = await db
    .select({ id: helpdeskMessages.id })
    .from(helpdeskMessages)
    .where(and(eq(helpdeskMessages.id, messageId), eq(helpdeskMessages.questionId, question.id), eq(helpdeskMessages.internal, false)));
  if (!message) throw badRequest('unknown_message', 'Dit bericht hoort niet bij deze vraag.', 'messageId');
  await db.transaction(async (tx) => {
    await tx
      .update(helpdeskQuestions)
      .set({ askerLastReadMessageId: sql`greatest(${helpdeskQuestions.askerLastReadMessageId}, ${messageId})` })
      .where(eq(helpdeskQuestions.id, question.id));
    const read = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.userId, userId),
          eq(notifications.helpdeskQuestionId, question.id),
          eq(notifications.kind, 'helpdesk_answer'),
          sql`${notifications.readAt} is null`,
          sql`not exists (select 1 from ${helpdeskMessages} m where m.question_id = ${question.id} and m.id > ${messageId} and not m.internal)`,
        ),
      )
      .returning({ id: notifications.id });
    if (read.length > 0) await notifyNotificationsChanged(tx, [userId]);
  });
}
