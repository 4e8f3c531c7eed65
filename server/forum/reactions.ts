import { and, eq, sql } from 'drizzle-orm';
import type { ReactionKind } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import { queryRows, type DbOrTx, type Tx } from '../db/client.js';
import { postReactions } from '../db/schema.js';
import { publish } from '../events/publish.js';
import { countReaction } from './counters.js';

export interface ReactionTarget {
  id: number;
  threadId: number;
  categoryId: number;
}

/**
 * A member's reaction to a post ("Bedankt", "Nuttig"), added or taken back: the row, the counts (counters.ts) and
 * the announcement (`post.reacted`: live counts, and the author's notification for an added one), in one
 * transaction. Idempotent: reacting twice, or taking back what is not there, changes and announces nothing
 * (returns false). The caller checks that she may (reaction-routes.ts).
 */
export async function setReaction(db: DbOrTx, user: CurrentUser, post: ReactionTarget, kind: ReactionKind, on: boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = on
      ? await tx.insert(postReactions).values({ postId: post.id, userId: user.id, kind }).onConflictDoNothing().returning({ postId: postReactions.postId })
      : await tx
          .delete(postReactions)
          .where(and(eq(postReactions.postId, post.id), eq(postReactions.userId, user.id), eq(postReactions.kind, kind)))
          .returning({ postId: postReactions.postId });
    if (changed.length === 0) return false;
    await countReaction(tx, post.id, kind, on ? 1 : -1);
    await publish(tx, { type: 'post.reacted', threadId: post.threadId, postId: post.id, categoryId: post.categoryId, reactorId: user.id, added: on });
    return true;
  });
}

/**
 * Every reaction a member gave, taken back (her account is deleted: server/privacy/account-deletion.ts): the rows,
 * the counts through counters.ts, and one `post.reacted` per reaction, so live readers see the counts drop.
 */
export async function withdrawAllReactions(tx: Tx, userId: number): Promise<void> {
  const reactions = await queryRows<{ post_id: number; kind: ReactionKind; thread_id: number; category_id: number }>(
    tx,
    sql`delete from post_reactions r using posts p, threads t
         where r.user_id = ${userId} and p.id = r.post_id and t.id = p.thread_id
     returning r.post_id, r.kind, p.thread_id, t.category_id`,
  );
  for (const r of reactions) await countReaction(tx, r.post_id, r.kind, -1);
  await publish(
    tx,
    reactions.map((r) => ({ type: 'post.reacted', threadId: r.thread_id, postId: r.post_id, categoryId: r.category_id, reactorId: userId, added: false }) as const),
  );
}
