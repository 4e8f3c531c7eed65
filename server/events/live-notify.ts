import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { FORUM_CHANNEL, type ForumChange, type ForumEvent } from './types.js';

/** The wire form: consumer-only details stay home, so the hub gets the payload it always got. */
export function toForumEvent(change: ForumChange): ForumEvent {
  if (change.type === 'post.reacted') {
    const { type, threadId, postId, categoryId } = change;
    return { type, threadId, postId, categoryId };
  }
  if (change.type !== 'thread.updated') return change;
  const { type, threadId, categoryId, previousCategoryId } = change;
  return previousCategoryId === undefined ? { type, threadId, categoryId } : { type, threadId, categoryId, previousCategoryId };
}

/**
 * The live consumer: NOTIFY on `forum_events` inside the writing transaction, so PostgreSQL sends it only on commit
 * and every process's hub (server/live/hub.ts) hears it in commit order. Many changes are one statement: one
 * pg_notify per element of a JSON array, called in the array's order.
 */
export async function notifyLive(tx: Tx, changes: readonly ForumChange[]): Promise<void> {
  const payloads = JSON.stringify(changes.map((change) => JSON.stringify(toForumEvent(change))));
  await tx.execute(sql`select pg_notify(${FORUM_CHANNEL}, payload) from jsonb_array_elements_text(${payloads}::jsonb) as payload`);
}
