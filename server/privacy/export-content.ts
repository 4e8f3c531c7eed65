import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.js';
import { exportConversations } from '../conversations/privacy.js';
import { exportHelpdesk } from '../helpdesk/privacy.js';
import { exportTrainingSignups } from '../trainings/privacy.js';

/**
 * Everything Plein holds about one member (AVG art. 15 and 20), as one JSON document: what she gave, what she wrote
 * and what the forum recorded about her. Nothing about other members beyond what she saw in the forum anyway:
 * no reporter of her posts, no moderator's name, no other member's address, no session ids or tokens, no password
 * or second-step secret (only whether it is on).
 */
export const EXPORT_FORMAT = 'plein-gegevens/1';

const rows = <T = Record<string, unknown>>(db: DbOrTx, query: SQL) => queryRows<T>(db, query);

export async function buildExport(db: DbOrTx, userId: number, now = new Date()): Promise<Record<string, unknown> | null> {
  const [profile] = await rows(
    db,
    sql`select u.id, u.email, u.display_name as "displayName", u.party, u.municipality, u.representative_role as "representativeRole",
               u.representative_verified as "representativeVerified", u.role, u.status, u.status_reason as "statusReason",
               u.suspended_until as "suspendedUntil", u.created_at as "createdAt", u.approved_at as "approvedAt",
               u.email_confirmed_at as "emailConfirmedAt", u.last_seen_at as "lastSeenAt", u.show_affiliation as "showAffiliation",
               u.auto_watch as "autoWatch", u.mail_preferences as "mailPreferences", u.last_digest_at as "lastDigestAt",
               u.last_weekly_digest_at as "lastWeeklyDigestAt", u.totp_enabled_at as "twoStepLoginSince"
          from users u where u.id = ${userId}`,
  );
  if (!profile) return null;
  const [avatar] = await rows<{ contentType: string; updatedAt: Date; image: Buffer | Uint8Array }>(
    db,
    sql`select content_type as "contentType", updated_at as "updatedAt", image from avatars where user_id = ${userId}`,
  );

  const posts = await rows(
    db,
    sql`select p.id, p.thread_id as "threadId", t.title as "threadTitle", p.reply_to_post_id as "replyToPostId", p.body,
               p.created_at as "createdAt", p.edited_at as "editedAt", p.hidden_at as "hiddenAt", p.hidden_reason as "hiddenReason",
               p.deleted_at as "deletedAt",
               coalesce((select jsonb_agg(jsonb_build_object('body', r.body, 'createdAt', r.created_at, 'byYou', r.edited_by = ${userId}) order by r.id)
                           from post_revisions r where r.post_id = p.id), '[]'::jsonb) as revisions
          from posts p join threads t on t.id = p.thread_id
         where p.author_id = ${userId} order by p.id`,
  );
  const threads = await rows(
    db,
    sql`select t.id, t.title, c.name as category, t.created_at as "createdAt", t.locked, t.hidden_at as "hiddenAt", t.deleted_at as "deletedAt"
          from threads t join categories c on c.id = t.category_id where t.author_id = ${userId} order by t.id`,
  );
  // Her own reports: what she reported and how it ended; not the moderators' notes or names.
  const reports = await rows(
    db,
    sql`select post_id as "postId", reason, note, status, resolution, created_at as "createdAt", resolved_at as "resolvedAt"
          from reports where reporter_id = ${userId} order by id`,
  );
  const notifications = await rows(
    db,
    sql`select kind, message, thread_id as "threadId", post_id as "postId", count, read_at as "readAt", created_at as "createdAt", updated_at as "updatedAt"
          from notifications where user_id = ${userId} order by id`,
  );
  // When each session began and until when it runs: no id, hash or session data.
  const sessions = await rows(
    db,
    sql`select created_at as "createdAt", expires_at as "expiresAt" from sessions where user_id = ${userId} order by created_at`,
  );
  const reactions = await rows(db, sql`select post_id as "postId", kind, created_at as "createdAt" from post_reactions where user_id = ${userId} order by created_at`);
  const bookmarks = await rows(
    db,
    sql`select post_id as "postId", note, remind_at as "remindAt", reminded_at as "remindedAt", created_at as "createdAt" from bookmarks where user_id = ${userId} order by id`,
  );
  const drafts = await rows(
    db,
    sql`select thread_id as "threadId", category_id as "categoryId", title, body, updated_at as "updatedAt" from drafts where user_id = ${userId} order by id`,
  );
  const threadWatches = await rows(db, sql`select thread_id as "threadId", level, updated_at as "updatedAt" from thread_watches where user_id = ${userId} order by thread_id`);
  const categoryWatches = await rows(
    db,
    sql`select c.slug as category, w.level, w.updated_at as "updatedAt" from category_watches w join categories c on c.id = w.category_id where w.user_id = ${userId} order by c.slug`,
  );
  const readMarkers = await rows(
    db,
    sql`select thread_id as "threadId", last_read_post_id as "lastReadPostId", updated_at as "updatedAt" from thread_reads where user_id = ${userId} order by thread_id`,
  );
  // Decisions about her and her posts, with the reason she was told; never who reported or which moderator acted
  // (a dismissal of reports has a note for moderators only).
  const moderation = await rows(
    db,
    sql`select a.action, case when a.action = 'dismiss_reports' then null else a.reason end as reason, a.target_post_id as "postId", a.target_thread_id as "threadId", a.created_at as "createdAt"
          from moderation_actions a
         where a.target_user_id = ${userId}
            or a.target_post_id in (select id from posts where author_id = ${userId})
         order by a.id`,
  );

  return {
    format: EXPORT_FORMAT,
    madeAt: now.toISOString(),
    profile: {
      ...profile,
      avatar: avatar
        ? { contentType: avatar.contentType, updatedAt: avatar.updatedAt, base64: Buffer.from(avatar.image).toString('base64') }
        : null,
    },
    posts,
    threads,
    reports,
    notifications,
    sessions,
    reactions,
    bookmarks,
    drafts,
    watches: { threads: threadWatches, categories: categoryWatches },
    readMarkers,
    moderation,
    privateMessages: await exportConversations(db, userId),
    trainingSignups: await exportTrainingSignups(db, userId),
    helpdesk: await exportHelpdesk(db, userId),
  };
}
