import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../shared/api/forum.js';
import { posts, threads } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { publish } from '../../server/events/publish.js';
import { hide } from '../../server/forum/post-hiding.js';
import { notifyUserEvent } from '../../server/live/notify.js';
import type { TestClient } from '../helpers/client.js';
import { connect, t, useListeningApp } from './sockets.js';

useListeningApp();

let n = 0;
const reply = (client: TestClient, threadId: number) =>
  client.post<{ post: Post }>(`/api/threads/${threadId}/posts`, { body: `Live antwoord nummer ${++n}` }).then((res) => {
    expect(res.status).toBe(201);
    return res.body.post;
  });

describe('live delivery', () => {
  it('delivers a reply posted over HTTP to the other member on the thread, rendered for each', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const { threadId } = await makeThread(t.db, anna.user);
    const annaSocket = await connect(anna.client);
    const bramSocket = await connect(bram.client);
    expect((await annaSocket.next('hello')).protocolVersion).toBe(1);
    await annaSocket.subscribe(threadId);
    await bramSocket.subscribe(threadId);

    const posted = await reply(bram.client, threadId);
    const seenByAnna = await annaSocket.next('post.created');
    expect(seenByAnna.post.id).toBe(posted.id);
    expect(seenByAnna.post.bodyHtml).toContain(`Live antwoord nummer ${n}`);
    expect(seenByAnna.post.body).toBeUndefined(); // the Markdown only for its author
    const seenByBram = await bramSocket.next('post.created');
    expect(seenByBram.post.body).toBe(`Live antwoord nummer ${n}`);
    annaSocket.close();
    bramSocket.close();
  });

  it('gives a member nothing but not_found for a thread they may not see', async () => {
    const moderator = await t.login({ role: 'moderator' });
    const member = await t.login();
    const hidden = await makeThread(t.db, moderator.user);
    await t.db.update(threads).set({ hiddenAt: new Date() }).where(eq(threads.id, hidden.threadId));
    const open = await makeThread(t.db, moderator.user);
    const socket = await connect(member.client);

    const answer = await socket.subscribe(hidden.threadId);
    expect(answer.catchUp).toEqual([]);
    expect(answer.end).toMatchObject({ type: 'error', code: 'not_found', threadId: hidden.threadId });
    await socket.subscribe(open.threadId);
    await makePost(t.db, moderator.user, hidden.threadId, { body: 'Geheim antwoord' });
    const barrier = await reply(moderator.client, open.threadId);
    // Events are delivered in commit order: had the hidden reply leaked, it would have come before this one.
    expect((await socket.next('post.created')).post.id).toBe(barrier.id);
    expect(JSON.stringify(socket.messages)).not.toContain('Geheim');
    socket.close();
  });

  it('turns a hidden post into a placeholder for members (its author and moderators still read it, marked hidden), a deleted one too', async () => {
    const moderator = await t.login({ role: 'moderator' });
    const author = await t.login();
    const member = await t.login();
    const { threadId } = await makeThread(t.db, author.user);
    const postId = await makePost(t.db, author.user, threadId, { body: 'Wordt verborgen' });
    const authorSocket = await connect(author.client);
    const memberSocket = await connect(member.client);
    const moderatorSocket = await connect(moderator.client);
    for (const socket of [authorSocket, memberSocket, moderatorSocket]) await socket.subscribe(threadId);

    await t.db.transaction((tx) => hide(tx, postId, 'Persoonlijke aanval'));
    expect((await memberSocket.next('post.updated')).post).toMatchObject({ id: postId, hidden: true, bodyHtml: '' });
    expect(JSON.stringify(memberSocket.messages)).not.toContain('Wordt verborgen');
    expect(JSON.stringify(memberSocket.messages)).not.toContain('Persoonlijke aanval');
    expect((await authorSocket.next('post.updated')).post).toMatchObject({ id: postId, hidden: true, hiddenReason: 'Persoonlijke aanval', body: 'Wordt verborgen' });
    expect((await moderatorSocket.next('post.updated')).post).toMatchObject({ id: postId, hidden: true, hiddenReason: 'Persoonlijke aanval', body: 'Wordt verborgen' });

    const other = await reply(author.client, threadId);
    expect((await author.client.delete(`/api/posts/${other.id}`)).status).toBe(204);
    // A deleted post stays in the thread as a placeholder without text, as the thread page shows it after a reload.
    const placeholder = (await memberSocket.next('post.updated', (m) => m.post.id === other.id)).post;
    expect(placeholder).toMatchObject({ id: other.id, deleted: true, bodyHtml: '' });
    expect(placeholder.body).toBeUndefined();
    expect((await moderatorSocket.next('post.updated', (m) => m.post.id === other.id)).post).toMatchObject({ deleted: true, bodyHtml: other.bodyHtml });
    for (const socket of [authorSocket, memberSocket, moderatorSocket]) socket.close();
  });

  it('removes a thread from a member when it is hidden, and ends the subscription', async () => {
    const member = await t.login();
    const { threadId, postId } = await makeThread(t.db, member.user);
    const socket = await connect(member.client);
    await socket.subscribe(threadId);
    await t.db.transaction(async (tx) => {
      await tx.update(threads).set({ hiddenAt: sql`now()` }).where(eq(threads.id, threadId));
      await publish(tx, { type: 'thread.updated', threadId, categoryId: 1, changed: ['hidden'] });
    });
    expect(await socket.next('thread.removed')).toEqual({ type: 'thread.removed', threadId });
    await t.db.transaction((tx) => publish(tx, { type: 'post.updated', threadId, postId, categoryId: 1 }));
    await socket.roundTrip();
    expect(socket.messages.filter((m) => m.type === 'post.updated')).toEqual([]);
    socket.close();
  });

  it('catches up with every post after `after`, in order (a hidden one as a placeholder), then says caughtUp', async () => {
    const author = await t.login();
    const member = await t.login();
    const { threadId, postId: first } = await makeThread(t.db, author.user);
    const ids = [first];
    for (let i = 0; i < 5; i++) ids.push(await makePost(t.db, author.user, threadId, { body: `Bericht nummer ${i}` }));
    await t.db.update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, ids[3]!));
    const socket = await connect(member.client);
    const { catchUp, end } = await socket.subscribe(threadId, ids[1]);
    expect(catchUp.map((m) => m.type === 'post.created' && m.post.id)).toEqual([ids[2], ids[3], ids[4], ids[5]]);
    expect(catchUp[1]).toMatchObject({ post: { hidden: true, bodyHtml: '' } });
    expect(end).toEqual({ type: 'caughtUp', threadId, lastPostId: ids[5] });
    socket.close();
  });

  it('announces new threads to those watching the category', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const socket = await connect(anna.client);
    socket.send({ type: 'subscribeCategory', categorySlug: 'campagne' });
    await socket.next('categorySubscribed');
    const res = await bram.client.post<{ thread: { id: number } }>('/api/threads', { categorySlug: 'campagne', title: 'Flyeren in de regen', body: 'Tips?' });
    expect(res.status).toBe(201);
    const created = await socket.next('thread.created');
    expect(created.thread).toMatchObject({ id: res.body.thread.id, categorySlug: 'campagne', title: 'Flyeren in de regen' });

    socket.send({ type: 'subscribeCategory', categorySlug: 'bestaat-niet' });
    expect(await socket.next('error')).toMatchObject({ code: 'not_found', categorySlug: 'bestaat-niet' });
    socket.close();
  });

  it('passes typing on to the others on the thread, not back to the one typing', async () => {
    const anna = await t.login({ displayName: 'Anna Typist' });
    const bram = await t.login();
    const { threadId } = await makeThread(t.db, anna.user);
    const annaSocket = await connect(anna.client);
    const bramSocket = await connect(bram.client);
    await annaSocket.subscribe(threadId);
    await bramSocket.subscribe(threadId);
    annaSocket.send({ type: 'typing', threadId });
    expect(await bramSocket.next('typing')).toEqual({ type: 'typing', threadId, user: { id: anna.user.id, displayName: 'Anna Typist' } });
    const barrier = await reply(bram.client, threadId);
    expect((await annaSocket.next('post.created')).post.id).toBe(barrier.id);
    expect(annaSocket.messages.some((m) => m.type === 'typing')).toBe(false);

    bramSocket.send({ type: 'typing', threadId: threadId + 1000 });
    expect(await bramSocket.next('error')).toMatchObject({ code: 'not_subscribed' });
    annaSocket.close();
    bramSocket.close();
  });

  it('tells a member about a new notification', async () => {
    const member = await t.login();
    const socket = await connect(member.client);
    await socket.next('hello');
    await notifyUserEvent(t.db, { type: 'notification.created', userId: member.user.id, notificationId: 77 });
    expect(await socket.next('notification')).toEqual({ type: 'notification', notificationId: 77 });
    socket.close();
  });
});
