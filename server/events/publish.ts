import type { Tx } from '../db/client.js';
import { notifyLive } from './live-notify.js';
import { writeNotificationOutbox } from './notification-outbox.js';
import { writeSearchOutbox } from './search-outbox.js';
import type { ForumChange } from './types.js';

/**
 * A consumer of forum changes: does its part in the writer's transaction, so it commits or rolls back with it. It
 * takes them as a list, so a write that changes many posts at once (an account deleted: every post of hers) costs
 * each consumer a statement or two, not a few per post.
 */
type Consumer = (tx: Tx, changes: readonly ForumChange[]) => Promise<void>;

/**
 * Every consumer, in the order they write (search outbox row first, then the NOTIFY, as always; the notification
 * work last). A new one is one more entry.
 */
const consumers: readonly Consumer[] = [writeSearchOutbox, notifyLive, writeNotificationOutbox];

/**
 * The one way a forum change is announced: inside the caller's transaction, to every consumer. A write cannot
 * forget one of them, and a rolled-back write announces nothing. A list announces each of its changes, in order.
 */
export async function publish(tx: Tx, change: ForumChange | readonly ForumChange[]): Promise<void> {
  const changes = Array.isArray(change) ? change : [change as ForumChange];
  if (changes.length === 0) return;
  for (const consume of consumers) await consume(tx, changes);
}
