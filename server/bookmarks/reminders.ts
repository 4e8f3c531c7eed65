import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { notifyNotificationsChanged } from '../live/notify.js';

/** Reminders delivered per round; the next round takes the rest. */
const BATCH = 500;

/**
 * Turns the bookmark reminders due at `now` into notifications ("Herinnering: …", with her own note), once each:
 * the bookmark is marked reminded in the same statement, and rows another worker holds are skipped. Run by the
 * notification worker on each round. Whether she may still read the post is decided when the notification is shown
 * (notifications/routes.ts), as for every notification that points at a post; an account that is not active gets none.
 * Returns how many were delivered.
 */
export async function deliverReminders(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ user_id: number }>(
      tx,
      sql`with due as (
            update bookmarks set reminded_at = ${now.toISOString()}::timestamptz
             where id in (select id from bookmarks
                           where remind_at <= ${now.toISOString()}::timestamptz and reminded_at is null
                           order by remind_at, id limit ${BATCH} for update skip locked)
            returning user_id, post_id, note
          )
          insert into notifications (user_id, kind, thread_id, post_id, message)
          select d.user_id, 'bookmark_reminder', p.thread_id, d.post_id, d.note
            from due d join posts p on p.id = d.post_id join users u on u.id = d.user_id and u.status = 'active'
          returning user_id`,
    );
    await notifyNotificationsChanged(tx, [...new Set(rows.map((r) => r.user_id))]);
    return rows.length;
  });
}
