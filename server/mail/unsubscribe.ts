import { createHmac, timingSafeEqual } from 'node:crypto';
import { MAIL_KINDS, type MailKind } from '../../shared/constants.js';

/**
 * One-click unsubscribe tokens: `base64url("userId.kind") + "." + base64url(HMAC-SHA256)`. No login and no expiry:
 * a mail read a year later must still be able to stop the next one (RFC 8058). The HMAC key is derived from
 * SESSION_SECRET with a purpose label, so a token can never be mistaken for any other signature the server makes
 * with that secret (cookies, CSRF, the login throttle). Changing SESSION_SECRET invalidates old links; the member can
 * still change her preferences on her account page.
 */

export type UnsubscribeKind = MailKind | 'all';

export interface UnsubscribeTarget {
  userId: number;
  kind: UnsubscribeKind;
}

const PURPOSE = 'mail-unsubscribe';

function signature(secret: string, payload: string): Buffer {
  const key = createHmac('sha256', secret).update(PURPOSE).digest();
  return createHmac('sha256', key).update(payload).digest();
}

export function unsubscribeToken(secret: string, target: UnsubscribeTarget): string {
  const payload = `${target.userId}.${target.kind}`;
  return `${Buffer.from(payload).toString('base64url')}.${signature(secret, payload).toString('base64url')}`;
}

/** The member and kind a token names, or null when it is malformed or its signature is not ours. */
export function readUnsubscribeToken(secret: string, token: string): UnsubscribeTarget | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const payload = Buffer.from(match[1]!, 'base64url').toString('utf8');
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = signature(secret, payload);
  // Constant time: the comparison must not tell a guesser how many bytes of a signature were right.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const parts = /^([1-9]\d{0,9})\.([a-z]+)$/.exec(payload);
  if (!parts) return null;
  const kind = parts[2]!;
  if (kind !== 'all' && !(MAIL_KINDS as readonly string[]).includes(kind)) return null;
  return { userId: Number(parts[1]), kind: kind as UnsubscribeKind };
}
