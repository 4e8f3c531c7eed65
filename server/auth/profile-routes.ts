import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { ChangePasswordBody, UpdateProfileBody, UserBody } from '../../shared/api/users.js';
import type { Config } from '../config.js';
import { users } from '../db/schema.js';
import { badRequest } from '../http/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { revokeUserSessions } from './session-store.js';
import { toUserDto, userColumns } from './users.js';

/** A member's own account: name, party, municipality, role, and password. */
export default async function profileRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.patch('/api/me', { config: { auth: 'member' }, schema: { body: UpdateProfileBody, response: { 200: UserBody } } }, async (request) => {
    const me = request.user!;
    const { displayName, party, municipality, representativeRole } = request.body;
    // Unknown fields are stripped before the handler runs, so "at least one field" is checked here.
    if ([displayName, party, municipality, representativeRole].every((v) => v === undefined)) {
      throw badRequest('nothing_to_change', 'Geef minstens één gegeven om te wijzigen.');
    }
    const roleChanged = representativeRole !== undefined && representativeRole !== me.representativeRole;
    const changes = {
      ...(displayName !== undefined ? { displayName: displayName.trim() } : {}),
      ...(party !== undefined ? { party: party.trim() } : {}),
      ...(municipality !== undefined ? { municipality: municipality.trim() } : {}),
      // A moderator verified the old role, not the new one: the badge waits for a new check.
      ...(roleChanged ? { representativeRole, representativeVerified: false } : {}),
    };
    if (Object.keys(changes).length === 0) return { user: toUserDto(me, true) };
    const [user] = await app.db.update(users).set(changes).where(eq(users.id, me.id)).returning(userColumns);
    return { user: toUserDto(user!, true) };
  });

  api.post(
    '/api/me/password',
    { config: { auth: 'user', rateLimit: { max: opts.config.rateLimit.authMax, timeWindow: '15 minutes' } }, schema: { body: ChangePasswordBody } },
    async (request, reply) => {
      const me = request.user!;
      const [row] = await app.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.id)).limit(1);
      if (!row || !(await verifyPassword(row.passwordHash, request.body.currentPassword))) {
        throw badRequest('wrong_password', 'Je huidige wachtwoord klopt niet.', 'currentPassword');
      }
      await app.db.update(users).set({ passwordHash: await hashPassword(request.body.newPassword) }).where(eq(users.id, me.id));
      // Whoever knew the old password is logged out everywhere; this browser continues with a fresh session id.
      await revokeUserSessions(app.db, me.id);
      app.authEvents.emit('revoked', { userId: me.id });
      await request.session.regenerate();
      request.session.userId = me.id;
      request.session.renewedAt = Date.now();
      return reply.code(204).send();
    },
  );
}
