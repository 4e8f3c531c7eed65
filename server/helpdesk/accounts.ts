import { eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/types.js';
import { userColumns } from '../auth/users.js';
import type { DbOrTx } from '../db/client.js';
import { users } from '../db/schema.js';

/**
 * The two accounts a published helpdesk question is posted by (made by migration 0018, like "Oud-lid"): the question
 * by "Lid van een lokale partij" unless the asker chose her own name, the answer by "Kenniscentrum". Status
 * 'deleted' and no password: they log in nowhere, have no member page and are told of nothing.
 */
export const CENTRE_ACCOUNT_EMAIL = 'kenniscentrum@plein.invalid';
export const ANONYMOUS_MEMBER_EMAIL = 'lid-lokale-partij@plein.invalid';

/** The account as the forum's writes take an author (they render mentions and count as her). */
export async function systemAccount(db: DbOrTx, email: typeof CENTRE_ACCOUNT_EMAIL | typeof ANONYMOUS_MEMBER_EMAIL): Promise<CurrentUser> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`the helpdesk account ${email} of migration 0018 is missing`);
  return row;
}
