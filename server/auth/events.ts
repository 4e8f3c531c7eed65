import { EventEmitter } from 'node:events';

/**
 * What auth tells the rest of the server, so that other concerns (the live sockets) can react
 * without auth knowing them: a session ended, or every session of a user was revoked (suspension,
 * "log out everywhere").
 */
export interface AuthEventMap {
  logout: [{ userId: number; sessionId: string }];
  /** `kept`: the session (by id) that goes on under a new id; its sockets stay, the others close. */
  revoked: [{ userId: number; kept?: { from: string; to: string } }];
}

export class AuthEvents extends EventEmitter<AuthEventMap> {}
