import { and, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { LIMITS } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import { renderMarkdown } from '../content/render.js';
import type { Db, Tx } from '../db/client.js';
import { conversationDrafts, conversationMessages, conversationParticipants, conversations, notifications, users } from '../db/schema.js';
import { publish } from '../events/publish.js';
import { NEW_MEMBER_DAYS } from '../forum/anti-abuse.js';
import { notifyNotificationsChanged } from '../live/notify.js';
import { badRequest, conflict, forbidden, HttpError } from '../http/errors.js';
import { blockedBy, blockedByMe } from './blocks.js';

/**
 * Every write to a private conversation, each in one transaction that announces it through publish() (the live hub
 * tells the participants' screens, the notification worker the other participants). Callers check access first
 * (queries.ts); these check what the write itself requires.
 */

const cannotMessage = () => forbidden('cannot_message', 'Je kunt deze persoon geen bericht sturen.');

/**
 * The members she wants to write to, checked: others than herself, active, not having blocked her nor blocked by her. Answers nothing;
 * refuses the whole list when one fails, so nothing half happens.
 */
async function assertRecipients(db: Db | Tx, user: CurrentUser, ids: readonly number[], field: string): Promise<void> {
  if (ids.includes(user.id)) throw badRequest('self_participant', 'Je hoeft jezelf niet toe te voegen: je doet zelf al mee.', field);
  const found = await db.select({ id: users.id }).from(users).where(and(inArray(users.id, [...ids]), eq(users.status, 'active')));
  if (found.length !== ids.length) throw badRequest('unknown_participant', 'Je kunt alleen actieve leden een bericht sturen.', field);
  if ((await blockedBy(db, user.id, ids)).length > 0) throw cannotMessage();
  if ((await blockedByMe(db, user.id, ids)).length > 0) {
    throw forbidden('blocked_by_you', 'Je hebt dit lid geblokkeerd. Hef de blokkade op (op de pagina van het lid) om een bericht te sturen.');
  }
}

const DUPLICATE_WINDOW = '5 minutes';

/** The same text twice within five minutes (a double click, a spammer pasting to many): refused, as for posts. */
async function assertNotDuplicate(db: Db | Tx, user: CurrentUser, body: string): Promise<void> {
  const [duplicate] = await db
    .select({ one: sql<number>`1` })
    .from(
      db
        .select({ body: conversationMessages.body })
        .from(conversationMessages)
        .where(and(eq(conversationMessages.authorId, user.id), gt(conversationMessages.createdAt, sql`(select now() - ${DUPLICATE_WINDOW}::interval)`)))
        .orderBy(desc(conversationMessages.id))
        .limit(50)
        .as('latest'),
    )
    .where(sql`btrim(latest.body) = ${body.trim()}`)
    .limit(1);
  if (duplicate) throw conflict('duplicate_message', 'Je hebt dit bericht net al verstuurd.');
}

/** How many conversations she may start a day: fewer in her first days (as for posts, forum/anti-abuse.ts). */
async function assertMayStart(db: Db | Tx, user: CurrentUser): Promise<void> {
  if (isModerator(user)) return;
  const newMember = Date.now() - user.createdAt.getTime() < NEW_MEMBER_DAYS * 24 * 3600 * 1000;
  const allowed = newMember ? LIMITS.conversationsPerDayNewMember : LIMITS.conversationsPerDay;
  const [row] = await db
    .select({ n: count() })
    .from(conversations)
    .where(and(eq(conversations.createdBy, user.id), gt(conversations.createdAt, sql`now() - interval '1 day'`)));
  if ((row?.n ?? 0) >= allowed) {
    const message = newMember
      ? `Nieuwe leden kunnen de eerste dagen maximaal ${allowed} gesprekken per dag beginnen.`
      : `Je kunt maximaal ${allowed} gesprekken per dag beginnen.`;
    throw new HttpError(429, 'conversation_limit', message, undefined, { 'Retry-After': '3600' });
  }
}

async function insertMessage(tx: Tx, conversationId: number, authorId: number, body: string): Promise<number> {
  const [message] = await tx
    .insert(conversationMessages)
    .values({ conversationId, authorId, body, bodyHtml: renderMarkdown(body) })
    .returning({ id: conversationMessages.id });
  await tx
    .update(conversations)
    .set({ lastMessageAt: sql`now()`, messageCount: sql`${conversations.messageCount} + 1` })
    .where(eq(conversations.id, conversationId));
  // What she wrote she has read; her draft is sent.
  await tx
    .update(conversationParticipants)
    .set({ lastReadMessageId: message!.id })
    .where(and(eq(conversationParticipants.conversationId, conversationId), eq(conversationParticipants.userId, authorId)));
  await tx.delete(conversationDrafts).where(and(eq(conversationDrafts.conversationId, conversationId), eq(conversationDrafts.userId, authorId)));
  await publish(tx, { type: 'conversation.message', conversationId, messageId: message!.id, created: true });
  return message!.id;
}

export async function startConversation(db: Db, user: CurrentUser, input: { subject: string; body: string; participantIds: number[] }): Promise<number> {
  const ids = [...new Set(input.participantIds)];
  if (ids.length > LIMITS.conversationParticipants) {
    throw badRequest('too_many_participants', `Een gesprek kan met hoogstens ${LIMITS.conversationParticipants} anderen.`, 'participantIds');
  }
  await assertRecipients(db, user, ids, 'participantIds');
  await assertMayStart(db, user);
  await assertNotDuplicate(db, user, input.body);
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .insert(conversations)
      .values({ subject: input.subject.trim(), createdBy: user.id })
      .returning({ id: conversations.id });
    const id = conversation!.id;
    await tx.insert(conversationParticipants).values([user.id, ...ids].map((userId) => ({ conversationId: id, userId })));
    await insertMessage(tx, id, user.id, input.body);
    return id;
  });
}

