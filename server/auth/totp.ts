import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';
import type { Db, DbOrTx, Tx } from '../db/client.js';
import { recoveryCodes, totpCredentials, users } from '../db/schema.js';

/**
 * The second login step (RFC 6238 time-based codes, as every authenticator app makes them), with one-time recovery
 * codes for a lost phone. otpauth does the HMAC arithmetic; this module keeps the rules:
 * - a code is valid in its 30-second step and the one before and after (clocks drift), and is accepted once: the
 *   step of the last accepted code is stored and an equal or older one refused, in the same UPDATE (no replay);
 * - recovery codes are 80 random bits, shown once, stored as SHA-256 hashes, each used once.
 */

const ISSUER = 'Plein';
const PERIOD = 30;
/** Steps either side of now that are still accepted. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** A new secret (160 bits, base32) and what an authenticator app needs to take it: the otpauth URI and its QR code. */
export function newSecret(label: string): { secret: string; uri: string; qrSvg: string } {
  const secret = new Secret({ size: 20 }).base32;
  const uri = totpFor(secret, label).toString();
  return { secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/**
 * An offered secret travels to the member and back with a signature instead of waiting in the session: offering one
 * writes nothing, and only the member it was offered to can turn it on, within `SETUP_MS`.
 */
export const SETUP_MS = 15 * 60 * 1000;

const setupMac = (key: string, userId: number, secret: string, expires: number) =>
  createHmac('sha256', key).update(`totp-setup:${userId}:${secret}:${expires}`).digest('base64url');

export function signSetup(key: string, userId: number, secret: string, now = Date.now()): string {
  const expires = now + SETUP_MS;
  return `${expires}.${setupMac(key, userId, secret, expires)}`;
}

/** Whether `token` was made by signSetup for this member and secret, and has not expired. */
export function setupValid(key: string, userId: number, secret: string, token: string, now = Date.now()): boolean {
  const [expiresText, mac] = token.split('.');
  const expires = Number(expiresText);
  if (!Number.isSafeInteger(expires) || expires < now || mac === undefined) return false;
  const expected = Buffer.from(setupMac(key, userId, secret, expires));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The time step a code is valid in, or null when it is not valid now (give or take WINDOW steps). */
export function matchingStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret, '').validate({ token: code, window: WINDOW, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** The current code for a secret (tests and the seed only: a member's app makes hers). */
export const currentCode = (secret: string, now = Date.now()) => totpFor(secret, '').generate({ timestamp: now });

/**
 * Accepts a member's code once: true when it is valid now and its step is later than the last accepted one (set to
 * it in the same statement, so two requests with one code cannot both pass).
 */
export async function acceptCode(db: DbOrTx, userId: number, code: string, now = Date.now()): Promise<boolean> {
  const [credential] = await db.select({ secret: totpCredentials.secret }).from(totpCredentials).where(eq(totpCredentials.userId, userId));
  if (!credential) return false;
  const step = matchingStep(credential.secret, code, now);
  if (step === null) return false;
  const updated = await db
    .update(totpCredentials)
    .set({ lastStep: step })
    .where(and(eq(totpCredentials.userId, userId), or(isNull(totpCredentials.lastStep), lt(totpCredentials.lastStep, step))))
    .returning({ userId: totpCredentials.userId });
  return updated.length === 1;
}

const hashCode = (code: string) => createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
/** What a member types: case, spaces and dashes do not matter. */
const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 16 base32 characters (80 bits), shown in groups of four: "ABCD-EFGH-IJKL-MNOP". */
function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => BASE32[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** Replaces her recovery codes with a new set, answered once in plain text. */
export async function replaceRecoveryCodes(tx: Tx, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashCode(code) })));
  return codes;
}

/** Uses up one recovery code: true when it was hers and unused. */
export async function useRecoveryCode(db: DbOrTx, userId: number, code: string): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

export async function recoveryCodesLeft(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Turns the second step on with a secret she proved with a code (its step recorded: that code is used). */
export async function enableTotp(tx: Tx, userId: number, secret: string, step: number): Promise<string[]> {
  await tx
    .insert(totpCredentials)
    .values({ userId, secret, lastStep: step })
    .onConflictDoUpdate({ target: totpCredentials.userId, set: { secret, lastStep: step } });
  await tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, userId));
  return replaceRecoveryCodes(tx, userId);
}

export async function disableTotp(tx: Tx, userId: number): Promise<void> {
  await tx.delete(totpCredentials).where(eq(totpCredentials.userId, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.update(users).set({ totpEnabledAt: null }).where(eq(users.id, userId));
}

/** For the test factories and the seed: a member with the second step on, and her secret. */
export async function enableTotpDirectly(db: Db, userId: number): Promise<string> {
  const { secret } = newSecret('');
  await db.transaction((tx) => enableTotp(tx, userId, secret, 0));
  return secret;
}
