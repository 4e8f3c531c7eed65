import type { DbOrTx } from '../db/client.js';
import type { ForumNotificationKind } from '../../shared/constants.js';

/** A notification the worker just made or added to. */
export interface MadeNotification {
  userId: number;
  threadId: number;
  kind: ForumNotificationKind;
}

/**
 * Queues the notification mail for what the worker just made, as each member's preferences say (direct: one mail
 * per thread within a minute, then at most one per thread per 15 minutes; daily/weekly: left to the digest).
 */
export async function scheduleNotificationMail(_tx: DbOrTx, _made: readonly MadeNotification[]): Promise<void> {
  // Built by the notification-mail work (D); until then nothing is mailed.
}