export async function postMessage(db: Db, user: CurrentUser, conversationId: number, body: string): Promise<number> {
  await assertNotDuplicate(db, user, body);
  return db.transaction((tx) => insertMessage(tx, conversationId, user.id, body));
}

export async function editMessage(db: Db, messageId: number, conversationId: number, body: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(conversationMessages).set({ body, bodyHtml: renderMarkdown(body), editedAt: sql`now()` }).where(eq(conversationMessages.id, messageId));
    await publish(tx, { type: 'conversation.message', conversationId, messageId, created: false });
  });
}

/** Soft: the message stays as "verwijderd" in its place, its text is gone for everyone (also from the database). */
export async function deleteMessageIn(tx: Tx, messageId: number, conversationId: number): Promise<void> {
  await tx.update(conversationMessages).set({ body: '', bodyHtml: '', deletedAt: sql`now()` }).where(eq(conversationMessages.id, messageId));
  await publish(tx, { type: 'conversation.message', conversationId, messageId, created: false });
}

export async function deleteMessage(db: Db, messageId: number, conversationId: number): Promise<void> {
  await db.transaction((tx) => deleteMessageIn(tx, messageId, conversationId));
}

export async function addParticipants(db: Db, user: CurrentUser, conversationId: number, userIds: number[]): Promise<void> {
  const ids = [...new Set(userIds)];
  const present = await db.select({ userId: conversationParticipants.userId }).from(conversationParticipants).where(eq(conversationParticipants.conversationId, conversationId));
  const presentIds = new Set(present.map((p) => p.userId));
  const added = ids.filter((id) => !presentIds.has(id));
  if (ids.includes(user.id)) throw badRequest('self_participant', 'Je doet zelf al mee aan dit gesprek.', 'userIds');
  if (added.length === 0) throw badRequest('already_participants', 'Deze leden doen al mee aan dit gesprek.', 'userIds');
  // Herself and the others already in it, plus the new ones: at most the limit besides her.
  if (presentIds.size - 1 + added.length > LIMITS.conversationParticipants) {
    throw badRequest('too_many_participants', `Een gesprek kan met hoogstens ${LIMITS.conversationParticipants} anderen.`, 'userIds');
  }
  await assertRecipients(db, user, added, 'userIds');
  await db.transaction(async (tx) => {
    await tx
      .insert(conversationParticipants)
      .values(added.map((userId) => ({ conversationId, userId })))
      .onConflictDoNothing();
    await publish(tx, { type: 'conversation.updated', conversationId });
  });
}

/**
 * She leaves: her participation, draft and notification of it go. With its last participant the conversation and
 * its messages are deleted. Runs in the caller's transaction when given one (account deletion leaves them all).
 */
export async function leaveConversations(tx: Tx, userId: number, conversationIds: readonly number[]): Promise<void> {
  if (conversationIds.length === 0) return;
  const ids = [...conversationIds];
  await tx.delete(conversationParticipants).where(and(eq(conversationParticipants.userId, userId), inArray(conversationParticipants.conversationId, ids)));
  await tx.delete(conversationDrafts).where(and(eq(conversationDrafts.userId, userId), inArray(conversationDrafts.conversationId, ids)));
  await tx.delete(notifications).where(and(eq(notifications.userId, userId), inArray(notifications.conversationId, ids)));
  await tx.execute(sql`delete from ${conversations} c
                        where c.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
                          and not exists (select 1 from ${conversationParticipants} p where p.conversation_id = c.id)`);
  await publish(tx, ids.map((conversationId) => ({ type: 'conversation.updated' as const, conversationId, removedUserIds: [userId] })));
}

export async function leaveConversation(db: Db, userId: number, conversationId: number): Promise<void> {
  await db.transaction((tx) => leaveConversations(tx, userId, [conversationId]));
}

/** Moves her read marker forward (never back) to a message of this conversation. */
export async function markRead(db: Db, userId: number, conversationId: number, messageId: number): Promise<boolean> {
  const [message] = await db
    .select({ id: conversationMessages.id })
    .from(conversationMessages)
    .where(and(eq(conversationMessages.id, messageId), eq(conversationMessages.conversationId, conversationId)));
  if (!message) throw badRequest('unknown_message', 'Dit bericht hoort niet bij dit gesprek.', 'messageId');
  return db.transaction(async (tx) => {
    await tx
      .update(conversationParticipants)
      .set({ lastReadMessageId: sql`greatest(${conversationParticipants.lastReadMessageId}, ${messageId})` })
      .where(and(eq(conversationParticipants.conversationId, conversationId), eq(conversationParticipants.userId, userId)));
    // Read to the end: the notification of it is done.
    const read = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.userId, userId),
          eq(notifications.conversationId, conversationId),
          eq(notifications.kind, 'message'),
          sql`${notifications.readAt} is null`,
          sql`not exists (select 1 from ${conversationMessages} m where m.conversation_id = ${conversationId} and m.id > ${messageId} and m.deleted_at is null)`,
        ),
      )
      .returning({ id: notifications.id });
    if (read.length > 0) await notifyNotificationsChanged(tx, [userId]);
    return read.length > 0;
  });
}
