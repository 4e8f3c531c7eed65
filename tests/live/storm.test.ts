import type WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../shared/api/forum.js';
import { createLiveClient, type LiveStatus } from '../../shared/live/client.js';
import type { ServerMessage } from '../../shared/live/protocol.js';
import { makeThread } from '../../server/dev/factories.js';
import { origin, t, url, useListeningApp, webSocketImpl } from './sockets.js';

useListeningApp();

/** A tiny seeded generator, so a failing storm can be replayed with the seed it printed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('reconnect storm', () => {
  it('ends with exactly the 200 replies, in order, however often the connection drops', async () => {
    const seed = Number(process.env.STORM_SEED ?? Date.now() % 100_000);
    const next = random(seed);
    const writer = await t.login();
    const reader = await t.login();
    const { threadId, postId: first } = await makeThread(t.db, writer.user);

    const sockets: WebSocket[] = [];
    const received: number[] = [];
    const statuses: LiveStatus[] = [];
    let target = 0;
    let finish: () => void = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let ready: () => void = () => {};
    const subscribed = new Promise<void>((resolve) => (ready = resolve));
    const live = createLiveClient({
      url,
      WebSocketImpl: webSocketImpl(reader.client, origin, sockets as never),
      onStatus: (status) => statuses.push(status),
      onEvent(message: ServerMessage) {
        if (message.type === 'caughtUp') ready();
        if (message.type !== 'post.created' || message.post.threadId !== threadId) return;
        received.push(message.post.id);
        if (message.post.id === target) finish();
      },
    });
    live.subscribeThread(threadId, first);
    await subscribed;

    const posted: number[] = [];
    let drops = 0;
    for (let i = 0; i < 200; i++) {
      const res = await writer.client.post<{ post: Post }>(`/api/threads/${threadId}/posts`, { body: `Storm ${i}` });
      expect(res.status).toBe(201);
      posted.push(res.body.post.id);
      // Drop the connection at random moments: mid-stream, mid-catch-up, or while still reconnecting.
      if (next() < 0.06) {
        sockets.at(-1)?.terminate();
        drops++;
      }
    }
    target = posted.at(-1)!;
    if (received.includes(target)) finish();
    await finished;
    live.close();

    console.info(`reconnect storm (seed ${seed}): ${drops} drops, ${sockets.length} connections`);
    expect(drops).toBeGreaterThan(0);
    expect(received).toEqual(posted);
    expect(statuses).toContain('reconnecting');
    expect(statuses.at(-1)).toBe('closed');
  }, 120_000); // 200 HTTP replies on a shared 2-core machine; correctness, not speed, is asserted
});
