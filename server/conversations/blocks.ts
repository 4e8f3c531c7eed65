import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { memberBlocks } from '../db/schema.js';

/**
 * Blocks (member_blocks: `userId` blocked `blockedUserId`). A member she blocked cannot start a conversation with her
 * or add her to one, and his messages in a conversation they share no longer notify her. Whoever is refused is only
 * told "Je kunt deze persoon geen bericht sturen", never why. It holds both ways: she cannot start a conversation with
 * a member she blocked either (he could not answer a new one), until she lifts the block; she is told that.
 */

/** Of `recipientIds`, those who blocked `senderId`. */
export async function blockedBy(db: DbOrTx, senderId: number, recipientIds: readonly number[]): Promise<number[]> {
  if (recipientIds.length === 0) return [];
  const rows = await db
    .select({ userId: memberBlocks.userId })
    .from(memberBlocks)
    .where(and(eq(memberBlocks.blockedUserId, senderId), inArray(memberBlocks.userId, [...recipientIds])));
  return rows.map((r) => r.userId);
}

/** Of `recipientIds`, those `senderId` blocked herself. */
export async function blockedByMe(db: DbOrTx, senderId: number, recipientIds: readonly number[]): Promise<number[]> {
  if (recipientIds.length === 0) return [];
  const rows = await db
    .select({ blockedUserId: memberBlocks.blockedUserId })
    .from(memberBlocks)
    .where(and(eq(memberBlocks.userId, senderId), inArray(memberBlocks.blockedUserId, [...recipientIds])));
  return rows.map((r) => r.blockedUserId);
}

/** For the member page's own query (members/page.ts): whether she blocked the asker, and the asker her. */
export const blockColumns = (askerId: number, memberId: number) => ({
  blockedAsker: sql<boolean>`exists (select 1 from ${memberBlocks} b where b.user_id = ${memberId} and b.blocked_user_id = ${askerId})`.mapWith(Boolean),
  blockedByAsker: sql<boolean>`exists (select 1 from ${memberBlocks} b where b.user_id = ${askerId} and b.blocked_user_id = ${memberId})`.mapWith(Boolean),
});
