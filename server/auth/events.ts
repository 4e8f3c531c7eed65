import { EventEmitter } from 'node:events';

/**
 * What auth tells the rest of the server, so that other concerns (the live sockets) can react
 * without auth knowing them: a session ended, or every session of a user was revoked (suspension,
 * "log out everywhere").
 */
export interface AuthEventMap {
  logout: [{ userId: number; sessionId: string }];
  revoked: [{ userId: number }];
}

export class AuthEvents extends EventEmitter<AuthEventMap> {}
