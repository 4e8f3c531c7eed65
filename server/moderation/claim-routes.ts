import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { ClaimAnswer, ClaimParams, type ClaimKind } from '../../shared/api/claims.js';
import type { DbOrTx } from '../db/client.js';
import { reports, users } from '../db/schema.js';
import { conflict, notFound } from '../http/errors.js';
import { claim, claimsOn, refuseOthers, release } from './claims.js';

/** Whether the item still waits for a moderator: a post with open reports, a registration not yet decided. */
async function waiting(db: DbOrTx, kind: ClaimKind, id: number): Promise<boolean> {
  const rows =
    kind === 'report'
      ? await db.select({ id: reports.id }).from(reports).where(and(eq(reports.postId, id), eq(reports.status, 'open'))).limit(1)
      : await db.select({ id: users.id }).from(users).where(and(eq(users.id, id), eq(users.status, 'pending'), isNotNull(users.emailConfirmedAt))).limit(1);
  return rows.length > 0;
}

/**
 * PUT /api/moderation/claims/:kind/:id takes an item of waiting work ("Ik pak dit op"), DELETE lets it go. Only
 * one's own claim can be let go; another's counts until it lapses (CLAIM_MINUTES) or that decision is made.
 */
export default async function claimRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const route = { config: { auth: 'moderator' as const } };
  const notWaiting = () => notFound('Dit wacht niet (meer) op een moderator.');

  api.put('/api/moderation/claims/:kind/:id', { ...route, schema: { summary: 'Item in de wachtrij oppakken', tags: ['moderation'], params: ClaimParams, response: { 200: ClaimAnswer } } }, async (request) => {
    const { kind, id } = request.params;
    const moderator = request.user!;
    if (!(await waiting(app.db, kind, id))) throw notWaiting();
    await app.db.transaction((tx) => claim(tx, kind, id, moderator));
    return { claim: (await claimsOn(app.db, kind, [id], moderator)).get(id)! };
  });

  api.delete('/api/moderation/claims/:kind/:id', { ...route, schema: { summary: 'Item in de wachtrij loslaten', tags: ['moderation'], params: ClaimParams } }, async (request, reply) => {
    const { kind, id } = request.params;
    const moderator = request.user!;
    await app.db.transaction(async (tx) => {
      const held = (await claimsOn(tx, kind, [id], moderator)).get(id);
      refuseOthers(held);
      if (!held) throw conflict('not_claimed', 'Niemand behandelt dit op dit moment.');
      await release(tx, kind, id);
    });
    return reply.code(204).send();
  });
}
