import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { accountTokens, users } from '../db/schema.js';
import { enqueueMail } from '../mail/outbox.js';
import { signalModerators } from '../notifications/moderators.js';
import { consumeAccountToken, createAccountToken, newestTokenAt, TOKEN_LIFETIME_MS } from './account-tokens.js';

/**
 * Confirming the address of a registration (decision 005, "Accounts"). A registration is unconfirmed until its
 * owner follows the link mailed to her; only then does it reach the moderators' queue, and they are told. An
 * unconfirmed registration never blocks the real owner of the address: a new registration replaces it
 * (registration.ts), and the hourly purge deletes it once its last link has expired.
 */

/** A login with the right password resends the link, but not more often than this. */
export const RESEND_AFTER_MS = 10 * 60 * 1000;

/**
 * Queues the confirmation mail with a fresh link. `replaceEarlier` when the registration's details were just
 * replaced: an older link must not confirm details its owner never saw.
 */
export async function sendConfirmation(tx: DbOrTx, userId: number, options: { replaceEarlier: boolean }): Promise<void> {
  const token = await createAccountToken(tx, userId, 'email_confirm', options);
  await enqueueMail(tx, { userId, kind: 'email_confirm', data: { token } });
}

/**
 * The owner of an unconfirmed account logged in with the right password: she evidently lost the mail, so a new
 * link goes out, unless one went out in the last ten minutes or `allowed` (the per-address mail limit, asked only
 * when a mail would go) says no. Answers whether it sent one.
 */
export async function resendConfirmation(db: Db, userId: number, allowed: () => boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The row lock makes two logins at once send one mail, not two.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    const last = await newestTokenAt(tx, userId, 'email_confirm');
    if ((last && Date.now() - last.getTime() < RESEND_AFTER_MS) || !allowed()) return false;
    await sendConfirmation(tx, userId, { replaceEarlier: false });
    return true;
  });
}

/**
 * Marks the address confirmed, in the caller's transaction. A pending registration thereby enters the moderators'
 * queue, so they are signalled, once: only when this is what confirmed it. Answers whether it did.
 */
export async function markEmailConfirmed(tx: DbOrTx, userId: number): Promise<boolean> {
  const [row] = await tx
    .update(users)
    .set({ emailConfirmedAt: sql`now()` })
    .where(and(eq(users.id, userId), isNull(users.emailConfirmedAt)))
    .returning({ status: users.status });
  if (row?.status === 'pending') await signalModerators(tx, 'registration_waiting');
  return row !== undefined;
}

/** Follows a confirmation link: her account's status, or null when the link is unknown, used or expired. */
export async function confirmEmail(db: Db, token: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const userId = await consumeAccountToken(tx, token, 'email_confirm');
    if (userId === null) return null;
    await markEmailConfirmed(tx, userId);
    const [user] = await tx.select({ status: users.status }).from(users).where(eq(users.id, userId));
    return user?.status ?? null;
  });
}

/**
 * The retention round's rule for registrations never confirmed (server/privacy/retention.ts): those whose every
 * link has expired (and that are older than a link's lifetime, so one whose token is being made is safe) go, which
 * frees their address and name. Only pending accounts: one a moderator already decided on stays. Expired tokens
 * themselves are the round's `accountTokens` rule.
 */
export async function purgeUnconfirmedRegistrations(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(users).where(
    and(
      eq(users.status, 'pending'),
      isNull(users.emailConfirmedAt),
      lt(users.createdAt, new Date(now.getTime() - TOKEN_LIFETIME_MS.email_confirm)),
      sql`not exists (select 1 from ${accountTokens} where ${accountTokens.userId} = ${users.id}
            and ${accountTokens.purpose} = 'email_confirm' and ${accountTokens.expiresAt} > ${now.toISOString()}::timestamptz)`,
    ),
  ).returning({ id: users.id });
  return gone.length;
}
