import { createHash } from 'node:crypto';
import type { SessionStore } from '@fastify/session';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Session } from 'fastify';
import type { Db } from '../db/client.js';
import { preparedOnce } from '../db/prepared.js';
import { sessions, users } from '../db/schema.js';
import { absoluteEnd, isPastAbsoluteEnd, loginTime, SESSION_IDLE_MS } from './session-lifetime.js';
import { userColumns } from './users.js';

/** Following Lucia's guidance, the database holds only a SHA-256 of each session id: a leaked table opens no session. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

type Callback = (err?: unknown) => void;

/** Every signed-in request runs this: prepared once (db/prepared.ts), expiry checked against the database's clock. */
const sessionWithUser = preparedOnce((db: Db) =>
  db
    .select({ data: sessions.data, user: userColumns })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sql.placeholder('idHash')), gt(sessions.expiresAt, sql`now()`)))
    .limit(1)
    .prepare('session_with_user'),
);

export class PostgresSessionStore implements SessionStore {
  constructor(private readonly db: Db) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    // The user row rides along with a loaded session (see get) but is never stored with it.
    const { preloadedUser: _user, ...rest } = session;
    const data = JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
    const expires = (session as { cookie?: { expires?: Date | null } }).cookie?.expires;
    // The row never outlives the absolute end, so the expiry check in get() and the purge both honour it.
    const idleEnd = expires ? new Date(expires).getTime() : Date.now() + SESSION_IDLE_MS;
    const expiresAt = new Date(Math.min(idleEnd, absoluteEnd(loginTime(session))));
    const row = { idHash: hashSessionId(sessionId), userId: session.userId ?? null, data, expiresAt };
    this.db
      .insert(sessions)
      .values(row)
      .onConflictDoUpdate({ target: sessions.idHash, set: { userId: row.userId, data, expiresAt } })
      .then(() => callback(), callback);
  }

  /**
   * Loads the session and, in the same round trip, its user: every signed-in request needs both, and the
   * guard (session-plugin.ts) takes the user from `preloadedUser` instead of asking the database again.
   */
  get(sessionId: string, callback: (err: unknown, result?: Session | null) => void): void {
    sessionWithUser(this.db)
      .execute({ idHash: hashSessionId(sessionId) })
      .then((rows) => {
        const row = rows[0];
        if (!row) return callback(null, null);
        const data = row.data as Session;
        // Past its absolute end the session is over however recently it was used: gone from the table, and
        // the request goes on as a guest's (the library then starts a fresh, unsaved session).
        if (isPastAbsoluteEnd(data)) return this.destroy(sessionId, (err) => callback(err ?? null, null));
        callback(null, { ...data, preloadedUser: row.user } as Session);
      }, callback);
  }

  destroy(sessionId: string, callback: Callback): void {
    this.db
      .delete(sessions)
      .where(eq(sessions.idHash, hashSessionId(sessionId)))
      .then(() => callback(), callback);
  }
}

export async function revokeUserSessions(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

