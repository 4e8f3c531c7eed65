import { sql } from 'drizzle-orm';
import type { ForumNotificationKind } from '../../shared/constants.js';
import type { DbOrTx } from '../db/client.js';
import { frequencySql, mailKindOf } from './mail-preferences.js';

/** A notification the worker just made or added to. */
export interface MadeNotification {
  userId: number;
  threadId: number;
  kind: ForumNotificationKind;
}

/** A direct mail waits this long, so a member who is here sees it live and gets no mail (templates/notification-mail.ts). */
export const FIRST_MAIL_DELAY = '1 minute';
/** At most one notification mail per member and thread in this time; what happens meanwhile waits for the next one. */
export const THREAD_MAIL_INTERVAL = '15 minutes';

/**
 * Queues the notification mail for what the worker just made, as each member's preferences say (direct: one mail
 * per thread within a minute, then at most one per thread per 15 minutes; daily/weekly: left to the digest,
 * notifications/digest.ts; never: nothing).
 *
 * One statement for any number of receivers (a reply in a thread with 500 watchers is one INSERT … SELECT), in the
 * worker's transaction, so the mail is queued exactly when the notifications are. A thread that already has a mail
 * waiting for her gets no second one (the partial unique index mail_outbox_pending_thread_key): the waiting one
 * shows everything unread when it is made.
 *
 * The row's data keeps `after`, her last mail about the thread when it was queued: the mail tells only what is
 * newer. It is fixed here, not read when the mail is made, because the template records the mail as sent
 * (mail_thread_log) before the transport has it; a retry after a failed send must still tell the same posts.
 *
 * A known gap: a post notified while the waiting mail is being sent (after it was rendered, before its row is
 * deleted: the SMTP exchange) finds the row still there and queues nothing. It is not lost for good: the next
 * mail about the thread starts from this mail's render time and tells it, and the notification itself is there.
 */
export async function scheduleNotificationMail(tx: DbOrTx, made: readonly MadeNotification[]): Promise<void> {
  if (made.length === 0) return;
  const wanted = JSON.stringify(made.map((m) => ({ user_id: m.userId, thread_id: m.threadId, mail_kind: mailKindOf(m.kind) })));
  await tx.execute(sql`
    insert into mail_outbox (user_id, kind, thread_id, data, next_attempt_at)
    select m.user_id, 'notifications', m.thread_id,
           jsonb_build_object('after', to_jsonb(l.last_sent_at)),
           greatest(now() + interval '${sql.raw(FIRST_MAIL_DELAY)}', l.last_sent_at + interval '${sql.raw(THREAD_MAIL_INTERVAL)}')
      from (select distinct x.user_id, x.thread_id
              from jsonb_to_recordset(${wanted}::jsonb) as x(user_id int, thread_id int, mail_kind text)
              join users u on u.id = x.user_id and u.status = 'active'
             where ${frequencySql(sql`u.mail_preferences`, sql`x.mail_kind`)} = 'direct') m
      left join mail_thread_log l on l.user_id = m.user_id and l.thread_id = m.thread_id
    on conflict (user_id, thread_id) where kind = 'notifications' do nothing`);
}
