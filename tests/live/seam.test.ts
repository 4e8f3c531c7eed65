import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../shared/live/protocol.js';
import type { CurrentUser } from '../../server/auth/types.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { LiveHub } from '../../server/live/hub.js';
import type { LiveSocket } from '../../server/live/socket.js';
import { createLiveStore, type LiveStore } from '../../server/live/store.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/** A socket that is only memory: the hub and connections cannot tell it from a real one (STYLE 8). */
class FakeSocket implements LiveSocket {
  readonly sent: ServerMessage[] = [];
  bufferedAmount = 0;
  isOpen = true;
  closedWith: { code: number; reason: string } | null = null;
  private listener: ((data: string) => void) | null = null;
  private early: string[] = [];
  private closeListeners: (() => void)[] = [];

  send(data: string): void {
    this.sent.push(JSON.parse(data) as ServerMessage);
  }
  close(code: number, reason: string): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.closedWith = { code, reason };
    for (const listener of this.closeListeners.splice(0)) listener();
  }
  onMessage(listener: (data: string) => void): void {
    this.listener = listener;
    for (const text of this.early.splice(0)) listener(text);
  }
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }
  receive(message: unknown): void {
    const text = JSON.stringify(message);
    if (this.listener) this.listener(text);
    else this.early.push(text);
  }
  postIds(): number[] {
    return this.sent.flatMap((m) => (m.type === 'post.created' ? [m.post.id] : []));
  }
}

let t: TestApp;
let member: CurrentUser;
beforeAll(async () => {
  t = await buildTestApp();
  member = (await t.login()).user;
});
afterAll(() => t.close());

describe('the catch-up seam (fake sockets, real database)', () => {
  it('sends a post committed during the catch-up query once, and one committed after it from the buffer', async () => {
    const { threadId, postId: first } = await makeThread(t.db, member);
    const older = await makePost(t.db, member, threadId);
    const real = createLiveStore(t.db);
    let hub: LiveHub | null = null;
    const commit = async (body: string) => {
      const postId = await makePost(t.db, member, threadId, { body });
      await hub!.forumEvent({ type: 'post.created', threadId, postId, categoryId: 0 });
      return postId;
    };
    let during = 0;
    let afterQuery = 0;
    const store: LiveStore = {
      ...real,
      async postsAfter(...args) {
        // A reply commits (and its live event is handled) while the catch-up is on its way to the database…
        during = await commit('Geplaatst tijdens de inhaalquery');
        const rows = await real.postsAfter(...args);
        // …and another one right after the query returned, before the subscription went live.
        afterQuery = await commit('Geplaatst na de inhaalquery');
        return rows;
      },
    };
    hub = new LiveHub(store, t.app.log, async () => {});
    const socket = new FakeSocket();
    const connection = hub.accept(socket, member, 'sessie');
    socket.receive({ type: 'subscribe', threadId, after: first });
    await connection.settled();

    expect(socket.postIds()).toEqual([older, during, afterQuery]);
    expect(socket.sent.at(-1)).toEqual({ type: 'caughtUp', threadId, lastPostId: afterQuery });
    const live = await commit('Gewoon live');
    expect(socket.postIds()).toEqual([older, during, afterQuery, live]);
  });

  it('loads a post once per event, however many sockets watch the thread', async () => {
    const { threadId } = await makeThread(t.db, member);
    const real = createLiveStore(t.db);
    let loads = 0;
    const hub = new LiveHub({ ...real, loadPost: (id) => (loads++, real.loadPost(id)) }, t.app.log, async () => {});
    // Three members' tabs: one account may hold only LIMITS.connectionsPerUser connections.
    const readers = [member, (await t.login()).user, (await t.login()).user];
    const sockets = Array.from({ length: 25 }, () => new FakeSocket());
    for (const [i, socket] of sockets.entries()) {
      const connection = hub.accept(socket, readers[i % readers.length]!, 'sessie');
      socket.receive({ type: 'subscribe', threadId });
      await connection.settled();
    }
    const postId = await makePost(t.db, member, threadId);
    await hub.forumEvent({ type: 'post.created', threadId, postId, categoryId: 0 });
    expect(loads).toBe(1);
    for (const socket of sockets) expect(socket.postIds()).toEqual([postId]);
  });

  it('closes a socket whose unsent buffer passed the limit (4008), and only that one', async () => {
    const { threadId } = await makeThread(t.db, member);
    const hub = new LiveHub(createLiveStore(t.db), t.app.log, async () => {});
    const slow = new FakeSocket();
    const fine = new FakeSocket();
    for (const socket of [slow, fine]) {
      const connection = hub.accept(socket, member, 'sessie');
      socket.receive({ type: 'subscribe', threadId });
      await connection.settled();
    }
    slow.bufferedAmount = 2 * 1024 * 1024;
    const postId = await makePost(t.db, member, threadId);
    await hub.forumEvent({ type: 'post.created', threadId, postId, categoryId: 0 });
    expect(slow.closedWith?.code).toBe(4008);
    expect(fine.isOpen).toBe(true);
    expect(hub.connections.size).toBe(1);
  });

  it('tells every socket to resync after the event connection came back', async () => {
    const hub = new LiveHub(createLiveStore(t.db), t.app.log, async () => {});
    const socket = new FakeSocket();
    hub.accept(socket, member, 'sessie');
    hub.resync();
    expect(socket.sent.map((m) => m.type)).toEqual(['hello', 'resync']);
  });
});
