import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { users } from '../db/schema.js';

/**
 * The one "Oud-lid" account (made by migration 0016): a deleted member's posts and threads move to it, so they keep
 * their place in the forum without her name, party or municipality, and her own row can go. It has status
 * 'deleted', no password ('!' is no hash: every login fails), an address no mail can reach and never confirmed, so
 * it has no member page, is in no list or suggestion, and is told of nothing.
 */
export const FORMER_MEMBER_EMAIL = 'oud-lid@plein.invalid';
export const FORMER_MEMBER_NAME = 'Oud-lid';

/** Its id: read once per database and kept (the row is never deleted or changed). */
const ids = new WeakMap<object, number>();

export async function formerMemberId(db: DbOrTx): Promise<number> {
  const known = ids.get(db);
  if (known !== undefined) return known;
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, FORMER_MEMBER_EMAIL));
  if (!row) throw new Error('the former-member account of migration 0016 is missing');
  ids.set(db, row.id);
  return row.id;
}
