import type { FastifyRequest, Session } from 'fastify';

/** Idle (sliding) lifetime: a session not used for this long ends. */
export const SESSION_IDLE_MS = 14 * 24 * 3600 * 1000;
/** Absolute lifetime (ASVS 3.3): however often it is used, a session ends this long after its login. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;

/** When a session that began at `loginAt` must end whatever happens. */
export const absoluteEnd = (loginAt: number): number => loginAt + SESSION_ABSOLUTE_MS;

/**
 * When the stored session began. Sessions made before the absolute lifetime existed have no loginAt; their last
 * renewal is the best lower bound we have, and one without either counts as ended.
 */
export function loginTime(session: Pick<Session, 'loginAt' | 'renewedAt'>): number {
  return session.loginAt ?? session.renewedAt ?? 0;
}

export function isPastAbsoluteEnd(session: Pick<Session, 'loginAt' | 'renewedAt'>, now = Date.now()): boolean {
  return now >= absoluteEnd(loginTime(session));
}

/**
 * Fills a freshly regenerated session for `userId`. `loginAt` is kept across a regeneration that is not a new
 * login (a password change), so the absolute lifetime still counts from the real login.
 */
export function startSession(request: FastifyRequest, userId: number, loginAt = Date.now()): void {
  request.session.userId = userId;
  request.session.loginAt = loginAt;
  request.session.renewedAt = Date.now();
  clampToAbsoluteEnd(request);
}

/** The cookie (and with it the stored row's expiresAt) never outlives the absolute end. */
function clampToAbsoluteEnd(request: FastifyRequest): void {
  const end = absoluteEnd(loginTime(request.session));
  const expires = request.session.cookie.expires;
  if (!expires || expires.getTime() > end) request.session.cookie.expires = new Date(end);
}

/**
 * Lucia's sliding expiry: push the idle expiry forward once half of it has passed, not on every request (that
 * would be a database write per page view), and never beyond the absolute end.
 */
export function renewIfHalfway(request: FastifyRequest): void {
  const renewedAt = request.session.renewedAt ?? 0;
  if (Date.now() - renewedAt > SESSION_IDLE_MS / 2) {
    request.session.renewedAt = Date.now();
    request.session.touch();
    clampToAbsoluteEnd(request);
  }
}
