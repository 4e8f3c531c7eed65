import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { handOverAuthorship } from '../forum/former-author.js';
import { withdrawAllReactions } from '../forum/reactions.js';
import { notifyUserEvent } from '../live/notify.js';
import { logAction } from '../moderation/record.js';
import { leaveAllConversations } from '../conversations/privacy.js';
import { releaseTrainingPlaces } from '../trainings/privacy.js';
import { FORMER_MEMBER_NAME, formerMemberId } from './former-member.js';

/**
 * "Account verwijderen" (AVG art. 17), by the member herself or by a moderator on her request. One transaction:
 *
 * 1. her reactions are taken back (forum/reactions.ts: rows, counts and announcements);
 * 2. her posts and threads move to the "Oud-lid" account (former-member.ts); by her choice their text is replaced
 *    by a placeholder and their earlier versions deleted; other members' @-mentions of her become "@Oud-lid"; every
 *    changed post is announced through publish() (forum/former-author.ts: forum state is written in server/forum/);
 * 3. notifications she caused name "Oud-lid";
 * 4. reports she made stay for the moderators, made by "Oud-lid" (a post she and another deleted member both
 *    reported keeps one);
 * 5. the log records that the account was deleted and by whom, nothing of what was removed;
 * 6. her users row is deleted: the foreign keys take her sessions, e-mail address, password, second step, picture,
 *    notifications, bookmarks, drafts, watches, read markers, pending mail, tokens and exports with it
 *    (ON DELETE CASCADE), and the moderation log keeps its rows, marked *_deleted (migration 0007);
 *
 * The caller checks who may do this, and after commit emits authEvents 'revoked' so her open sockets close.
 */

export interface AccountDeletion {
  userId: number;
  /** Replace the text of her posts by a placeholder (forum/former-author.ts; else they stay, by "Oud-lid"). */
  removeText: boolean;
  /** Who deleted it: herself, or the moderator acting on her request. */
  actorId: number;
  /** A moderator's reason (null when she deleted it herself). */
  reason: string | null;
}

export async function deleteAccount(tx: Tx, input: AccountDeletion, displayName: string): Promise<{ posts: number }> {
  const { userId } = input;
  const formerId = await formerMemberId(tx);

  await withdrawAllReactions(tx, userId);
  // Posts and threads to "Oud-lid", mentions of her rewritten, the changed posts announced (search, live readers).
  const posts = await handOverAuthorship(tx, { userId, displayName, formerId, formerName: FORMER_MEMBER_NAME, removeText: input.removeText });
  await tx.execute(sql`update notifications set actor_id = ${formerId} where actor_id = ${userId}`);
  await tx.execute(sql`update reports r set reporter_id = ${formerId}
                        where r.reporter_id = ${userId}
                          and not exists (select 1 from reports o where o.post_id = r.post_id and o.reporter_id = ${formerId})`);

  // Her conversations: left, and deleted where she was the last one in (conversations/privacy.ts).
  await leaveAllConversations(tx, userId, input.removeText);
  // Her places in trainings still to come go to the first waiting members (trainings/privacy.ts).
  await releaseTrainingPlaces(tx, userId);
  await logAction(tx, { moderatorId: input.actorId, targetUserId: userId, action: 'delete_account', reason: input.reason });
  await tx.execute(sql`delete from users where id = ${userId}`);

  // Sockets of hers on any process re-check the account, find it gone and close.
  await notifyUserEvent(tx, { type: 'account.changed', userId });
  return { posts };
}
