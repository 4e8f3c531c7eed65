import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import { and, eq, lte } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isCentreStaff } from '../centre/team.js';
import type { Config } from '../config.js';
import { users } from '../db/schema.js';
import { forbidden, HttpError, unauthorized } from '../http/errors.js';
import { LastSeenTracker } from '../notifications/last-seen.js';
import { cookieNames } from './cookie-names.js';
import { PasswordConfirmer } from './password-confirm.js';
import { applyStaffTotpPolicy } from './totp-policy.js';
import { AuthEvents } from './events.js';
import { renewIfHalfway, SESSION_IDLE_MS } from './session-lifetime.js';
import { PostgresSessionStore } from './session-store.js';
import type { Access, CurrentUser } from './types.js';
import { findUserById, isModerator } from './users.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token is bound to who is logged in, so a token fetched as a guest stops working after login. */
export const csrfUserInfo = (request: FastifyRequest): string => String(request.session?.userId ?? 'guest');

/** A suspension with an end date ends by itself: the first request after it lifts it. */
async function liftExpiredSuspension(app: FastifyInstance, user: CurrentUser): Promise<CurrentUser> {
  if (user.status !== 'suspended' || !user.suspendedUntil || user.suspendedUntil > new Date()) return user;
  await app.db
    .update(users)
    .set({ status: 'active', statusReason: null, suspendedUntil: null })
    .where(and(eq(users.id, user.id), eq(users.status, 'suspended'), lte(users.suspendedUntil, new Date())));
  return { ...user, status: 'active', statusReason: null, suspendedUntil: null };
}

export function checkAccess(access: Access, user: CurrentUser | null): void {
  if (access === 'public') return;
  if (!user) throw unauthorized();
  if (access === 'user') return;
  if (user.status === 'pending') throw forbidden('account_pending', 'Je account wacht nog op goedkeuring door een moderator.');
  if (user.status === 'suspended') throw forbidden('account_suspended', 'Je account is geschorst.');
  if (user.status === 'rejected') throw forbidden('account_rejected', 'Je aanmelding is afgewezen.');
  if (access === 'member') return;
  if (user.awaitingTotpRole || (access === 'centre' && user.awaitingTotpTeam)) {
    throw forbidden('totp_required', 'Stel eerst tweestapsverificatie in (bij Mijn account): voor moderatoren en beheerders is die verplicht.');
  }
  if (access === 'centre') {
    if (!isCentreStaff(user)) throw forbidden('not_allowed', 'Dit mag alleen het team van het kenniscentrum.');
    return;
  }
  if (!isModerator(user)) throw forbidden('not_allowed', 'Dit mag alleen een moderator.');
  if (access === 'admin' && user.role !== 'admin') throw forbidden('not_allowed', 'Dit mag alleen een beheerder.');
}

/**
 * What a member sees when a production server is reached over plain HTTP: the cookie that logs her in is Secure,
 * so her browser would drop it and the next request would be logged out. The message is for whoever runs Plein.
 */
export const HTTPS_REQUIRED_MESSAGE =
  'Plein kan je hier niet laten inloggen: deze verbinding is geen HTTPS, en het cookie dat je ingelogd houdt wordt alleen over HTTPS bewaard. ' +
  'Voor de beheerder: zet PUBLIC_ORIGIN=https://… en laat HTTPS afhandelen door een reverse proxy, met TRUST_PROXY=1 als die op dezelfde machine of in een privé-netwerk staat (anders de adressen van de proxy). ' +
  'Alleen om Plein op deze computer te proberen: PUBLIC_ORIGIN=http://localhost:3000.';

