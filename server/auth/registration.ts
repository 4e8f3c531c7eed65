import { and, eq, isNull, sql } from 'drizzle-orm';
import type { RegisterBody } from '../../shared/api/users.js';
import type { Db } from '../db/client.js';
import { users } from '../db/schema.js';
import { enqueueMail } from '../mail/outbox.js';
import { asDisplayNameTaken, assertDisplayNameFree } from './display-name-taken.js';
import { sendConfirmation } from './email-confirmation.js';

/**
 * Refuses a display name another account has (409, the name is public, so this may be said), before anything is
 * written. The unconfirmed registration of this same address is not "another account": it is about to be replaced,
 * and its owner registering again with the name she chose before must not be refused.
 */
export async function assertNameFreeToRegister(db: Db, displayName: string, email: string): Promise<void> {
  const [unconfirmed] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.emailConfirmedAt)));
  await assertDisplayNameFree(db, displayName, unconfirmed?.id);
}

/**
 * A registration, in one transaction, with the same answer (the route's 202) in every case, since on this forum
 * having an account reveals a political affiliation:
 * - a new address: an unconfirmed, pending account and a confirmation link ('email_confirm');
 * - an address whose account was never confirmed: that registration's details are replaced by these and a fresh
 *   link goes out (earlier links stop working), so someone who registered another's address first blocks nothing;
 * - a confirmed account: left exactly as it is; its owner is told by mail that she already has an account, with a
 *   way to reset her password ('account_exists').
 * `mail` false (the per-address mail limit was reached): nothing at all is done.
 */
export async function register(db: Db, body: RegisterBody & { email: string }, passwordHash: string, mail: boolean): Promise<void> {
  if (!mail) return;
  const details = {
    passwordHash,
    displayName: body.displayName.trim(),
    party: body.party.trim(),
    municipality: body.municipality.trim(),
    representativeRole: body.representativeRole ?? null,
  };
  await asDisplayNameTaken(() =>
    db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: users.id, confirmed: sql<boolean>`${users.emailConfirmedAt} is not null` })
        .from(users)
        .where(eq(users.email, body.email))
        .for('update');
      if (existing?.confirmed) {
        await enqueueMail(tx, { userId: existing.id, kind: 'account_exists' });
        return;
      }
      if (existing) {
        await tx.update(users).set({ ...details, status: 'pending', createdAt: sql`now()` }).where(eq(users.id, existing.id));
        await sendConfirmation(tx, existing.id, { replaceEarlier: true });
        return;
      }
      // Two registrations of one new address at once: the second waits on the unique index and then inserts
      // nothing; its owner gets the first one's link (or registers again, which replaces it).
      const [created] = await tx
        .insert(users)
        .values({ email: body.email, ...details })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (created) await sendConfirmation(tx, created.id, { replaceEarlier: false });
    }),
  );
}
