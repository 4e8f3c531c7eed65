import type { ModerationAction } from '../../shared/api/moderation.js';
import type { Tx } from '../db/client.js';
import { moderationActions } from '../db/schema.js';

export interface LogInput {
  /** Null when the system acted (automatic hiding). */
  moderatorId: number | null;
  action: ModerationAction;
  targetUserId?: number | null;
  targetPostId?: number | null;
  targetThreadId?: number | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

/** One row in the append-only log, always in the transaction of the action itself: no action without its record. */
export async function logAction(tx: Tx, input: LogInput): Promise<void> {
  await tx.insert(moderationActions).values({
    moderatorId: input.moderatorId,
    action: input.action,
    targetUserId: input.targetUserId ?? null,
    targetPostId: input.targetPostId ?? null,
    targetThreadId: input.targetThreadId ?? null,
    reason: input.reason ?? null,
    details: input.details ?? null,
  });
}
