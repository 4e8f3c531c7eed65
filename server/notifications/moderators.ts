import { sql } from 'drizzle-orm';
import type { ModeratorNotificationKind } from '../../shared/constants.js';
import { queryRows, type DbOrTx } from '../db/client.js';
import { notifications, users } from '../db/schema.js';
import { notifyNotificationsChanged } from '../live/notify.js';
import { OPEN_GROUP_CONFLICT } from './group-key.js';

/**
 * Something waits for the moderators (a registration whose address is confirmed, a new report): every active
 * moderator and admin gets it added to their open group of that kind ("3 nieuwe rapporten"), in the caller's
 * transaction, and their sockets hear of it on commit. One statement whatever the number of moderators. The text
 * is made when read (render.ts), from the count. `except`: whoever caused it (a moderator who reports a post).
 */
export async function signalModerators(tx: DbOrTx, kind: ModeratorNotificationKind, options: { except?: number } = {}): Promise<void> {
  const rows = await queryRows<{ user_id: number }>(
    tx,
    sql`insert into ${notifications} (user_id, kind)
        select id, ${kind} from ${users}
         where role in ('moderator', 'admin') and status = 'active' and id <> ${options.except ?? 0}
        ${OPEN_GROUP_CONFLICT} do update set count = ${notifications}.count + 1, updated_at = now()
        returning user_id`,
  );
  await notifyNotificationsChanged(
    tx,
    rows.map((r) => r.user_id),
  );
}
