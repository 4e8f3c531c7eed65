import { describe, expect, it } from 'vitest';
import type { Post } from '../../shared/api/forum.js';
import { createLiveClient, type LiveClient, type LiveStatus } from '../../shared/live/client.js';
import type { ServerMessage } from '../../shared/live/protocol.js';
import { makeThread } from '../../server/dev/factories.js';
import type { TestClient } from '../helpers/client.js';
import { connect, origin, t, url, useListeningApp, webSocketImpl } from './sockets.js';

useListeningApp();

/** The shared client, with its events in a list and a way to wait for one. */
function liveAs(client: TestClient) {
  const events: ServerMessage[] = [];
  const statuses: LiveStatus[] = [];
  let wake: (() => void)[] = [];
  const changed = () => {
    for (const w of wake) w();
    wake = [];
  };
  const live: LiveClient = createLiveClient({
    url,
    WebSocketImpl: webSocketImpl(client, origin),
    onEvent: (message) => {
      events.push(message);
      changed();
    },
    onStatus: (status) => {
      statuses.push(status);
      changed();
    },
  });
  const until = async (test: () => boolean) => {
    while (!test()) await new Promise<void>((resolve) => wake.push(resolve));
  };
  return { live, events, statuses, until };
}

describe('shared/live/client.ts', () => {
  it('subscribes once open, throttles typing, and stops after unsubscribe', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const { threadId } = await makeThread(t.db, anna.user);
    const a = liveAs(anna.client);
    // Asked before the socket is open: sent as soon as it is.
    a.live.subscribeThread(threadId);
    await a.until(() => a.events.some((m) => m.type === 'caughtUp'));
    expect(a.statuses).toEqual(['connecting', 'open']);

    const bramSocket = await connect(bram.client);
    await bramSocket.subscribe(threadId);
    a.live.typing(threadId);
    a.live.typing(threadId); // within 3 s: not sent
    await bramSocket.next('typing');
    const res = await bram.client.post<{ post: Post }>(`/api/threads/${threadId}/posts`, { body: 'Na het typen' });
    await bramSocket.next('post.created');
    expect(bramSocket.messages.filter((m) => m.type === 'typing')).toHaveLength(1);
    await a.until(() => a.events.some((m) => m.type === 'post.created' && m.post.id === res.body.post.id));

    a.live.unsubscribeThread(threadId);
    a.live.subscribeCategory('campagne');
    await a.until(() => a.events.some((m) => m.type === 'categorySubscribed'));
    const first = await bram.client.post<{ thread: { id: number } }>('/api/threads', { categorySlug: 'campagne', title: 'Eerste na afmelden', body: 'Een' });
    await a.until(() => a.events.some((m) => m.type === 'thread.created' && m.thread.id === first.body.thread.id));
    await bram.client.post(`/api/threads/${threadId}/posts`, { body: 'Niet meer gevolgd' });
    const barrier = await bram.client.post<{ thread: { id: number } }>('/api/threads', { categorySlug: 'campagne', title: 'Tweede na afmelden', body: 'Twee' });
    // Events arrive in commit order: a leaked reply would have come before this thread.
    await a.until(() => a.events.some((m) => m.type === 'thread.created' && m.thread.id === barrier.body.thread.id));
    expect(a.events.filter((m) => m.type === 'post.created')).toHaveLength(1);
    a.live.close();
    expect(a.statuses.at(-1)).toBe('closed');
    bramSocket.close();
  });

  it('gives up, without retrying, when the server refuses the account', async () => {
    const { client } = await t.login({ status: 'suspended' });
    const c = liveAs(client);
    await c.until(() => c.statuses.includes('closed'));
    expect(c.statuses).toEqual(['connecting', 'closed']); // never 'open': that waits for the server's hello
  });

  it('stops, without retrying, when newer connections of the same account replaced it', async () => {
    const { client } = await t.login();
    const c = liveAs(client);
    await c.until(() => c.statuses.includes('open'));
    const newer = [];
    for (let i = 0; i < 10; i++) {
      const socket = await connect(client);
      await socket.next('hello');
      newer.push(socket);
    }
    await c.until(() => c.statuses.includes('replaced'));
    // A client about to retry says 'reconnecting' in the same close handler; 'replaced' is final.
    expect(c.statuses).toEqual(['connecting', 'open', 'replaced']);
    for (const socket of newer) socket.close();
  });

  it('reports not_found for a thread the member may not see, and forgets it', async () => {
    const { client } = await t.login();
    const c = liveAs(client);
    c.live.subscribeThread(999_999, 3);
    await c.until(() => c.events.some((m) => m.type === 'error'));
    expect(c.events.find((m) => m.type === 'error')).toMatchObject({ code: 'not_found', threadId: 999_999 });
    c.live.close();
  });
});
