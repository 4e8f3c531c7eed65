import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Config } from '../config.js';
import type { RenderedMail } from './types.js';

/**
 * How a rendered mail leaves the process: nodemailer over SMTP_URL, or, without one (the embedded default), as an .eml
 * file in DATA_DIR/mail that a developer opens in a mail program or a text editor to follow the link. Either way the
 * mail gets a Message-ID made from its outbox row, so a mail sent twice after a crash is recognisable as one.
 */

/** One mail to send, as the worker has it: the outbox row id, the address and what the template made. */
export interface OutgoingMail {
  id: number;
  to: string;
  rendered: RenderedMail;
  /** RFC 8058 one-click link (POST) for List-Unsubscribe; null for account mail. */
  unsubscribeUrl: string | null;
}

export interface MailTransport {
  /** Resolves once the SMTP server (or the file system) accepted the mail; rejects otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface TransportLog {
  info(obj: object, msg: string): void;
}

/**
 * SMTP limits (nodemailer's defaults are minutes): a name that does not resolve in 10 s, a connection that cannot be
 * made in 10 s (the DNS wait included), a server that does not greet in 10 s, or a socket silent for 30 s fails the
 * send. The worker only starts a send while its row has at least SEND_TIMEOUT_SECONDS of lease left, so a slow send
 * does not outlive the lease and let another process send the same row. (A server that answers every 29 s could
 * still stretch one send; its mail would then go twice at worst, with one Message-ID.)
 */
const SMTP_TIMEOUTS = { dnsTimeout: 10_000, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
export const SEND_TIMEOUT_SECONDS = (SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout + SMTP_TIMEOUTS.socketTimeout) / 1000 + 10;

export function messageId(config: Config, rowId: number): string {
  return `<mail-${rowId}@${new URL(config.mail.siteUrl).hostname}>`;
}

function message(config: Config, mail: OutgoingMail): Mail.Options {
  const headers: Record<string, string> = {
    'Content-Language': 'nl',
    // RFC 3834: no out-of-office replies to a forum's mail.
    'Auto-Submitted': 'auto-generated',
  };
  if (mail.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${mail.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    from: config.mail.from,
    to: mail.to,
    subject: mail.rendered.subject,
    text: mail.rendered.text,
    html: mail.rendered.html,
    messageId: messageId(config, mail.id),
    headers,
  };
}

export function createMailTransport(config: Config, log: TransportLog): MailTransport {
  if (config.mail.smtpUrl) {
    // Not pooled: a connection per mail recovers from a restarted mail server without a stale pooled socket.
    const transport = nodemailer.createTransport({ url: config.mail.smtpUrl, ...SMTP_TIMEOUTS });
    return {
      async send(mail) {
        await transport.sendMail(message(config, mail));
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(config, mail));
      await mkdir(config.mail.dir, { recursive: true });
      // Sortable by time; the row id keeps two mails of one millisecond apart.
      const file = join(config.mail.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      // The path, never the address: the log is kept longer than the mail.
      log.info({ file }, 'mail: written to a file (no SMTP_URL set)');
    },
    close: () => transport.close(),
  };
}
