import { and, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { CLAIM_MINUTES, type Claim, type ClaimKind } from '../../shared/api/claims.js';
import type { CurrentUser } from '../auth/types.js';
import type { DbOrTx, Tx } from '../db/client.js';
import { moderationClaims, users } from '../db/schema.js';
import { conflict } from '../http/errors.js';

/**
 * Claims on waiting work (moderation_claims): a moderator takes a reported post or a registration, so that another
 * does not handle it at the same time. A claim counts for CLAIM_MINUTES; after that anyone may take it over. The
 * decision on the item (resolve, approve, reject) checks it and removes it, in the decision's transaction.
 */

const fresh = () => gt(moderationClaims.claimedAt, sql`now() - make_interval(mins => ${CLAIM_MINUTES})`);
const timeNl = (d: Date) => d.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/** The claims that count on these items, by target id, as `viewer` sees them. */
export async function claimsOn(db: DbOrTx, kind: ClaimKind, targetIds: number[], viewer: CurrentUser): Promise<Map<number, Claim>> {
  if (targetIds.length === 0) return new Map();
  const rows = await db
    .select({ targetId: moderationClaims.targetId, moderatorId: users.id, displayName: users.displayName, claimedAt: moderationClaims.claimedAt })
    .from(moderationClaims)
    .innerJoin(users, eq(users.id, moderationClaims.moderatorId))
    .where(and(eq(moderationClaims.kind, kind), inArray(moderationClaims.targetId, targetIds), fresh()));
  return new Map(
    rows.map((r) => [r.targetId, { moderator: { id: r.moderatorId, displayName: r.displayName }, claimedAt: r.claimedAt.toISOString(), mine: r.moderatorId === viewer.id }]),
  );
}

/** Claims the item for `moderator` (again: her own claim starts anew); 409 `claimed` while another's counts. */
export async function claim(tx: Tx, kind: ClaimKind, targetId: number, moderator: CurrentUser): Promise<void> {
  const taken = await tx
    .insert(moderationClaims)
    .values({ kind, targetId, moderatorId: moderator.id })
    .onConflictDoUpdate({
      target: [moderationClaims.kind, moderationClaims.targetId],
      set: { moderatorId: moderator.id, claimedAt: sql`now()` },
      setWhere: or(eq(moderationClaims.moderatorId, moderator.id), sql`not (${fresh()})`),
    })
    .returning({ moderatorId: moderationClaims.moderatorId });
  if (taken.length === 0) await assertFree(tx, kind, targetId, moderator);
}

/** 409 `claimed` when the claim that counts on an item is another moderator's: she is handling it. */
export function refuseOthers(claim: Claim | undefined): void {
  if (claim && !claim.mine) {
    throw conflict('claimed', `${claim.moderator.displayName} behandelt dit al (sinds ${timeNl(new Date(claim.claimedAt))}). Kies een ander item, of wacht tot het is losgelaten.`);
  }
}

/** refuseOthers for an item whose claim is not loaded yet. */
export async function assertFree(tx: Tx, kind: ClaimKind, targetId: number, moderator: CurrentUser): Promise<void> {
  refuseOthers((await claimsOn(tx, kind, [targetId], moderator)).get(targetId));
}

/** Removes the claim on an item: the decision was made, or its holder lets go. */
export async function release(tx: DbOrTx, kind: ClaimKind, targetId: number): Promise<void> {
  await tx.delete(moderationClaims).where(and(eq(moderationClaims.kind, kind), eq(moderationClaims.targetId, targetId)));
}

/** The decision on a claimed item: refused while another handles it, and its claim gone with it. */
export async function decideOn(tx: Tx, kind: ClaimKind, targetId: number, moderator: CurrentUser): Promise<void> {
  await assertFree(tx, kind, targetId, moderator);
  await release(tx, kind, targetId);
}
