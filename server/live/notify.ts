import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';

export const FORUM_CHANNEL = 'forum_events';

/**
 * What changed, by id only: every server process loads the current state itself and decides per socket
 * what that member may see. Sent with NOTIFY inside the writing transaction, so it goes out only on commit.
 */
export type ForumEvent =
  | { type: 'post.created' | 'post.updated' | 'post.removed'; threadId: number; postId: number; categoryId: number }
  | { type: 'thread.created' | 'thread.updated'; threadId: number; categoryId: number; previousCategoryId?: number };

export async function notifyForumEvent(tx: Tx, event: ForumEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${FORUM_CHANNEL}, ${JSON.stringify(event)})`);
}
