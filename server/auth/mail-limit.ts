import { createHmac } from 'node:crypto';
import { AttemptCounter } from './attempt-counter.js';

/** Mails a guest may cause to one address per hour, per kind of request (reset, registration). */
export const MAILS_PER_ADDRESS_PER_HOUR = 3;

/**
 * The per-address half of the limit on routes that mail whoever's address a guest types in (password reset,
 * registration); the per-client half is the route's rate limit. Without it anyone could have Plein flood an
 * inbox from many client addresses. Beyond the limit the route still answers the same 202 and simply sends
 * nothing, so the limit reveals neither whether the address has an account nor that it was reached.
 *
 * Counted in memory per process (like the login throttle), for every address, known or not, and keyed on an
 * HMAC of it, so memory holds no e-mail address.
 */
export class AddressMailLimit {
  private readonly counter = new AttemptCounter(MAILS_PER_ADDRESS_PER_HOUR, 3600 * 1000);

  constructor(
    private readonly secret: string,
    /** Keeps the keys of one limit apart from another's: 'reset', 'register'. */
    private readonly purpose: string,
  ) {}

  /** Counts a mail to `email` (normalised) and says whether it may be sent. */
  allow(email: string): boolean {
    const key = createHmac('sha256', this.secret).update(`${this.purpose}:${email}`).digest('base64url').slice(0, 32);
    return this.counter.hit(key) <= MAILS_PER_ADDRESS_PER_HOUR;
  }
}
