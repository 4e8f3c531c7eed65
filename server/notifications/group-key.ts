import { sql } from 'drizzle-orm';

/**
 * The ON CONFLICT target of an open group (the partial unique index notifications_open_group_key in
 * server/db/schema.ts): one unread notification per member, kind and thread (moderator kinds have no thread). A new
 * event adds to it; once read, the next event opens a new group. The predicate must match the index's for
 * PostgreSQL to pick it as the arbiter.
 */
export const OPEN_GROUP_CONFLICT = sql.raw(
  `on conflict (user_id, kind, coalesce(thread_id, 0)) where read_at is null and kind in ('thread_activity', 'thanked', 'registration_waiting', 'report_open')`,
);
