import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import { and, eq, lte } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { users } from '../db/schema.js';
import { forbidden, unauthorized } from '../http/errors.js';
import { LastSeenTracker } from '../notifications/last-seen.js';
import { cookieNames } from './cookie-names.js';
import { PasswordConfirmer } from './password-confirm.js';
import { applyStaffTotpPolicy } from './totp-policy.js';
import { purgeExpiredAccountData } from './email-confirmation.js';
import { AuthEvents } from './events.js';
import { renewIfHalfway, SESSION_IDLE_MS } from './session-lifetime.js';
import { deleteExpiredSessions, PostgresSessionStore } from './session-store.js';
import type { Access, CurrentUser } from './types.js';
import { findUserById, isModerator } from './users.js';

/** How often expired sessions are deleted (also once at start). */
export const SESSION_PURGE_INTERVAL_MS = 3600 * 1000;
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
  if (user.awaitingTotpRole) {
    throw forbidden('totp_required', 'Stel eerst tweestapsverificatie in (op je profielpagina): voor moderatoren en beheerders is die verplicht.');
  }
  if (!isModerator(user)) throw forbidden('not_allowed', 'Dit mag alleen een moderator.');
  if (access === 'admin' && user.role !== 'admin') throw forbidden('not_allowed', 'Dit mag alleen een beheerder.');
}

async function sessionPlugin(app: FastifyInstance, opts: { config: Config }) {
  const { config } = opts;
  const secure = config.production;
  const names = cookieNames(config.production);
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

  // Expired rows would otherwise stay in the table for good: purge them at start and then every hour (sessions,
  // account tokens, and registrations never confirmed whose links expired).
  let purgeTimer: NodeJS.Timeout | undefined;
  const purge = () =>
    Promise.all([deleteExpiredSessions(app.db), purgeExpiredAccountData(app.db)]).catch((err: unknown) => {
      // A missed purge is retried within the hour; nothing a request depends on.
      app.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'expired sessions and account tokens not purged');
    });
  app.addHook('onReady', async () => {
    await purge();
    purgeTimer = setInterval(() => void purge(), SESSION_PURGE_INTERVAL_MS);
    // The timer alone must not keep the process alive.
    purgeTimer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(purgeTimer);
  });

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
