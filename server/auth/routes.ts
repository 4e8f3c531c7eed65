import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../../shared/api/common.js';
import { CsrfBody, LoginBody, RegisterBody, UserBody } from '../../shared/api/users.js';
import type { Config } from '../config.js';
import { users } from '../db/schema.js';
import { conflict, HttpError } from '../http/errors.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { revokeUserSessions } from './session-store.js';
import { toUserDto, userColumns } from './users.js';

const LoginAnswer = Type.Object({ user: UserBody.properties.user, csrfToken: Type.String() });

export default async function authRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const authLimit = { max: opts.config.rateLimit.authMax, timeWindow: '15 minutes' };

  api.get('/api/auth/csrf', { config: { auth: 'public' }, schema: { response: { 200: CsrfBody } } }, async (request, reply) => {
    void reply.header('Cache-Control', 'no-store');
    return { token: reply.generateCsrf({ userInfo: String(request.session.userId ?? 'guest') }) };
  });

  api.post(
    '/api/auth/register',
    { config: { auth: 'public', rateLimit: authLimit }, schema: { body: RegisterBody, response: { 201: UserBody, 409: ErrorBody } } },
    async (request, reply) => {
      const body = request.body;
      const email = body.email.trim().toLowerCase();
      const passwordHash = await hashPassword(body.password);
      const inserted = await app.db
        .insert(users)
        .values({
          email,
          passwordHash,
          displayName: body.displayName.trim(),
          party: body.party.trim(),
          municipality: body.municipality.trim(),
          representativeRole: body.representativeRole ?? null,
        })
        .onConflictDoNothing({ target: users.email })
        .returning(userColumns);
      const user = inserted[0];
      if (!user) throw conflict('email_taken', 'Er bestaat al een account met dit e-mailadres.');
      return reply.code(201).send({ user: toUserDto(user, true) });
    },
  );

  api.post(
    '/api/auth/login',
    { config: { auth: 'public', rateLimit: authLimit }, schema: { body: LoginBody, response: { 200: LoginAnswer } } },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      const rows = await app.db.select().from(users).where(eq(users.email, email)).limit(1);
      const row = rows[0];
      const ok = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), request.body.password);
      if (!row || !ok) throw new HttpError(401, 'invalid_credentials', 'Dit e-mailadres en wachtwoord horen niet bij elkaar.');
      // A new session id on every login: an id planted before login (session fixation) is worthless after it.
      await request.session.regenerate();
      request.session.userId = row.id;
      request.session.renewedAt = Date.now();
      const { passwordHash: _hash, ...user } = row;
      return { user: toUserDto(user, true), csrfToken: reply.generateCsrf({ userInfo: String(row.id) }) };
    },
  );

  api.post('/api/auth/logout', { config: { auth: 'public' } }, async (request, reply) => {
    const userId = request.session.userId;
    const sessionId = request.session.sessionId;
    await request.session.destroy();
    if (userId !== undefined) app.authEvents.emit('logout', { userId, sessionId });
    return reply.code(204).send();
  });

  api.post('/api/auth/logout-everywhere', { config: { auth: 'user' } }, async (request, reply) => {
    const userId = request.user!.id;
    await revokeUserSessions(app.db, userId);
    await request.session.destroy();
    app.authEvents.emit('revoked', { userId });
    return reply.code(204).send();
  });

  api.get('/api/me', { config: { auth: 'user' }, schema: { response: { 200: UserBody } } }, async (request) => {
    return { user: toUserDto(request.user!, true) };
  });
}
