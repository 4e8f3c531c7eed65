import type { FastifyReply, FastifyRequest } from 'fastify';
import { tooManyRequests } from '../http/errors.js';
import { AttemptCounter } from './attempt-counter.js';
import { cookieNames } from './cookie-names.js';
import { accountKey, issueDeviceCookie, readDeviceCookie } from './device-cookie.js';

export const AUTH_WINDOW_MS = 15 * 60 * 1000;

export interface LoginThrottleOptions {
  /** Attempts per account from untrusted clients, and failures per device cookie, per window. */
  max: number;
  secret: string;
  production: boolean;
}

/** What one login attempt was judged as; hand it back to `failed` or `succeeded`. */
export interface LoginAttempt {
  account: string;
  /** The nonce of a valid, still trusted device cookie for this account; null for an unknown client. */
  trustedDevice: string | null;
}

/**
 * The per-account half of the login limit (the per-address half is the route's rate limit). Every attempt from
 * a client without a trusted device cookie for the account counts, whether the e-mail has an account or not;
 * after `max` of them in a window such clients are refused, even with the right password, until it ends.
 * The owner's browsers still get in: a device cookie for the account exempts them, until that cookie itself
 * has failed `max` times (a stolen cookie is then as good as none).
 *
 * Telling the owner by mail that their account is being guessed at waits for mail to exist (issue 11).
 */
export class LoginThrottle {
  private readonly accounts: AttemptCounter;
  private readonly devices: AttemptCounter;
  private readonly cookieName: string;

  constructor(private readonly options: LoginThrottleOptions) {
    this.accounts = new AttemptCounter(options.max, AUTH_WINDOW_MS);
    this.devices = new AttemptCounter(options.max, AUTH_WINDOW_MS);
    this.cookieName = cookieNames(options.production).device;
  }

  /** Judges and counts an attempt for `email` (normalised); throws the 429 when the account is locked for this client. */
  begin(request: FastifyRequest, email: string): LoginAttempt {
    const account = accountKey(this.options.secret, email);
    const device = readDeviceCookie(request, this.cookieName);
    if (device && device.account === account && this.devices.blockedFor(device.nonce) === 0) {
      return { account, trustedDevice: device.nonce };
    }
    const blocked = this.accounts.blockedFor(account);
    if (blocked > 0) {
      throw tooManyRequests(blocked, 'Er is te vaak geprobeerd met dit e-mailadres in te loggen. Log in op een apparaat waarop je eerder bent ingelogd, of wacht even.');
    }
    this.accounts.hit(account);
    return { account, trustedDevice: null };
  }

  failed(attempt: LoginAttempt): void {
    if (attempt.trustedDevice) this.devices.hit(attempt.trustedDevice);
  }

  /** Binds this browser to the account, so a later lock does not keep its owner out. */
  succeeded(reply: FastifyReply, attempt: LoginAttempt): void {
    issueDeviceCookie(reply, this.cookieName, attempt.account, this.options.production);
  }
}
