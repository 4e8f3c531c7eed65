import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema.js';
import { badRequest, tooManyRequests } from '../http/errors.js';
import { AttemptCounter } from './attempt-counter.js';
import { AUTH_WINDOW_MS } from './login-throttle.js';
import { verifyPassword } from './passwords.js';

/**
 * "Type your password again" before a change that protects the account (a new password, the second login step):
 * guesses are counted per account, so a stolen session cannot go on guessing from address after address (the
 * routes' own limit counts per address). One counter for every such route.
 */
export class PasswordConfirmer {
  private readonly guesses: AttemptCounter;

  constructor(
    private readonly db: Db,
    max: number,
  ) {
    this.guesses = new AttemptCounter(max, AUTH_WINDOW_MS);
  }

  /** Throws 429 after too many guesses, 400 `wrong_password` (on `field`) for a wrong one. */
  async confirm(userId: number, password: string, field: string): Promise<void> {
    const key = `user:${userId}`;
    const blocked = this.guesses.blockedFor(key);
    if (blocked > 0) throw tooManyRequests(blocked, 'Je hebt te vaak een verkeerd wachtwoord opgegeven.');
    this.guesses.hit(key);
    const [row] = await this.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
    if (!row || !(await verifyPassword(row.passwordHash, password))) throw badRequest('wrong_password', 'Je wachtwoord klopt niet.', field);
  }
}
