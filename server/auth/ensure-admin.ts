import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema.js';
import { hashPassword } from './passwords.js';

/** With ADMIN_EMAIL and ADMIN_PASSWORD set, makes sure that account exists as an active admin. An existing account is left as it is. */
export async function ensureAdmin(db: Db, email: string, password: string): Promise<'created' | 'exists'> {
  const exists = async () => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1)).length > 0;
  if (await exists()) return 'exists';
  const passwordHash = await hashPassword(password);
  // Display names are unique (migration 0007): a second admin (ADMIN_EMAIL changed) is "Beheerder 2", and so on.
  for (let n = 1; ; n++) {
    const inserted = await db
      .insert(users)
      .values({
        email,
        passwordHash,
        displayName: n === 1 ? 'Beheerder' : `Beheerder ${n}`,
        party: 'Kenniscentrum',
        municipality: 'Utrecht',
        role: 'admin',
        status: 'active',
        approvedAt: new Date(),
        emailConfirmedAt: new Date(),
      })
      // Any unique conflict: the e-mail address (made meanwhile) or the name.
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (inserted.length > 0) return 'created';
    if (await exists()) return 'exists';
  }
}

export const LOCAL_ADMIN_EMAIL = 'beheer@plein.local';

/**
 * Outside production, a forum with no admin cannot approve anyone; so the first start makes one with a
 * random password, kept (0600) beside the data so that the start-up message can show it every time.
 */
export async function ensureLocalAdmin(db: Db, dataDir: string): Promise<{ email: string; password: string } | null> {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  const file = join(dataDir, 'admin-password');
  if (admin) return existsSync(file) ? { email: LOCAL_ADMIN_EMAIL, password: readFileSync(file, 'utf8').trim() } : null;
  const password = randomBytes(12).toString('base64url');
  await ensureAdmin(db, LOCAL_ADMIN_EMAIL, password);
  writeFileSync(file, password, { mode: 0o600 });
  return { email: LOCAL_ADMIN_EMAIL, password };
}
