import { sql, type SQL } from 'drizzle-orm';
import {
  DEFAULT_MAIL_PREFERENCES,
  MAIL_FREQUENCIES,
  MAIL_KIND_OF,
  MAIL_KINDS,
  type ForumNotificationKind,
  type MailFrequency,
  type MailKind,
  type MailPreferences,
} from '../../shared/constants.js';

/**
 * users.mail_preferences holds only what a member chose; a kind she never chose has its default
 * (DEFAULT_MAIL_PREFERENCES). Read in two forms that must agree: in memory (the settings routes, the templates) and
 * as SQL (scheduling and the digest, which choose hundreds of members in one statement).
 */

const isFrequency = (value: unknown): value is MailFrequency => typeof value === 'string' && (MAIL_FREQUENCIES as readonly string[]).includes(value);

/** Her frequency for every mail kind, from the stored jsonb (anything unknown in it is ignored). */
export function mailPreferencesOf(stored: unknown): MailPreferences {
  const chosen = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(MAIL_KINDS.map((kind) => [kind, isFrequency(chosen[kind]) ? chosen[kind] : DEFAULT_MAIL_PREFERENCES[kind]])) as MailPreferences;
}

/** The notification kinds she wants mailed at `frequency` (e.g. 'direct': mention and quote when mentions is direct). */
export function notificationKindsAt(preferences: MailPreferences, frequency: MailFrequency): ForumNotificationKind[] {
  return (Object.keys(MAIL_KIND_OF) as ForumNotificationKind[]).filter((kind) => preferences[MAIL_KIND_OF[kind]] === frequency);
}

/** Her frequency for `kind` in SQL, over a users row or alias `u` (mail_preferences) and a mail kind as text. */
export function frequencySql(preferences: SQL, mailKind: SQL): SQL {
  // A value that is not a frequency (a hand-edited row) falls back to the default, as mailPreferencesOf does.
  return sql`(case when ${preferences}->>${mailKind} in (${sql.join(
    MAIL_FREQUENCIES.map((f) => sql.raw(`'${f}'`)),
    sql`, `,
  )}) then ${preferences}->>${mailKind} else ${JSON.stringify(DEFAULT_MAIL_PREFERENCES)}::jsonb->>${mailKind} end)`;
}

export const mailKindOf = (kind: ForumNotificationKind): MailKind => MAIL_KIND_OF[kind];

/** MAIL_KIND_OF in SQL: the mail kind of a notification kind column (null for kinds that are never mailed). */
export function mailKindSql(kind: SQL): SQL {
  // 'message' (a private conversation) is no forum kind: its mail kind is 'messages'.
  const cases = [...Object.entries(MAIL_KIND_OF), ['message', 'messages']].map(([notificationKind, mailKind]) => sql.raw(`when '${notificationKind}' then '${mailKind}'`));
  return sql`(case ${kind} ${sql.join(cases, sql` `)} end)`;
}
