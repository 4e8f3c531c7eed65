import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { notificationOutbox, notifications, threadWatches, users } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { NotificationWorker } from '../../server/notifications/worker.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { inbox, uniqueName } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

const drain = (now?: Date) => t.app.notifications.drain(now ? { now } : {});
const outboxCount = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from notification_outbox`))[0]!.n;

describe('the notification worker', () => {
  it('notifies 500 watchers of a reply in a handful of statements, not one per watcher', async () => {
    const author = await t.login({ displayName: uniqueName('Auteur') });
    const writer = await t.login({ displayName: uniqueName('Schrijver') });
    const { threadId } = await makeThread(t.db, author.user);
    const hash = (await t.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, author.user.id)))[0]!.h;
    await t.db.execute(sql`
      with made as (
        insert into users (email, password_hash, display_name, party, municipality, status)
        select 'volger' || i || '@example.nl', ${hash}, 'Volger ' || i, 'Lokaal Belang', 'Utrecht', 'active' from generate_series(1, 500) i
        returning id
      )
      insert into thread_watches (user_id, thread_id, level) select id, ${threadId}, 'watching' from made`);
    await drain();

    await makePost(t.db, writer.user, threadId);
    t.queries.length = 0;
    const result = await drain();
    expect(result).toMatchObject({ processed: 1, notified: 501, failed: false }); // 500 followers and the starter
    // claim, load the post, the one INSERT … SELECT, two NOTIFYs (501 ids in chunks of 500), mail scheduling, delete,
    // the claim that finds nothing more; whatever the number of watchers
    expect(t.queries.length).toBeLessThanOrEqual(12);
    const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from notifications where thread_id = ${threadId} and kind = 'thread_activity'`);
    expect(row!.n).toBe(501);
  });

  it('writes an outbox row per change that can notify, and auto-watches the writer unless she chose otherwise', async () => {
    const author = await t.login({ displayName: uniqueName('Auteur') });
    const quiet = await makeUser(t.db, { displayName: uniqueName('Stil') });
    await t.db.update(users).set({ autoWatch: false }).where(eq(users.id, quiet.id));
    await drain();
    const { threadId } = await makeThread(t.db, author.user); // no category watchers: only the post's row
    expect(await outboxCount()).toBe(1);
    await makePost(t.db, quiet, threadId);
    const chooser = await makeUser(t.db, { displayName: uniqueName('Kiezer') });
    await t.db.insert(threadWatches).values({ userId: chooser.id, threadId, level: 'ignoring' });
    await makePost(t.db, chooser, threadId);
    expect(await outboxCount()).toBe(3);
    const watches = await t.db.select({ userId: threadWatches.userId, level: threadWatches.level }).from(threadWatches).where(eq(threadWatches.threadId, threadId));
    expect(watches.sort((a, b) => a.userId - b.userId)).toEqual(
      [
        { userId: author.user.id, level: 'watching' },
        { userId: chooser.id, level: 'ignoring' },
      ].sort((a, b) => a.userId - b.userId),
    );
    await drain();
    expect(await outboxCount()).toBe(0);
  });

  it('backs off a change that fails (1 s, 2 s …) without holding up the changes behind it', async () => {
    const author = await t.login({ displayName: uniqueName('Auteur') });
    const writer = await t.login({ displayName: uniqueName('Schrijver') });
    const { threadId } = await makeThread(t.db, author.user);
    await drain();
    // A change the worker cannot do yet: its post does not exist (as if written by a newer version of the code).
    const [bad] = await t.db.insert(notificationOutbox).values({ change: { type: 'post.created', threadId, postId: 'geen getal', categoryId: 1 } }).returning();
    await makePost(t.db, writer.user, threadId);
    const first = await drain();
    expect(first).toMatchObject({ processed: 1, failed: true });
    expect((await inbox(author.client)).unreadCount).toBe(1);
    const [waiting] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, bad!.id));
    expect(waiting!.attempts).toBe(1);
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    // Still failing when due again: the wait doubles. Once it is gone, the worker has nothing left to do.
    const later = new Date(waiting!.nextAttemptAt.getTime() + 1);
    expect(await drain(later)).toMatchObject({ processed: 0, failed: true });
    const [again] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, bad!.id));
    expect(again!.attempts).toBe(2);
    expect(again!.nextAttemptAt.getTime() - later.getTime()).toBe(2000);
    await t.db.delete(notificationOutbox).where(eq(notificationOutbox.id, bad!.id));
    expect(await drain(new Date(again!.nextAttemptAt.getTime() + 1))).toMatchObject({ processed: 0, failed: false });
    expect((await inbox(author.client)).notifications.filter((n) => n.kind === 'thread_activity')).toHaveLength(1);
  });

  it('two workers draining at once notify each change once', async () => {
    const author = await t.login({ displayName: uniqueName('Auteur') });
    const writer = await t.login({ displayName: uniqueName('Schrijver') });
    const { threadId } = await makeThread(t.db, author.user);
    await drain();
    for (let i = 0; i < 6; i++) await makePost(t.db, writer.user, threadId);
    const other = new NotificationWorker(t.db, t.app.log, { batchSize: 2 });
    const [a, b] = await Promise.all([drain(), other.drain()]);
    expect(a.processed + b.processed).toBe(6);
    const list = await inbox(author.client);
    expect(list.notifications).toEqual([expect.objectContaining({ kind: 'thread_activity', count: 6 })]);
    const [row] = await t.db.select({ count: notifications.count }).from(notifications).where(eq(notifications.threadId, threadId));
    expect(row!.count).toBe(6);
  });
});
