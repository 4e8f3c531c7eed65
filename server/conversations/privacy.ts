import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx, type Tx } from '../db/client.js';
import { publish } from '../events/publish.js';
import { leaveConversations } from './writes.js';

/**
 * Private conversations in her data export (privacy/export-content.ts): the subjects of the conversations she is in,
 * every message she wrote (also in ones she left), her drafts, reports and blocks. Never another member's message.
 */
export async function exportConversations(db: DbOrTx, userId: number): Promise<Record<string, unknown>> {
  const conversations = await queryRows(
    db,
    sql`select c.id, c.subject, c.created_at as "createdAt", p.joined_at as "joinedAt", p.last_read_message_id as "lastReadMessageId",
               c.created_by = ${userId} as "startedByYou"
          from conversation_participants p join conversations c on c.id = p.conversation_id
         where p.user_id = ${userId} order by c.id`,
  );
  const messages = await queryRows(
    db,
    sql`select id, conversation_id as "conversationId", body, created_at as "createdAt", edited_at as "editedAt", deleted_at as "deletedAt"
          from conversation_messages where author_id = ${userId} order by id`,
  );
  const drafts = await queryRows(
    db,
    sql`select conversation_id as "conversationId", body, updated_at as "updatedAt" from conversation_drafts where user_id = ${userId} order by conversation_id`,
  );
  const reports = await queryRows(
    db,
    sql`select message_id as "messageId", reason, note, status, resolution, created_at as "createdAt", resolved_at as "resolvedAt"
          from conversation_message_reports where reporter_id = ${userId} order by id`,
  );
  const blocks = await queryRows(
    db,
    sql`select blocked_user_id as "memberId", created_at as "createdAt" from member_blocks where user_id = ${userId} order by created_at`,
  );
  return { conversations, messages, drafts, reports, blocks };
}

/**
 * Account deletion (privacy/account-deletion.ts): she leaves every conversation (those she was the last one in are
 * deleted with their messages, writes.ts). Her messages in the others stay, their author set to null by the foreign
 * key when her users row goes: shown as a former member. When she chose to remove the text of what she wrote, her
 * messages are deleted as she would delete them herself (no text, a placeholder), and announced.
 */
export async function leaveAllConversations(tx: Tx, userId: number, removeText: boolean): Promise<void> {
  if (removeText) {
    const removed = await queryRows<{ id: number; conversation_id: number }>(
      tx,
      sql`update conversation_messages set body = '', body_html = '', deleted_at = now()
           where author_id = ${userId} and deleted_at is null
       returning id, conversation_id`,
    );
    await publish(
      tx,
      removed.map((m) => ({ type: 'conversation.message' as const, conversationId: m.conversation_id, messageId: m.id, created: false })),
    );
  }
  const rows = await queryRows<{ conversation_id: number }>(tx, sql`select conversation_id from conversation_participants where user_id = ${userId}`);
  await leaveConversations(
    tx,
    userId,
    rows.map((r) => r.conversation_id),
  );
}
