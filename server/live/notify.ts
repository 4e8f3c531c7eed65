import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { FORUM_CHANNEL, type ForumEvent } from '../events/types.js';

// The forum's changes are announced by server/events/ (publish); live only receives them, and sends typing itself.
export { FORUM_CHANNEL };

/** Someone is writing a reply. Ephemeral, so outside any transaction; through the database so every process hears it. */
export type TypingEvent = { type: 'typing'; threadId: number; userId: number; displayName: string };

/** Everything that travels on `forum_events`. */
export type ForumChannelEvent = ForumEvent | TypingEvent;

export async function notifyTyping(db: Db, event: TypingEvent): Promise<void> {
  await db.execute(sql`select pg_notify(${FORUM_CHANNEL}, ${JSON.stringify(event)})`);
}

export const USER_CHANNEL = 'user_events';

/**
 * Something that concerns one user's own sockets: a new notification for them, or a change to their
 * account (suspended, role changed, approved), after which the live concern re-checks or closes their sockets.
 */
export type UserEvent =
  | { type: 'notification.created'; userId: number; notificationId: number }
  // The notification worker's batch: these members' notifications changed (new, or a group grew); one NOTIFY for many.
  | { type: 'notifications.changed'; userIds: number[] }
  | { type: 'account.changed'; userId: number }
  // Sent by the live concern itself when auth reports a logout / revocation, so sockets held by other processes close too.
  // The session is named by its hash (as stored), never by the cookie value.
  | { type: 'session.ended'; userId: number; sessionHash: string }
  | { type: 'sessions.revoked'; userId: number; kept?: SessionMove };

/** A session that goes on under a new id (by hash): its sockets stay open and move along. */
export interface SessionMove {
  from: string;
  to: string;
}

export async function notifyUserEvent(tx: Tx | Db, event: UserEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${USER_CHANNEL}, ${JSON.stringify(event)})`);
}

/**
 * PostgreSQL refuses a NOTIFY payload of 8000 bytes or more: ids go out in chunks well under it (an id is at most
 * 10 digits and a comma, so 500 of them stay under 5.6 kB).
 */
const USER_IDS_PER_EVENT = 500;

/** Tells these members' sockets (on every process, on commit) that their notifications changed. */
export async function notifyNotificationsChanged(tx: Tx | Db, userIds: readonly number[]): Promise<void> {
  for (let i = 0; i < userIds.length; i += USER_IDS_PER_EVENT) {
    await notifyUserEvent(tx, { type: 'notifications.changed', userIds: userIds.slice(i, i + USER_IDS_PER_EVENT) });
  }
}
