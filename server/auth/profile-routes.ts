import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { ChangePasswordBody, UpdateProfileBody, UserBody } from '../../shared/api/users.js';
import type { Config } from '../config.js';
import { users } from '../db/schema.js';
import { badRequest } from '../http/errors.js';
import { authRateLimit } from './client-address.js';
import { assertDisplayNameAllowed } from './display-name.js';
import { asDisplayNameTaken, assertDisplayNameFree } from './display-name-taken.js';
import { assertAcceptablePassword } from './password-policy.js';
import { hashPassword } from './passwords.js';
import { endOtherSessions } from './session-renewal.js';
import { toUserDto, userColumns } from './users.js';

/** A member's own account: name, party, municipality, role, whether other members see her party and municipality, and password. */
export default async function profileRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.patch('/api/me', { config: { auth: 'member' }, schema: { summary: 'Eigen profiel wijzigen', tags: ['auth'], body: UpdateProfileBody, response: { 200: UserBody } } }, async (request) => {
    const me = request.user!;
    const { displayName, party, municipality, representativeRole, showAffiliation } = request.body;
    // Unknown fields are stripped before the handler runs, so "at least one field" is checked here.
    if ([displayName, party, municipality, representativeRole, showAffiliation].every((v) => v === undefined)) {
      throw badRequest('nothing_to_change', 'Geef minstens één gegeven om te wijzigen.');
    }
    const roleChanged = representativeRole !== undefined && representativeRole !== me.representativeRole;
    const changes = {
      ...(displayName !== undefined ? { displayName: displayName.trim() } : {}),
      ...(party !== undefined ? { party: party.trim() } : {}),
      ...(municipality !== undefined ? { municipality: municipality.trim() } : {}),
      // A moderator verified the old role, not the new one: the badge waits for a new check.
      ...(roleChanged ? { representativeRole, representativeVerified: false } : {}),
      // Takes effect at once everywhere members see her (posts, her page, the directory): they are built per request.
      ...(showAffiliation !== undefined && showAffiliation !== me.showAffiliation ? { showAffiliation } : {}),
    };
    if (Object.keys(changes).length === 0) return { user: toUserDto(me, true) };
    // The rules for a chosen name, for a new name only: the local admin's "Beheerder" (made in code) stays his.
    if (changes.displayName !== undefined && changes.displayName !== me.displayName) {
      assertDisplayNameAllowed(changes.displayName);
      // Their own name in another case or with other accents is still theirs.
      await assertDisplayNameFree(app.db, changes.displayName, me.id);
    }
    const [user] = await asDisplayNameTaken(() => app.db.update(users).set(changes).where(eq(users.id, me.id)).returning(userColumns));
    return { user: toUserDto(user!, true) };
  });

  // Guesses at the current password are counted per address (the route's limit: a second session is no second
  // set of tries) and per account (app.passwordConfirmer, shared with the second-step routes).
  api.post(
    '/api/me/password',
    { config: { auth: 'user', rateLimit: authRateLimit(opts.config.rateLimit.authMax) }, schema: { summary: 'Wachtwoord wijzigen', tags: ['auth'], body: ChangePasswordBody } },
    async (request, reply) => {
      const me = request.user!;
      assertAcceptablePassword(request.body.newPassword, 'newPassword');
      await app.passwordConfirmer.confirm(me.id, request.body.currentPassword, 'currentPassword');
      await app.db.update(users).set({ passwordHash: await hashPassword(request.body.newPassword) }).where(eq(users.id, me.id));
      // Whoever knew the old password is logged out everywhere; this browser continues with a fresh session id.
      await endOtherSessions(app, request, me.id);
      return reply.code(204).send();
    },
  );
}
