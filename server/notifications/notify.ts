import type { Tx } from '../db/client.js';
import { notifications } from '../db/schema.js';
import { notifyUserEvent } from '../live/notify.js';

/** Tells the affected user in-app what happened; the live event goes out on commit only. */
export async function notifyUser(tx: Tx, userId: number, kind: string, message: string, data: Record<string, unknown> | null = null): Promise<void> {
  const [row] = await tx.insert(notifications).values({ userId, kind, message, data }).returning({ id: notifications.id });
  await notifyUserEvent(tx, { type: 'notification.created', userId, notificationId: row!.id });
}
