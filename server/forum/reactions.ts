import { and, eq } from 'drizzle-orm';
import type { ReactionKind } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import type { DbOrTx } from '../db/client.js';
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
