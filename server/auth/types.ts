import type { users } from '../db/schema.js';

/** Who may call a route. Every route declares one (http/route-guard.ts refuses to start otherwise); none is inferred from its URL. */
export type Access =
  /** Anyone, logged in or not. */
  | 'public'
  /** Logged in, whatever the account's status (pending and suspended users can read why). */
  | 'user'
  /** An active account: reads and writes the forum. */
  | 'member'
  | 'moderator'
  | 'admin';

export type UserRow = typeof users.$inferSelect;
export type CurrentUser = Omit<UserRow, 'passwordHash'>;

declare module 'fastify' {
  interface Session {
    userId?: number;
    /** When the user logged in (ms since epoch): the session's absolute lifetime counts from here. */
    loginAt?: number;
    /** When the session's expiry was last pushed forward (ms since epoch). */
    renewedAt?: number;
    /** The session's user as loaded with it, for this request only: the store never saves it. */
    preloadedUser?: CurrentUser | null;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
  }
  interface FastifyContextConfig {
    auth?: Access;
    /**
     * false: no CSRF check on this mutating route. Only for a route whose request carries its own proof and acts on
     * no session (the signed one-click unsubscribe, which mail clients post without cookies: mail/unsubscribe-routes.ts).
     */
    csrf?: false;
  }
}
