import type { Tx } from '../db/client.js';
import { hide, restore } from '../forum/post-hiding.js';
import { notifyUser } from '../notifications/notify.js';
import { logAction } from './record.js';

/**
 * Hiding and restoring a post as moderation's act: the forum changes its state and announces it
 * (server/forum/post-hiding.ts); moderation adds, in the same transaction, its log row and the author's notification.
 */

/** Returns false when the post was already hidden (nothing changed, nothing logged). */
export async function hidePost(
  tx: Tx,
  postId: number,
  by: { moderatorId: number | null; reason: string; details?: Record<string, unknown> },
): Promise<boolean> {
  const hidden = await hide(tx, postId, by.reason);
  if (!hidden) return false;
  const auto = by.moderatorId === null;
  await logAction(tx, {
    moderatorId: by.moderatorId,
    action: auto ? 'auto_hide' : 'hide_post',
    targetUserId: hidden.authorId,
    targetPostId: postId,
    targetThreadId: hidden.threadId,
    reason: by.reason,
    details: by.details ?? null,
  });
  await notifyUser(
    tx,
    hidden.authorId,
    'post_hidden',
    auto
      ? `Je bericht in „${hidden.title}” is verborgen omdat meerdere leden het hebben gerapporteerd. Een moderator bekijkt het.`
      : `Je bericht in „${hidden.title}” is verborgen omdat: ${by.reason}`,
    { postId, threadId: hidden.threadId },
  );
  return true;
}

/** Returns false when the post was not hidden. */
export async function restorePost(tx: Tx, postId: number, by: { moderatorId: number; reason?: string | null; details?: Record<string, unknown> }): Promise<boolean> {
  const restored = await restore(tx, postId);
  if (!restored) return false;
  await logAction(tx, {
    moderatorId: by.moderatorId,
    action: 'restore_post',
    targetUserId: restored.authorId,
    targetPostId: postId,
    targetThreadId: restored.threadId,
    reason: by.reason ?? null,
    details: by.details ?? null,
  });
  await notifyUser(tx, restored.authorId, 'post_restored', `Je bericht in „${restored.title}” is weer zichtbaar.`, { postId, threadId: restored.threadId });
  return true;
}
