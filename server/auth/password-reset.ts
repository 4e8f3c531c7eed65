import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accountTokens, users } from '../db/schema.js';
import { enqueueMail } from '../mail/outbox.js';
import { consumeAccountToken, createAccountToken } from './account-tokens.js';
import { markEmailConfirmed } from './email-confirmation.js';
import { revokeUserSessions } from './session-store.js';

/**
 * "Wachtwoord vergeten" (decision 005, "Accounts"). Every account may reset its password, whatever its status:
 * every status may log in (to take part, to see that it still waits, or to read why it was suspended or
 * rejected), and the mail in reply to a second registration ('account_exists') offers the reset to them all.
 * An unconfirmed registration may too: following the link proves the address as well as a confirmation does.
 */

/**
 * Mails a reset link to the account of `email` (normalised), if there is one; earlier unused links stop working.
 * For an unknown address it does nothing but the same one lookup, and the route answers alike.
 */
export async function requestPasswordReset(db: Db, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).for('update');
    if (!user) return;
    const token = await createAccountToken(tx, user.id, 'password_reset', { replaceEarlier: true });
    await enqueueMail(tx, { userId: user.id, kind: 'password_reset', data: { token } });
  });
}

/**
 * Sets the new password through a reset link: the link is used up, the address counts as confirmed (she received
 * the mail), other unused reset links stop working and every session of the account ends, all in one transaction.
 * Answers the account's id, or null (and changes nothing) when the link is unknown, used or expired. The caller
 * emits authEvents 'revoked' after commit, so open sockets close too.
 */
export async function resetPassword(db: Db, token: string, passwordHash: string): Promise<number | null> {
  return db.transaction(async (tx) => {
    const userId = await consumeAccountToken(tx, token, 'password_reset');
    if (userId === null) return null;
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await markEmailConfirmed(tx, userId);
    await tx
      .delete(accountTokens)
      .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, 'password_reset'), isNull(accountTokens.usedAt)));
    await revokeUserSessions(tx, userId);
    return userId;
  });
}
