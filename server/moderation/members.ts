import { eq, sql } from 'drizzle-orm';
import { actOnRefusal, type ActOnRefusal } from '../../shared/members.js';
import { revokeUserSessions } from '../auth/session-store.js';
import type { CurrentUser } from '../auth/types.js';
import { userColumns } from '../auth/users.js';
import type { Tx } from '../db/client.js';
import { users } from '../db/schema.js';
import { conflict, forbidden, notFound } from '../http/errors.js';
import { notifyUserEvent } from '../live/notify.js';
import { enqueueMail } from '../mail/outbox.js';
import { notifyUser } from '../notifications/notify.js';
import { logAction } from './record.js';

/** Member administration that more than one route needs (the admin routes and resolving a report). */

export async function lockUser(tx: Tx, id: number): Promise<CurrentUser> {
  const [user] = await tx.select(userColumns).from(users).where(eq(users.id, id)).for('update');
  if (!user) throw notFound('Dit account bestaat niet.');
  return user;
}

const REFUSALS: Record<ActOnRefusal, string> = {
  self: 'Dit kun je niet met je eigen account doen.',
  admin: 'Het account van een beheerder kan niet via Plein worden aangepast.',
  moderator: 'Alleen een beheerder kan het account van een moderator aanpassen.',
};

/** The rule of shared/members.ts, enforced: without it a moderator could verify his own representative role or change an admin's. */
export function assertMayActOn(actor: CurrentUser, target: CurrentUser): void {
  const refusal = actOnRefusal(actor, target);
  if (refusal) throw forbidden('not_allowed', REFUSALS[refusal]);
}

const dateNl = (d: Date) => d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

/**
 * Suspends a member, ends every session of theirs in the same transaction and tells them why (a notification and
 * a mail).
 * The caller emits authEvents 'revoked' after commit, so open sockets close too.
 */
export async function suspendUser(
  tx: Tx,
  actor: CurrentUser,
  targetId: number,
  reason: string,
  days: number | undefined,
  details: Record<string, unknown> | null = null,
): Promise<CurrentUser> {
  const target = await lockUser(tx, targetId);
  assertMayActOn(actor, target);
  if (target.status !== 'active' && target.status !== 'suspended') {
    throw conflict('not_active', 'Alleen een actief account kan worden geschorst.');
  }
  const [user] = await tx
    .update(users)
    .set({
      status: 'suspended',
      statusReason: reason,
      suspendedUntil: days === undefined ? null : sql`now() + make_interval(days => ${days})`,
    })
    .where(eq(users.id, targetId))
    .returning(userColumns);
  await revokeUserSessions(tx, targetId);
  await logAction(tx, { moderatorId: actor.id, action: 'suspend_user', targetUserId: targetId, reason, details: { ...details, days: days ?? null } });
  const until = user!.suspendedUntil ? `tot ${dateNl(user!.suspendedUntil)}` : 'voor onbepaalde tijd';
  await notifyUser(tx, targetId, 'account_suspended', `Je account is ${until} geschorst omdat: ${reason}`, { suspendedUntil: user!.suspendedUntil?.toISOString() ?? null });
  await enqueueMail(tx, { userId: targetId, kind: 'account_suspended', data: { reason, suspendedUntil: user!.suspendedUntil?.toISOString() ?? null } });
  await notifyUserEvent(tx, { type: 'account.changed', userId: targetId });
  return user!;
}
