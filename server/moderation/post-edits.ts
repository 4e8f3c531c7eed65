import type { CurrentUser } from '../auth/types.js';
import type { Tx } from '../db/client.js';
import { notifyUser } from '../notifications/notify.js';
import { logAction } from './record.js';

/**
 * A moderator's edit or deletion of someone else's post goes on record and is told to its author, whichever route
 * it came through: the moderation route or the member routes (PATCH and DELETE /api/posts/:id), which moderators
 * may use on any post. Called in the transaction of the change itself: no change without its record.
 */

export interface ChangedPost {
  id: number;
  authorId: number;
  threadId: number;
  threadTitle: string;
}

/** Whether changing `post` is a moderator's act: a moderator changing their own post is just a member writing. */
export const isModeratorAct = (actor: CurrentUser, post: { authorId: number }): boolean => actor.id !== post.authorId;

/** `revisionId` is the revision that keeps the text the moderator replaced. */
export async function recordModeratorEdit(tx: Tx, moderator: CurrentUser, post: ChangedPost, revisionId: number): Promise<void> {
  await logAction(tx, {
    moderatorId: moderator.id,
    action: 'edit_post',
    targetUserId: post.authorId,
    targetPostId: post.id,
    targetThreadId: post.threadId,
    details: { revisionId },
  });
  await notifyUser(
    tx,
    post.authorId,
    'post_edited',
    `Je bericht in „${post.threadTitle}” is bewerkt door een moderator. De vorige versie is bewaard.`,
    { postId: post.id, threadId: post.threadId },
  );
}

export async function recordModeratorDelete(tx: Tx, moderator: CurrentUser, post: ChangedPost, reason: string | null): Promise<void> {
  await logAction(tx, {
    moderatorId: moderator.id,
    action: 'delete_post',
    targetUserId: post.authorId,
    targetPostId: post.id,
    targetThreadId: post.threadId,
    reason,
  });
  await notifyUser(tx, post.authorId, 'post_deleted', `Je bericht in „${post.threadTitle}” is verwijderd door een moderator${reason ? `: ${reason}` : '.'}`, {
    postId: post.id,
    threadId: post.threadId,
  });
}
