import { eq } from 'drizzle-orm';
import type { Notification, NotificationList } from '../../shared/api/notifications.js';
import type { CurrentUser } from '../../server/auth/types.js';
import { posts, threads, users } from '../../server/db/schema.js';
import type { TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

/** Her notifications as the API lists them (page 1), with the unread count. */
export async function inbox(client: TestClient): Promise<NotificationList> {
  const res = await client.get<NotificationList>('/api/notifications');
  if (res.status !== 200) throw new Error(`GET /api/notifications: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The notifications of a thread in her list, as [kind, message, link] for compact assertions. */
export async function seen(client: TestClient, threadId?: number): Promise<[string, string, string | null][]> {
  const list = (await inbox(client)).notifications.filter((n: Notification) => threadId === undefined || n.link?.startsWith(`/discussie/${threadId}#`));
  return list.map((n) => [n.kind, n.message, n.link]);
}

/**
 * What content/mentions.ts stores when a post names or quotes someone (the forum's writes fill these from the text);
 * set here directly, before the worker runs, so these tests do not depend on the Markdown syntax.
 */
export async function setMentions(t: TestApp, postId: number, mentioned: readonly number[], quoted: readonly number[] = []): Promise<void> {
  await t.db.update(posts).set({ mentionedUserIds: [...mentioned], quotedPostIds: [...quoted] }).where(eq(posts.id, postId));
}

export const link = (threadId: number, postId: number) => `/discussie/${threadId}#bericht-${postId}`;

export async function setStatus(t: TestApp, user: CurrentUser, status: 'active' | 'pending' | 'suspended' | 'rejected'): Promise<void> {
  await t.db.update(users).set({ status }).where(eq(users.id, user.id));
}

export async function titleOf(t: TestApp, threadId: number): Promise<string> {
  const [row] = await t.db.select({ title: threads.title }).from(threads).where(eq(threads.id, threadId));
  return row!.title;
}

let names = 0;
/** A display name of its own for each member a test makes (names are unique). */
export const uniqueName = (name: string) => `${name} ${++names}`;
