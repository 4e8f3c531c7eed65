import { describe, expect, it } from 'vitest';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { notifyNotificationsChanged, notifyUserEvent } from '../../server/live/notify.js';
import { connect, t, useListeningApp } from '../live/sockets.js';
import { uniqueName } from './fixtures.js';

useListeningApp();

describe('live notification events', () => {
  it('tells each receiver’s sockets once the worker committed, and nobody else', async () => {
    const starter = await t.login({ displayName: uniqueName('Starter') });
    const bystander = await t.login({ displayName: uniqueName('Omstander') });
    const writer = await t.login({ displayName: uniqueName('Schrijver') });
    const { threadId } = await makeThread(t.db, starter.user);
    const starterSocket = await connect(starter.client);
    const bystanderSocket = await connect(bystander.client);
    await starterSocket.next('hello');
    await bystanderSocket.next('hello');

    await makePost(t.db, writer.user, threadId);
    await t.app.notifications.drain();
    // The batched event carries no id: the client counts again.
    expect(await starterSocket.next('notification')).toEqual({ type: 'notification' });

    // Events reach sockets in commit order: a marker sent after the batch comes first only if the batch skipped her.
    await notifyUserEvent(t.db, { type: 'notification.created', userId: bystander.user.id, notificationId: 4242 });
    expect(await bystanderSocket.next('notification')).toEqual({ type: 'notification', notificationId: 4242 });
    starterSocket.close();
    bystanderSocket.close();
  });

  it('splits a batch for many members into NOTIFY payloads under PostgreSQL’s 8000-byte limit', async () => {
    const member = await t.login({ displayName: uniqueName('Lid') });
    const socket = await connect(member.client);
    await socket.next('hello');
    // 1,500 ids of up to ten digits would be over 16 kB in one payload; she is the last of them.
    const ids = [...Array.from({ length: 1499 }, (_, i) => 2_000_000_000 + i), member.user.id];
    await t.db.transaction((tx) => notifyNotificationsChanged(tx, ids));
    expect(await socket.next('notification')).toEqual({ type: 'notification' });
    socket.close();
  });
});
