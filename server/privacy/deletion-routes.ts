import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, eq, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { DeleteAccountBody, ModeratorDeleteAccountBody } from '../../shared/api/privacy.js';
import { authRateLimit } from '../auth/client-address.js';
import { acceptCode, useRecoveryCode } from '../auth/totp.js';
import type { CurrentUser } from '../auth/types.js';
import type { Config } from '../config.js';
import type { Tx } from '../db/client.js';
import { users } from '../db/schema.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { assertMayActOn, lockUser } from '../moderation/members.js';
import { deleteAccount } from './account-deletion.js';

/** The last admin may not go: nobody could then make moderators or keep the categories. */
async function assertNotLastAdmin(tx: Tx, target: CurrentUser): Promise<void> {
  if (target.role !== 'admin') return;
  const others = await tx.$count(users, and(eq(users.role, 'admin'), eq(users.status, 'active'), ne(users.id, target.id)));
  if (others === 0) throw conflict('last_admin', 'Je bent de laatste beheerder. Maak eerst iemand anders beheerder voordat je je account verwijdert.');
}

/**
 * POST /api/me/delete-account (her own, after her password and, with two-step login on, a code) and
 * POST /api/admin/users/:id/delete (a moderator, on her request, with a reason for the log). What deletion does:
 * account-deletion.ts. Her sessions end with the account; the 'revoked' event closes her sockets on every process.
 */
export default async function deletionRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const authLimit = authRateLimit(opts.config.rateLimit.authMax);

  api.post(
    '/api/me/delete-account',
    // 'user': a member whose account waits, or is suspended, may delete it too.
    { config: { auth: 'user', rateLimit: authLimit }, schema: { summary: 'Eigen account verwijderen', tags: ['privacy'], body: DeleteAccountBody } },
    async (request, reply) => {
      const me = request.user!;
      const { password, code, recoveryCode, removeText } = request.body;
      await app.passwordConfirmer.confirm(me.id, password, 'password');
      if (me.totpEnabledAt !== null) {
        if (code === undefined && recoveryCode === undefined) throw badRequest('totp_required', 'Vul ook de code uit je app in.', 'code');
        const ok = code !== undefined ? await acceptCode(app.db, me.id, code.replace(/\s/g, '')) : await useRecoveryCode(app.db, me.id, recoveryCode!);
        if (!ok) throw badRequest('invalid_code', 'Deze code klopt niet. Vul de code in die je app nu toont.', code !== undefined ? 'code' : 'recoveryCode');
      }
      const { posts } = await app.db.transaction(async (tx) => {
        const target = await lockUser(tx, me.id);
        await assertNotLastAdmin(tx, target);
        return deleteAccount(tx, { userId: me.id, removeText, actorId: me.id, reason: null }, target.displayName);
      });
      await request.session.destroy();
      app.authEvents.emit('revoked', { userId: me.id });
      request.log.info({ userId: me.id, posts, removeText }, 'account deleted by its owner');
      return reply.code(204).send();
    },
  );

  api.post(
    '/api/admin/users/:id/delete',
    {
      config: { auth: 'moderator' },
      schema: { summary: 'Account van een lid verwijderen (op haar verzoek)', tags: ['privacy'], params: IdParams, body: ModeratorDeleteAccountBody },
    },
    async (request, reply) => {
      const actor = request.user!;
      const { id } = request.params;
      const { reason, removeText } = request.body;
      const { posts } = await app.db.transaction(async (tx) => {
        const target = await lockUser(tx, id);
        // The "Oud-lid" account itself is not a member's.
        if (target.status === 'deleted') throw notFound('Dit account bestaat niet.');
        assertMayActOn(actor, target);
        return deleteAccount(tx, { userId: id, removeText, actorId: actor.id, reason: reason.trim() }, target.displayName);
      });
      app.authEvents.emit('revoked', { userId: id });
      request.log.info({ userId: id, moderatorId: actor.id, posts, removeText }, 'account deleted by a moderator');
      return reply.code(204).send();
    },
  );
}

