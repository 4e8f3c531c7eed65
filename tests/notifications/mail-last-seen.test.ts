import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema.js';
import { LastSeenTracker, LAST_SEEN_INTERVAL_MS } from '../../server/notifications/last-seen.js';
import { connect, t, useListeningApp } from '../live/sockets.js';

/**
 * users.last_seen_at (notifications/last-seen.ts): written on signed-in requests and live socket activity, at most
 * once a minute per member and process, without the request waiting for it. The notification mail reads it.
 */

useListeningApp();

const seenAt = async (userId: number) => (await t.db.select({ at: users.lastSeenAt }).from(users).where(eq(users.id, userId)))[0]!.at;
const writes = () => t.queries.filter((q) => /update "?users"? set last_seen_at/i.test(q)).length;

describe('last_seen_at', () => {
  it('is written by a signed-in request, then not again within the minute', async () => {
    const { client, user } = await t.login();
    expect(await seenAt(user.id)).toBeNull();
    const before = Date.now();
    expect((await client.get('/api/notifications/summary')).status).toBe(200);
    await t.app.lastSeen.flush();
    const first = await seenAt(user.id);
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1);

    const count = writes();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) await client.get('/api/notifications/summary');
    await t.app.lastSeen.flush();
    expect(writes()).toBe(count);
    expect(await seenAt(user.id)).toEqual(first);
  });

  it('is not written for guests', async () => {
    const count = writes();
    await t.guest().get('/api/categories');
    await t.app.lastSeen.flush();
    expect(writes()).toBe(count);
  });

  it('is written when a live socket opens and, a minute later, when it sends', async () => {
    const { client, user } = await t.login();
    const socket = await connect(client);
    await t.app.lastSeen.flush();
    const opened = await seenAt(user.id);
    expect(opened).not.toBeNull();

    const clock = t.app.lastSeen.clock;
    t.app.lastSeen.clock = () => Date.now() + LAST_SEEN_INTERVAL_MS + 1000;
    try {
      await socket.roundTrip();
      await t.app.lastSeen.flush();
      expect((await seenAt(user.id))!.getTime()).toBeGreaterThan(opened!.getTime() + LAST_SEEN_INTERVAL_MS);
    } finally {
      t.app.lastSeen.clock = clock;
      socket.close();
    }
  });

  it('a tracker writes at most once a minute, trusts what the session loaded, and never moves the clock back', async () => {
    const { user } = await t.login();
    let now = Date.now();
    const warnings: string[] = [];
    const tracker = new LastSeenTracker(t.db, { warn: (_obj, msg) => warnings.push(msg) }, () => now);
    tracker.touch(user.id);
    await tracker.flush();
    expect((await seenAt(user.id))!.getTime()).toBe(now);

    now += 30_000;
    tracker.touch(user.id);
    await tracker.flush();
    expect((await seenAt(user.id))!.getTime()).toBe(now - 30_000);

    // Another process wrote a moment ago (her session loaded that value): no write here either.
    const other = new LastSeenTracker(t.db, { warn: () => {} }, () => now);
    other.touch(user.id, new Date(now - 10_000));
    await other.flush();
    expect((await seenAt(user.id))!.getTime()).toBe(now - 30_000);

    now += 31_000;
    tracker.touch(user.id);
    await tracker.flush();
    expect((await seenAt(user.id))!.getTime()).toBe(now);

    // A late write from a process with an older clock does not move it back.
    const slow = new LastSeenTracker(t.db, { warn: () => {} }, () => now - 5 * LAST_SEEN_INTERVAL_MS);
    slow.touch(user.id);
    await slow.flush();
    expect((await seenAt(user.id))!.getTime()).toBe(now);
    expect(warnings).toEqual([]);
  });
});
