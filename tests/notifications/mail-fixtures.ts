import type { ParsedMail } from 'mailparser';
import { sql } from 'drizzle-orm';
import type { MailPreferences } from '../../shared/constants.js';
import { queryRows } from '../../server/db/client.js';
import type { TestApp } from '../helpers/app.js';
import type { TestSmtp } from '../helpers/smtp.js';

/** Moments ahead of now, for the mail worker's and the digest's injectable clock (nothing here waits). */
export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);
export const inHours = (hours: number) => inMinutes(hours * 60);

/** The messages the SMTP server received for one address, in order. */
export function mailsTo(smtp: TestSmtp, email: string): ParsedMail[] {
  return smtp.messages.filter((_, i) => smtp.recipients[i]!.includes(email));
}

export async function setPreferences(t: TestApp, userId: number, preferences: Partial<MailPreferences>): Promise<void> {
  await t.db.execute(sql`update users set mail_preferences = mail_preferences || ${JSON.stringify(preferences)}::jsonb where id = ${userId}`);
}

/** Her notification mails waiting in the outbox. */
export async function pendingMail(t: TestApp, userId: number): Promise<{ kind: string; thread_id: number | null }[]> {
  return queryRows(t.db, sql`select kind, thread_id from mail_outbox where user_id = ${userId} order by id`);
}

/** The URL of a received mail's List-Unsubscribe header (`<https://…>`), read from its raw header line. */
export function unsubscribeUrl(mail: ParsedMail): URL {
  const line = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  const match = /<(https?:\/\/[^>]+)>/.exec(line.replace(/\r?\n\s+/g, ''));
  if (!match) throw new Error('no List-Unsubscribe URL in the mail');
  return new URL(match[1]!);
}

/** Whether the mail asks for RFC 8058 one-click unsubscribe. */
export const oneClick = (mail: ParsedMail) => mail.headerLines.some((h) => h.key === 'list-unsubscribe-post' && /List-Unsubscribe=One-Click/.test(h.line));
