import type { Tx } from '../db/client.js';
import { hideThread, restoreThread } from '../forum/thread-hiding.js';
import { notifyUser } from '../notifications/notify.js';
import { logAction } from './record.js';

/**
 * Hiding and showing a whole thread as moderation's act: the forum changes its state and announces it
 * (server/forum/thread-hiding.ts); moderation adds, in the same transaction, its log row (with what it took away)
 * and the message to the member who started it.
 */

/** Returns false when the thread was already hidden or is gone (nothing changed, nothing logged). */
export async function hideWholeThread(tx: Tx, threadId: number, by: { moderatorId: number; reason: string }): Promise<boolean> {
  const hidden = await hideThread(tx, threadId);
  if (!hidden) return false;
  await logAction(tx, {
    moderatorId: by.moderatorId,
    action: 'hide_thread',
    targetUserId: hidden.authorId,
    targetThreadId: threadId,
    reason: by.reason,
    details: { ...hidden.impact },
  });
  // No link: she can no longer open it.
  await notifyUser(tx, hidden.authorId, 'thread_hidden', `Je discussie „${hidden.title}” is verborgen, met alle reacties, omdat: ${by.reason}`, { threadId });
  return true;
}

/** Returns false when the thread was not hidden. */
export async function restoreWholeThread(tx: Tx, threadId: number, by: { moderatorId: number; reason: string | null }): Promise<boolean> {
  const restored = await restoreThread(tx, threadId);
  if (!restored) return false;
  await logAction(tx, { moderatorId: by.moderatorId, action: 'restore_thread', targetUserId: restored.authorId, targetThreadId: threadId, reason: by.reason });
  await notifyUser(tx, restored.authorId, 'thread_restored', `Je discussie „${restored.title}” is weer zichtbaar.`, {
    threadId,
    ...(restored.openingPostId !== null ? { postId: restored.openingPostId } : {}),
  });
  return true;
}
