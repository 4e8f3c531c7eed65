import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema.js';
import { hashPassword } from './passwords.js';

/** With ADMIN_EMAIL and ADMIN_PASSWORD set, makes sure that account exists as an active admin. An existing account is left as it is. */
export async function ensureAdmin(db: Db, email: string, password: string): Promise<'created' | 'exists'> {
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (existing[0]) return 'exists';
  await db
    .insert(users)
    .values({
      email,
      passwordHash: await hashPassword(password),
      displayName: 'Beheerder',
      party: 'Kenniscentrum',
      municipality: 'Utrecht',
      role: 'admin',
      status: 'active',
      approvedAt: new Date(),
    })
    .onConflictDoNothing({ target: users.email });
  return 'created';
}
