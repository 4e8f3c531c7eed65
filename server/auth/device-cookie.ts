import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * OWASP's "device cookies" against online guessing: a successful login leaves a signed cookie that binds this
 * browser to that account. When an account is locked after many failed logins, the lock holds for clients
 * without such a cookie (the guessers) but not for the browsers its owner already used, so an attacker cannot
 * lock a member out at will. https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies
 */
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

export interface DeviceCookie {
  /** The account it is bound to (see accountKey). */
  account: string;
  /** Tells one device cookie from another, so a cookie that itself keeps failing can stop counting as trusted. */
  nonce: string;
}

/**
 * The login counters and the device cookie name an account by a keyed hash of its normalised e-mail: it exists
 * for every e-mail, known or not (so a limit reveals nothing), and the cookie and memory hold no address.
 */
export function accountKey(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`login:${email}`).digest('base64url').slice(0, 32);
}

export function readDeviceCookie(request: FastifyRequest, name: string): DeviceCookie | null {
  const raw = request.cookies[name];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  const match = /^([\w-]{32})\.([\w-]{22})$/.exec(unsigned.value);
  return match ? { account: match[1]!, nonce: match[2]! } : null;
}

/** A fresh cookie (new nonce) on every successful login, replacing the one for any other account. */
export function issueDeviceCookie(reply: FastifyReply, name: string, account: string, secure: boolean): void {
  const nonce = randomBytes(16).toString('base64url');
  void reply.setCookie(name, `${account}.${nonce}`, {
    signed: true,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}
