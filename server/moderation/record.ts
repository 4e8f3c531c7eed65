import type { ModerationAction } from '../../shared/api/moderation.js';
import type { Tx } from '../db/client.js';
import { moderationActions, notifications } from '../db/schema.js';
import { notifyUserEvent } from '../live/notify.js';

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

/** Tells the affected user in-app what happened; the live event goes out on commit only. */
export async function notifyUser(tx: Tx, userId: number, kind: string, message: string, data: Record<string, unknown> | null = null): Promise<void> {
  const [row] = await tx.insert(notifications).values({ userId, kind, message, data }).returning({ id: notifications.id });
  await notifyUserEvent(tx, { type: 'notification.created', userId, notificationId: row!.id });
}
