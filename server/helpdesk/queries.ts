import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { HelpdeskMessage, HelpdeskQuestion } from '../../shared/api/helpdesk.js';
import type { HelpdeskStatus } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import type { DbOrTx } from '../db/client.js';
import { categories, helpdeskMessages, helpdeskQuestions, users } from '../db/schema.js';
import { categoryOpen } from '../forum/visibility.js';
import { publicMemberColumns, toPublicMember, type PublicMemberRow } from '../members/public-member.js';
import type { QuestionRow } from './access.js';

/** How a question and its messages are loaded and shown; who may read them is access.ts's to say. */

const asker = alias(users, 'asker');
const assignee = alias(users, 'assignee');
const author = alias(users, 'author');

const askerColumns = Object.fromEntries(Object.keys(publicMemberColumns).map((key) => [key, asker[key as keyof typeof publicMemberColumns]])) as {
  [K in keyof typeof publicMemberColumns]: (typeof asker)[K];
};
const authorColumns = Object.fromEntries(Object.keys(publicMemberColumns).map((key) => [key, author[key as keyof typeof publicMemberColumns]])) as {
  [K in keyof typeof publicMemberColumns]: (typeof author)[K];
};

/**
 * The team's public answers on a question (the row of `helpdesk_questions` in the outer query) that its asker has not
 * read: her unread count on the question and her badge (`/api/helpdesk/unread`) both count these.
 */
export const unreadAnswersSql = sql`from ${helpdeskMessages} m
  where m.question_id = ${helpdeskQuestions.id} and m.from_team and not m.internal and m.id > ${helpdeskQuestions.askerLastReadMessageId}`;

export interface QuestionView {
  question: QuestionRow;
  category: { id: number; slug: string; name: string; access: string } | null;
  asker: PublicMemberRow | null;
  assignee: { id: number; displayName: string } | null;
  /** Public messages by the team after the asker's read marker. */
  unread: number;
}

/** The questions matching `where`, with what their DTO shows, in `orderBy`'s order. */
export async function questionViews(db: DbOrTx, where: SQL | undefined, orderBy: SQL[], limit = 100): Promise<QuestionView[]> {
  const rows = await db
    .select({
      question: helpdeskQuestions,
      category: { id: categories.id, slug: categories.slug, name: categories.name, access: categories.access },
      asker: askerColumns,
      assignee: { id: assignee.id, displayName: assignee.displayName },
      unread: sql<number>`(select count(*)::int ${unreadAnswersSql})`,
    })
    .from(helpdeskQuestions)
    .leftJoin(categories, eq(categories.id, helpdeskQuestions.categoryId))
    .leftJoin(asker, eq(asker.id, helpdeskQuestions.askerId))
    .leftJoin(assignee, eq(assignee.id, helpdeskQuestions.assigneeId))
    .where(where)
    .orderBy(...orderBy)
    .limit(limit);
  return rows as QuestionView[];
}

export async function questionView(db: DbOrTx, id: number): Promise<QuestionView | null> {
  const [view] = await questionViews(db, eq(helpdeskQuestions.id, id), [], 1);
  return view ?? null;
}

/**
 * The question as `viewer` reads it (`team`: as the team does): the assignee and internal state for the team only;
 * the category only where she may enter it (the team may have filed it in one she cannot).
 */
export function toQuestionDto(view: QuestionView, viewer: CurrentUser, team: boolean): HelpdeskQuestion {
  const q = view.question;
  const category = view.category && (team || categoryOpen(view.category.access, viewer)) ? { id: view.category.id, slug: view.category.slug, name: view.category.name } : null;
  return {
    id: q.id,
    subject: q.subject,
    category,
    status: q.status as HelpdeskStatus,
    asker: view.asker ? toPublicMember(view.asker) : null,
    assignee: team ? view.assignee : null,
    createdAt: q.createdAt.toISOString(),
    lastActivityAt: q.lastActivityAt.toISOString(),
    firstResponseAt: q.firstResponseAt?.toISOString() ?? null,
    closedAt: q.closedAt?.toISOString() ?? null,
    unreadCount: team ? 0 : view.unread,
    consent: q.publishConsentAt ? { consentedAt: q.publishConsentAt.toISOString(), showName: q.publishShowName, showAffiliation: q.publishShowAffiliation } : null,
    publishedThreadId: q.publishedThreadId,
  };
}

