import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { accountTokens } from '../db/schema.js';

/**
 * Single-use links by mail (decision 005, "Accounts"): a random 32-byte token goes into the mail, and only its
 * SHA-256 is stored, so a leaked table (or backup) opens no account. A token is consumed at most once, by one
 * UPDATE that checks purpose, use and expiry together: two clicks at the same moment cannot both succeed.
 */

export type AccountTokenPurpose = 'password_reset' | 'email_confirm';

/** One hour to reset a password; two days to confirm an address (a registration may wait over a weekend day). */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  password_reset: 3600 * 1000,
  email_confirm: 48 * 3600 * 1000,
};

export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Makes a token for `userId` and returns it (the only time it exists in the clear). `replaceEarlier` first
 * removes her earlier unused tokens of this purpose, so only the newest link works.
 */
export async function createAccountToken(
  tx: DbOrTx,
  userId: number,
  purpose: AccountTokenPurpose,
  options: { replaceEarlier: boolean },
): Promise<string> {
  if (options.replaceEarlier) {
    await tx.delete(accountTokens).where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  }
  const token = randomBytes(32).toString('base64url');
  await tx.insert(accountTokens).values({
    tokenHash: hashAccountToken(token),
    userId,
    purpose,
    // The database's clock, like the check in consumeAccountToken.
    expiresAt: sql`now() + make_interval(secs => ${TOKEN_LIFETIME_MS[purpose] / 1000})`,
  });
  return token;
}

/** Uses up a valid token (right purpose, unused, not expired) and returns its user; null for anything else. */
export async function consumeAccountToken(tx: DbOrTx, token: string, purpose: AccountTokenPurpose): Promise<number | null> {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.tokenHash, hashAccountToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        sql`${accountTokens.expiresAt} > now()`,
      ),
    )
    .returning({ userId: accountTokens.userId });
  return row?.userId ?? null;
}

/** When her newest token of this purpose was made (null: none): the login resend waits ten minutes after it. */
export async function newestTokenAt(tx: DbOrTx, userId: number, purpose: AccountTokenPurpose): Promise<Date | null> {
  const [row] = await tx
    .select({ at: sql<Date | null>`max(${accountTokens.createdAt})`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))) })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)));
  return row?.at ?? null;
}
