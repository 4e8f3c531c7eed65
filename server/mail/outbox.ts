import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { mailOutbox } from '../db/schema.js';

export interface QueuedMail {
  userId: number;
  /** The template that makes it at send time (server/mail/templates/index.ts). */
  kind: string;
  /** What the template needs besides the member: ids, a token, a reason. Never the text itself when it can be read at send time. */
  data?: Record<string, unknown>;
  /** Notification mail: the thread it is about; at most one such mail waits per member and thread. */
  threadId?: number;
  /** Not before: a batching delay. Default now. */
  notBefore?: Date;
}

/**
 * Queues one mail in the caller's transaction: nothing is mailed for a change that rolls back, and nothing is lost
 * when the mail server or this process is down (the worker, server/mail/worker.ts, sends it later). A 'notifications'
 * mail for a thread that already has one waiting is not queued again: the waiting one will show everything unread
 * when it is rendered.
 */
export async function enqueueMail(tx: DbOrTx, mail: QueuedMail): Promise<void> {
  const values = {
    userId: mail.userId,
    kind: mail.kind,
    data: mail.data ?? {},
    threadId: mail.threadId ?? null,
    ...(mail.notBefore ? { nextAttemptAt: mail.notBefore } : {}),
  };
  if (mail.kind === 'notifications' && mail.threadId !== undefined) {
    await tx
      .insert(mailOutbox)
      .values(values)
      // The partial unique index mail_outbox_pending_thread_key: one pending notification mail per member and thread.
      .onConflictDoNothing({ target: [mailOutbox.userId, mailOutbox.threadId], where: sql`${mailOutbox.kind} = 'notifications'` });
    return;
  }
  await tx.insert(mailOutbox).values(values);
}
