import type { ParsedMail } from 'mailparser';
import { expect } from 'vitest';
import type { TestSmtp } from '../helpers/smtp.js';

/** Reading the account mails that reached the test's SMTP server (tests/helpers/smtp.ts). */

/** Every message whose envelope went to `email`, in order of arrival. */
export function mailsTo(smtp: TestSmtp, email: string): ParsedMail[] {
  return smtp.messages.filter((_, i) => smtp.recipients[i]!.includes(email.toLowerCase()));
}

/** The one link in a mail to `path` (in the plain text and, the same, in the HTML) and its token. */
export function linkIn(mail: ParsedMail, siteUrl: string, path: string): { url: string; token: string } {
  const pattern = new RegExp(`${siteUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path}\\?token=([A-Za-z0-9_-]+)`);
  const match = pattern.exec(mail.text ?? '');
  expect(match, `a ${path} link in "${mail.subject}"`).not.toBeNull();
  expect(String(mail.html)).toContain(match![0]);
  return { url: match![0], token: match![1]! };
}
