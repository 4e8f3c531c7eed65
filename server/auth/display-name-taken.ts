import { and, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { users } from '../db/schema.js';
import { HttpError, someCause } from '../http/errors.js';

/**
 * One name per member, ignoring case, accents and invisible characters. The database decides: the unique index
 * users_display_name_key on display_name_key(display_name) (migration 0007). `assertDisplayNameFree` asks it
 * first, so that a registration with a taken name is refused before its e-mail address is looked at (the answer
 * must not depend on whether the address is known); `asDisplayNameTaken` turns the index's refusal of a name taken
 * meanwhile (two registrations at once) into the same answer.
 */

export const INDEX = 'users_display_name_key';

export const displayNameTaken = () => new HttpError(409, 'display_name_taken', 'Deze naam is al in gebruik. Kies een andere naam.', 'displayName');

/** Refuses `name` when another account (not `exceptUserId`) has the same name by display_name_key(). */
export async function assertDisplayNameFree(db: DbOrTx, name: string, exceptUserId?: number): Promise<void> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    // Written as in the index, so the index answers it.
    .where(and(sql`display_name_key(${users.displayName}) = display_name_key(${name})`, exceptUserId === undefined ? undefined : ne(users.id, exceptUserId)))
    .limit(1);
  if (row) throw displayNameTaken();
}

/** Whether `error` (or what it wraps) is the unique index refusing a name. */
const isDisplayNameTaken = (error: unknown): boolean => someCause(error, ({ code, constraint }) => code === '23505' && constraint === INDEX);

/** Runs `work`, answering 409 display_name_taken when the index refuses the name. */
export async function asDisplayNameTaken<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDisplayNameTaken(error)) throw displayNameTaken();
    throw error;
  }
}
