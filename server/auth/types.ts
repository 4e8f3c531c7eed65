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
  | 'admin'
  /** The kenniscentrum's staff: admins and the centre's team (centre/team.ts). */
  | 'centre';

export type UserRow = typeof users.$inferSelect;
export type CurrentUser = Omit<UserRow, 'passwordHash'> & {
  /**
   * Set (to her real role) for a moderator or admin who has not yet set up the second login step where it is
   * required: until she has, she acts as a member (auth/totp-policy.ts).
   */
  awaitingTotpRole?: 'moderator' | 'admin';
  /** The same for a member of the kenniscentrum's team: until she has set it up, she is not acting for the team. */
  awaitingTotpTeam?: true;
};

declare module 'fastify' {
  interface Session {
    userId?: number;
    /** When the user logged in (ms since epoch): the session's absolute lifetime counts from here. */
    loginAt?: number;
    /** When the session's expiry was last pushed forward (ms since epoch). */
    renewedAt?: number;
    /** The session's user as loaded with it, for this request only: the store never saves it. */
    preloadedUser?: CurrentUser | null;
    /**
     * Between a right password and the code of a member with the second step on: who, since when, how many wrong
     * codes, and the login throttle's judgement of the password attempt (to finish it when the code is right).
     */
    totpPending?: { userId: number; since: number; failures: number; account: string; trustedDevice: string | null };
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