/** The question as `user` reads it now (after a write: its new state). */
export async function questionDto(db: DbOrTx, id: number, user: CurrentUser, team: boolean): Promise<HelpdeskQuestion> {
  return toQuestionDto((await questionView(db, id))!, user, team);
}

export interface MessageRow {
  id: number;
  questionId: number;
  authorId: number | null;
  fromTeam: boolean;
  internal: boolean;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  author: PublicMemberRow | null;
}

function selectMessages(db: DbOrTx) {
  return db
    .select({
      id: helpdeskMessages.id,
      questionId: helpdeskMessages.questionId,
      authorId: helpdeskMessages.authorId,
      fromTeam: helpdeskMessages.fromTeam,
      internal: helpdeskMessages.internal,
      body: helpdeskMessages.body,
      bodyHtml: helpdeskMessages.bodyHtml,
      createdAt: helpdeskMessages.createdAt,
      author: authorColumns,
    })
    .from(helpdeskMessages)
    .leftJoin(author, eq(author.id, helpdeskMessages.authorId));
}

/** A question's messages, oldest first: for the asker without the team's internal notes. */
export async function questionMessages(db: DbOrTx, questionId: number, team: boolean): Promise<MessageRow[]> {
  return (await selectMessages(db)
    .where(and(eq(helpdeskMessages.questionId, questionId), team ? undefined : eq(helpdeskMessages.internal, false)))
    .orderBy(asc(helpdeskMessages.id))) as MessageRow[];
}

export async function findMessage(db: DbOrTx, id: number): Promise<MessageRow | null> {
  const [row] = await selectMessages(db).where(eq(helpdeskMessages.id, id));
  return (row as MessageRow | undefined) ?? null;
}

/** The newest public message of each question and how many public messages it has: the inbox's line. */
export async function lastPublicMessages(db: DbOrTx, questionIds: readonly number[]): Promise<Map<number, { fromTeam: boolean; bodyHtml: string; count: number }>> {
  const result = new Map<number, { fromTeam: boolean; bodyHtml: string; count: number }>();
  if (questionIds.length === 0) return result;
  const rows = await db
    .select({
      questionId: helpdeskMessages.questionId,
      fromTeam: helpdeskMessages.fromTeam,
      bodyHtml: helpdeskMessages.bodyHtml,
      count: sql<number>`count(*) over (partition by ${helpdeskMessages.questionId})::int`,
      rank: sql<number>`row_number() over (partition by ${helpdeskMessages.questionId} order by ${helpdeskMessages.id} desc)::int`,
    })
    .from(helpdeskMessages)
    .where(and(inArray(helpdeskMessages.questionId, [...questionIds]), eq(helpdeskMessages.internal, false)));
  for (const row of rows) if (row.rank === 1) result.set(row.questionId, row);
  return result;
}

/**
 * The message as `team` or the asker reads it. The caller never hands the asker an internal note (questionMessages
 * leaves them out, the live hub skips them); the Markdown goes to the team (to publish from) and to its author.
 */
export function toMessageDto(row: MessageRow, viewerId: number, team: boolean): HelpdeskMessage {
  return {
    id: row.id,
    questionId: row.questionId,
    author: row.author && row.authorId !== null ? toPublicMember(row.author) : null,
    fromTeam: row.fromTeam,
    internal: row.internal,
    bodyHtml: row.bodyHtml,
    ...(team || row.authorId === viewerId ? { body: row.body } : {}),
    createdAt: row.createdAt.toISOString(),
  };
}
