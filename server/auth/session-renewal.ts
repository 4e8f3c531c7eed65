import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loginTime, startSession } from './session-lifetime.js';
import { revokeUserSessions } from './session-store.js';

/**
 * After a change that must log out whoever else holds the account (a new password, two-step login turned on):
 * every session of the account ends, this browser goes on with a new session id (not a new login: the absolute
 * lifetime still counts from the real one), and its live sockets move to the new session instead of closing, so
 * the tab that made the change keeps its live updates.
 */
export async function endOtherSessions(app: FastifyInstance, request: FastifyRequest, userId: number): Promise<void> {
  await revokeUserSessions(app.db, userId);
  const from = request.session.sessionId;
  const loginAt = loginTime(request.session);
  await request.session.regenerate();
  startSession(request, userId, loginAt);
  app.authEvents.emit('revoked', { userId, kept: { from, to: request.session.sessionId } });
}
