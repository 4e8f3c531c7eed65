import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { MailKind } from '../../shared/constants.js';

/** The member a mail goes to, as she is when it is sent (her current address, name and status). */
export interface MailUser {
  id: number;
  email: string;
  displayName: string;
  status: string;
  role: string;
  /** With role: which categories she may be mailed about (forum/visibility.ts, auth/totp-policy.ts). */
  representativeVerified: boolean;
  totpEnabledAt: Date | null;
}

/** What a template makes: the subject, the plain text and the HTML of one mail. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /**
   * Notification and digest mail: which preference its unsubscribe link switches off (then the mail carries
   * List-Unsubscribe and List-Unsubscribe-Post). Account mail has none: it is always sent.
   */
  unsubscribe?: MailKind | 'all';
}

export interface TemplateContext {
  db: Db;
  config: Config;
  user: MailUser;
  /** The outbox row's data, as the code that queued the mail wrote it. */
  data: Record<string, unknown>;
  threadId: number | null;
  /** An absolute link into the forum: url('/discussie/12#bericht-34'). */
  url: (path: string) => string;
}

/**
 * Makes one kind of mail at the moment it is sent, from the current state: null when there is nothing left to
 * send (the post was hidden, the notifications were read, the account is gone), and the row is dropped.
 */
export type MailTemplate = (context: TemplateContext) => Promise<RenderedMail | null>;
