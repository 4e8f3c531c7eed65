import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../shared/api/forum.js';
import { threads } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { connect, t, useListeningApp } from './sockets.js';

useListeningApp();

describe('live category lists', () => {
  it('updates a thread in the list when it gets a reply, with its new count and activity', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const { threadId } = await makeThread(t.db, anna.user, { category: 'ledenwerving' });
    const socket = await connect(anna.client);
    socket.send({ type: 'subscribeCategory', categorySlug: 'ledenwerving' });
    await socket.next('categorySubscribed');

    const res = await bram.client.post<{ post: Post }>(`/api/threads/${threadId}/posts`, { body: 'Wij werven op de braderie.' });
    expect(res.status).toBe(201);
    const updated = await socket.next('thread.updated');
    expect(updated.thread).toMatchObject({ id: threadId, categorySlug: 'ledenwerving', postCount: 2, lastPostAt: res.body.post.createdAt });
    socket.close();
  });

  it('tells a member nothing about replies in a thread they may not see', async () => {
    const moderator = await t.login({ role: 'moderator' });
    const member = await t.login();
    const hidden = await makeThread(t.db, moderator.user, { category: 'bestuur-en-organisatie' });
    await t.db.update(threads).set({ hiddenAt: new Date() }).where(eq(threads.id, hidden.threadId));
    const open = await makeThread(t.db, moderator.user, { category: 'bestuur-en-organisatie' });
    const socket = await connect(member.client);
    socket.send({ type: 'subscribeCategory', categorySlug: 'bestuur-en-organisatie' });
    await socket.next('categorySubscribed');

    await makePost(t.db, moderator.user, hidden.threadId, { body: 'Geheim antwoord' });
    await moderator.client.post(`/api/threads/${open.threadId}/posts`, { body: 'Een open antwoord.' });
    // Events arrive in commit order: had the hidden thread's update leaked, it would have come first.
    expect((await socket.next('thread.updated')).thread.id).toBe(open.threadId);
    expect(socket.messages.some((m) => 'thread' in m && m.thread.id === hidden.threadId)).toBe(false);
    socket.close();
  });
});
