import { createHash } from 'node:crypto';
import type { SessionStore } from '@fastify/session';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Session } from 'fastify';
import type { Db } from '../db/client.js';
import { preparedOnce } from '../db/prepared.js';
import { sessions, users } from '../db/schema.js';
import { userColumns } from './users.js';

/** Following Lucia's guidance, the database holds only a SHA-256 of each session id: a leaked table opens no session. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

const DEFAULT_LIFETIME_MS = 30 * 24 * 3600 * 1000;

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
    const expiresAt = expires ? new Date(expires) : new Date(Date.now() + DEFAULT_LIFETIME_MS);
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
        callback(null, row ? ({ ...(row.data as Session), preloadedUser: row.user } as Session) : null);
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

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