/**
 * Cookies are Secure whenever the request is HTTPS: TLS on the socket, or X-Forwarded-Proto: https from a proxy that
 * TRUST_PROXY trusts (request.protocol; a client that forges the header itself is not believed). 'auto' lets
 * @fastify/session and @fastify/cookie decide per request, so the session and CSRF cookies always agree.
 *
 * Where cookies must be Secure (config.httpsOnly: production, unless the site is a trial on http://localhost) a
 * request over plain HTTP could never keep one, so changes over plain HTTP (login and registration first) are
 * refused with a message naming what to set, and no session is ever started there. Refusing to start instead is not
 * possible: the same server is rightly reached over plain HTTP by its health check and by a proxy that was not
 * yet trusted, and only a request shows which. A PUBLIC_ORIGIN of http:// on a real host does refuse to start (config.ts).
 */
const SECURE_WHEN_HTTPS = 'auto' as const;

async function sessionPlugin(app: FastifyInstance, opts: { config: Config }) {
  const { config } = opts;
  const secure = SECURE_WHEN_HTTPS;
  const names = cookieNames(config.httpsOnly);
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifySession, {
    secret: config.sessionSecret,
    cookieName: names.session,
    store: new PostgresSessionStore(app.db),
    saveUninitialized: false,
    // Saving on every request would be a database write per page view; renewIfHalfway does it when it matters.
    rolling: false,
    // maxAge is the idle lifetime; the absolute one is kept by session-lifetime.ts and the store.
    cookie: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_IDLE_MS },
  });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: names.csrf,
    cookieOpts: { httpOnly: true, sameSite: 'strict', secure, path: '/', signed: true },
    csrfOpts: { hmacKey: config.sessionSecret },
    getUserInfo: csrfUserInfo,
    getToken: (request: FastifyRequest) => request.headers['x-csrf-token'] as string | undefined,
  });

  app.decorateRequest('user', null);
  app.decorate('authEvents', new AuthEvents());
  app.decorate('passwordConfirmer', new PasswordConfirmer(app.db, config.rateLimit.authMax));
  // users.last_seen_at, at most once a minute per member, never on the request's path (notifications/last-seen.ts).
  app.decorate('lastSeen', new LastSeenTracker(app.db, app.log));
  app.addHook('onClose', () => app.lastSeen.flush());

  // Expired sessions, account tokens and registrations never confirmed are deleted by the retention round
  // (server/privacy/retention.ts), with everything else Plein keeps for a limited time.

  if (config.httpsOnly) {
    let warned = false;
    // Before CSRF: over plain HTTP the CSRF cookie was never kept either, and its 403 would hide the cause.
    app.addHook('onRequest', (request, _reply, done) => {
      if (request.protocol === 'https' || request.routeOptions.config.auth === undefined || !MUTATING.has(request.method)) return done();
      if (!warned) {
        warned = true;
        app.log.warn('a change over plain HTTP was refused: set PUBLIC_ORIGIN=https://… behind an HTTPS proxy with TRUST_PROXY, or PUBLIC_ORIGIN=http://localhost:3000 for a local trial (docs/operations.md)');
      }
      done(new HttpError(403, 'https_required', HTTPS_REQUIRED_MESSAGE));
    });
  }

  // CSRF first, so that a forged request learns nothing, not even "not logged in". The library answers 403 itself.
  app.addHook('onRequest', (request, reply, done) => {
    const config = request.routeOptions.config;
    if (config.auth === undefined || config.csrf === false || !MUTATING.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.auth;
    if (access === undefined) return; // 404s and static files: nothing to guard
    const userId = request.session.userId;
    if (userId !== undefined) {
      const preloaded = request.session.preloadedUser;
      const user = preloaded && preloaded.id === userId ? preloaded : await findUserById(app.db, userId);
      if (user) {
        request.user = applyStaffTotpPolicy(await liftExpiredSuspension(app, user), config.staffTotpRequired);
        renewIfHalfway(request);
        app.lastSeen.touch(user.id, user.lastSeenAt);
      } else {
        delete request.session.userId;
      }
    }
    checkAccess(access, request.user);
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    authEvents: AuthEvents;
    lastSeen: LastSeenTracker;
    passwordConfirmer: PasswordConfirmer;
  }
}

export default fp(sessionPlugin, { name: 'sessions', dependencies: ['db'] });
