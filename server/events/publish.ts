import type { Tx } from '../db/client.js';
import { notifyLive } from './live-notify.js';
import { writeNotificationOutbox } from './notification-outbox.js';
import { writeSearchOutbox } from './search-outbox.js';
import type { ForumChange } from './types.js';

/** A consumer of forum changes: does its part in the writer's transaction, so it commits or rolls back with it. */
type Consumer = (tx: Tx, change: ForumChange) => Promise<void>;

/**
 * Every consumer, in the order they write (search outbox row first, then the NOTIFY, as always; the notification
 * work last). A new one is one more entry.
 */
const consumers: readonly Consumer[] = [writeSearchOutbox, notifyLive, writeNotificationOutbox];

/**
 * The one way a forum change is announced: inside the caller's transaction, to every consumer. A write cannot
 * forget one of them, and a rolled-back write announces nothing.
 */
export async function publish(tx: Tx, change: ForumChange): Promise<void> {
  for (const consume of consumers) await consume(tx, change);
}
