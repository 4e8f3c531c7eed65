import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { LoginChallenge } from '../../shared/api/totp.js';
import { CsrfBody, LoginAnswer, LoginBody, RegisterAnswer, RegisterBody, UserBody } from '../../shared/api/users.js';
import type { Config } from '../config.js';
import { users } from '../db/schema.js';
import { forbidden, HttpError } from '../http/errors.js';
import { authRateLimit } from './client-address.js';
import { assertDisplayNameAllowed } from './display-name.js';
import { resendConfirmation } from './email-confirmation.js';
import { LoginThrottle } from './login-throttle.js';
import { AddressMailLimit } from './mail-limit.js';
import { assertAcceptablePassword } from './password-policy.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { assertNameFreeToRegister, register } from './registration.js';
import { startSession } from './session-lifetime.js';
import { revokeUserSessions } from './session-store.js';
import { applyStaffTotpPolicy } from './totp-policy.js';
import { totpRoutes } from './totp-routes.js';
import { toUserDto } from './users.js';

export default async function authRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const authLimit = authRateLimit(opts.config.rateLimit.authMax);
  // Registration and the login of an unconfirmed account mail a confirmation link: limited per address too.
  const registrationMails = new AddressMailLimit(opts.config.sessionSecret, 'register');
  const throttle = new LoginThrottle({ max: opts.config.rateLimit.authMax, secret: opts.config.sessionSecret, production: opts.config.httpsOnly });

  api.get('/api/auth/csrf', { config: { auth: 'public' }, schema: { summary: 'CSRF-token ophalen', tags: ['auth'], response: { 200: CsrfBody } } }, async (request, reply) => {
    void reply.header('Cache-Control', 'no-store');
    return { token: reply.generateCsrf({ userInfo: String(request.session.userId ?? 'guest') }) };
  });

  /**
   * The same answer (202, same body, no cookie) whether or not the e-mail already has an account, and the
   * password hashed either way so the time taken is alike: on this forum having an account reveals a political
   * affiliation. What happens for a new, an unconfirmed and a confirmed address: registration.ts.
   */
  api.post(
    '/api/auth/register',
    { config: { auth: 'public', rateLimit: authLimit }, schema: { summary: 'Registreren', tags: ['auth'], body: RegisterBody, response: { 202: RegisterAnswer } } },
    async (request, reply) => {
      const body = request.body;
      assertAcceptablePassword(body.password, 'password');
      const email = body.email.trim().toLowerCase();
      // Names are public, so a taken one may be said (409 display_name_taken); it is checked before anything is
      // written, so that answer is the same for a known and an unknown address.
      assertDisplayNameAllowed(body.displayName.trim());
      await assertNameFreeToRegister(app.db, body.displayName.trim(), email);
      const passwordHash = await hashPassword(body.password);
      await register(app.db, { ...body, email }, passwordHash, registrationMails.allow(email));
      return reply.code(202).send({ status: 'received' as const });
    },
  );

  api.post(
    '/api/auth/login',
    { config: { auth: 'public', rateLimit: authLimit }, schema: { summary: 'Inloggen', tags: ['auth'], body: LoginBody, response: { 200: LoginAnswer, 202: LoginChallenge } } },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      // Before the password is even looked at: a locked account refuses unknown clients the right password too.
      const attempt = throttle.begin(request, email);
      const rows = await app.db.select().from(users).where(eq(users.email, email)).limit(1);
      const row = rows[0];
      const ok = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), request.body.password);
      if (!row || !ok) {
        throttle.failed(attempt);
        throw new HttpError(401, 'invalid_credentials', 'Dit e-mailadres en wachtwoord horen niet bij elkaar.');
      }
      // Only with the right password, so this says nothing to someone who does not know it.
      if (row.emailConfirmedAt === null) {
        await resendConfirmation(app.db, row.id, () => registrationMails.allow(email));
        throw forbidden('email_unconfirmed', 'Bevestig eerst je e-mailadres met de link in de mail die we je stuurden. Kun je die mail niet vinden? Dan sturen we je een nieuwe link (hoogstens eens per tien minuten); kijk ook bij je ongewenste mail.');
      }
      // A new session id on every login: an id planted before login (session fixation) is worthless after it.
      await request.session.regenerate();
      if (row.totpEnabledAt !== null) {
        // The right password, and the second step to come (totp-routes.ts): not logged in until the code is right.
        request.session.totpPending = { userId: row.id, since: Date.now(), failures: 0, ...attempt };
        // A stored session needs a start for its absolute lifetime (session-lifetime.ts); the code has minutes.
        request.session.renewedAt = Date.now();
        return reply.code(202).send({ status: 'totp_required' as const, csrfToken: reply.generateCsrf({ userInfo: 'guest' }) });
      }
      startSession(request, row.id);
      throttle.succeeded(reply, attempt);
      const { passwordHash: _hash, ...user } = row;
      return { user: toUserDto(applyStaffTotpPolicy(user, opts.config.staffTotpRequired), true), csrfToken: reply.generateCsrf({ userInfo: String(row.id) }) };
    },
  );

  totpRoutes(app, { config: opts.config, throttle, authLimit });

  api.post('/api/auth/logout', { config: { auth: 'public' }, schema: { summary: 'Uitloggen', tags: ['auth'] } }, async (request, reply) => {
    const userId = request.session.userId;
    const sessionId = request.session.sessionId;
    await request.session.destroy();
    if (userId !== undefined) app.authEvents.emit('logout', { userId, sessionId });
    return reply.code(204).send();
  });

  api.post('/api/auth/logout-everywhere', { config: { auth: 'user' }, schema: { summary: 'Op alle apparaten uitloggen', tags: ['auth'] } }, async (request, reply) => {
    const userId = request.user!.id;
    await revokeUserSessions(app.db, userId);
    await request.session.destroy();
    app.authEvents.emit('revoked', { userId });
    return reply.code(204).send();
  });

  api.get('/api/me', { config: { auth: 'user' }, schema: { summary: 'Het eigen account', tags: ['auth'], response: { 200: UserBody } } }, async (request) => {
    return { user: toUserDto(request.user!, true) };
  });
}
