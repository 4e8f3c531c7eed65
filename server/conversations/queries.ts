import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { ConversationDetail, ConversationMessage, Participant } from '../../shared/api/conversations.js';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import type { DbOrTx } from '../db/client.js';
import { conversationMessageReports, conversationMessages, conversationParticipants, conversations, users } from '../db/schema.js';
import { forbidden, notFound } from '../http/errors.js';
import { publicMemberColumns, toPublicMember, type PublicMemberRow } from '../members/public-member.js';

export const conversationNotFound = () => notFound('Dit gesprek bestaat niet.');
export const messageNotFound = () => notFound('Dit bericht bestaat niet.');

export type ConversationRow = typeof conversations.$inferSelect;

export interface Access {
  conversation: ConversationRow;
  /** Her read marker when she is a participant; null for a moderator reading because of an open report. */
  lastReadMessageId: number | null;
  moderatorView: boolean;
}

/** Whether one of the conversation's messages has an open report (a moderator may then read it, read-only). */
export async function hasOpenReport(db: DbOrTx, conversationId: number): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(conversationMessageReports)
    .innerJoin(conversationMessages, eq(conversationMessages.id, conversationMessageReports.messageId))
    .where(and(eq(conversationMessages.conversationId, conversationId), eq(conversationMessageReports.status, 'open')))
    .limit(1);
  return row !== undefined;
}

/**
 * The conversation as `user` may read it: as a participant, or as a moderator while a report on one of its messages
 * is open. Anyone else gets "not found", the same answer as for a conversation that does not exist.
 */
export async function readableConversation(db: DbOrTx, id: number, user: CurrentUser): Promise<Access> {
  const [row] = await db
    .select({ conversation: conversations, lastRead: conversationParticipants.lastReadMessageId })
    .from(conversations)
    .leftJoin(conversationParticipants, and(eq(conversationParticipants.conversationId, conversations.id), eq(conversationParticipants.userId, user.id)))
    .where(eq(conversations.id, id));
  if (!row) throw conversationNotFound();
  if (row.lastRead !== null) return { conversation: row.conversation, lastReadMessageId: row.lastRead, moderatorView: false };
  if (isModerator(user) && (await hasOpenReport(db, id))) return { conversation: row.conversation, lastReadMessageId: null, moderatorView: true };
  throw conversationNotFound();
}

/** Only a participant writes: a moderator who may read it (open report) is refused, anyone else does not find it. */
export async function participantConversation(db: DbOrTx, id: number, user: CurrentUser): Promise<Access> {
  const access = await readableConversation(db, id, user);
  if (access.moderatorView) throw forbidden('read_only', 'Je leest dit gesprek als moderator; je kunt er niet in schrijven.');
  return access;
}

const participantColumns = { conversationId: conversationParticipants.conversationId, ...publicMemberColumns };

/** The participants of each conversation, in the order they joined. */
export async function participantsOf(db: DbOrTx, conversationIds: readonly number[]): Promise<Map<number, Participant[]>> {
  const byConversation = new Map<number, Participant[]>(conversationIds.map((id) => [id, []]));
  if (conversationIds.length === 0) return byConversation;
  const rows = await db
    .select(participantColumns)
    .from(conversationParticipants)
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .where(inArray(conversationParticipants.conversationId, [...conversationIds]))
    .orderBy(asc(conversationParticipants.joinedAt), asc(users.id));
  for (const row of rows) byConversation.get(row.conversationId)?.push(toParticipant(row));
  return byConversation;
}

export const toParticipant = (row: PublicMemberRow): Participant => toPublicMember(row);

export function toDetail(access: Access, participants: Participant[], userId: number): ConversationDetail {
  const { conversation, moderatorView } = access;
  return {
    id: conversation.id,
    subject: conversation.subject,
    participants,
    createdAt: conversation.createdAt.toISOString(),
    messageCount: conversation.messageCount,
    lastReadMessageId: access.lastReadMessageId ?? 0,
    // Alone in it (everyone else left), there is nobody to write to.
    canReply: !moderatorView && participants.some((p) => p.id !== userId),
    ...(moderatorView ? { moderatorView: true as const } : {}),
  };
}

export async function conversationDetail(db: DbOrTx, access: Access, user: CurrentUser): Promise<ConversationDetail> {
  const participants = (await participantsOf(db, [access.conversation.id])).get(access.conversation.id) ?? [];
  return toDetail(access, participants, user.id);
}

const authorAlias = users;
export const messageColumns = {
  id: conversationMessages.id,
  conversationId: conversationMessages.conversationId,
  authorId: conversationMessages.authorId,
  body: conversationMessages.body,
  bodyHtml: conversationMessages.bodyHtml,
  createdAt: conversationMessages.createdAt,
  editedAt: conversationMessages.editedAt,
  deletedAt: conversationMessages.deletedAt,
  author: {
    id: authorAlias.id,
    displayName: authorAlias.displayName,
    party: authorAlias.party,
    municipality: authorAlias.municipality,
    showAffiliation: authorAlias.showAffiliation,
    representativeRole: authorAlias.representativeRole,
    representativeVerified: authorAlias.representativeVerified,
    avatarUpdatedAt: authorAlias.avatarUpdatedAt,
  },
};

export interface MessageRow {
  id: number;
  conversationId: number;
  authorId: number | null;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  author: PublicMemberRow | null;
}

export function selectMessages(db: DbOrTx) {
  return db.select(messageColumns).from(conversationMessages).leftJoin(users, eq(users.id, conversationMessages.authorId));
}

export async function findMessage(db: DbOrTx, id: number): Promise<MessageRow | null> {
  const [row] = await selectMessages(db).where(eq(conversationMessages.id, id));
  return (row as MessageRow | undefined) ?? null;
}

/** The message as `viewerId` reads it: a deleted one without text, the Markdown only for its author. */
export function toMessageDto(row: MessageRow, viewerId: number | null): ConversationMessage {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    conversationId: row.conversationId,
    author: row.author && row.authorId !== null ? toParticipant(row.author) : null,
    bodyHtml: deleted ? '' : row.bodyHtml,
    ...(!deleted && viewerId !== null && viewerId === row.authorId ? { body: row.body } : {}),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted,
  };
}

/** The newest `limit` messages before `before` (all when null), oldest first, and whether older ones exist. */
export async function messagesBefore(db: DbOrTx, conversationId: number, before: number | null, limit: number): Promise<{ rows: MessageRow[]; hasEarlier: boolean }> {
  const rows = (await selectMessages(db)
    .where(and(eq(conversationMessages.conversationId, conversationId), before === null ? undefined : lt(conversationMessages.id, before)))
    .orderBy(desc(conversationMessages.id))
    .limit(limit + 1)) as MessageRow[];
  const hasEarlier = rows.length > limit;
  return { rows: rows.slice(0, limit).reverse(), hasEarlier };
}

/** Every message after `after`, oldest first, up to `limit` (a reconnecting screen's catch-up). */
export async function messagesAfter(db: DbOrTx, conversationId: number, after: number, limit: number): Promise<MessageRow[]> {
  return (await selectMessages(db)
    .where(and(eq(conversationMessages.conversationId, conversationId), gt(conversationMessages.id, after)))
    .orderBy(asc(conversationMessages.id))
    .limit(limit)) as MessageRow[];
}
