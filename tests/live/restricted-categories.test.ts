import { describe, expect, it } from 'vitest';
import type { AdminCategoryList } from '../../shared/api/categories.js';
import { makeCategory, makePost, makeThread } from '../../server/dev/factories.js';
import { connect, t, useListeningApp } from './sockets.js';

useListeningApp();

/** A restricted category's threads reach nobody live who may not enter it, also when it is restricted while they watch. */
describe('live and restricted categories', () => {
  it('refuses a member a thread or category she may not enter; a verified volksvertegenwoordiger gets them', async () => {
    await makeCategory(t.db, { slug: 'live-raad', access: 'representatives' });
    const member = await t.login();
    const representative = await t.login({ representativeVerified: true });
    const { threadId } = await makeThread(t.db, representative.user, { category: 'live-raad' });

    const outside = await connect(member.client);
    expect((await outside.subscribe(threadId)).end).toMatchObject({ type: 'error', code: 'not_found', threadId });
    outside.send({ type: 'subscribeCategory', categorySlug: 'live-raad' });
    expect(await outside.nextOf(['categorySubscribed', 'error'])).toMatchObject({ type: 'error', code: 'not_found', categorySlug: 'live-raad' });

    const inside = await connect(representative.client);
    expect((await inside.subscribe(threadId)).end).toMatchObject({ type: 'caughtUp', threadId });
    inside.send({ type: 'subscribeCategory', categorySlug: 'live-raad' });
    await inside.next('categorySubscribed');
    // A thread she does see, as a marker: events arrive in commit order, so a leak would come before it.
    const marker = await makeThread(t.db, member.user, { category: 'algemeen' });
    expect((await outside.subscribe(marker.threadId)).end).toMatchObject({ type: 'caughtUp' });
    const reply = await makePost(t.db, representative.user, threadId, { body: 'Alleen voor ons.' });
    expect((await inside.next('post.created')).post.id).toBe(reply);
    const open = await makePost(t.db, representative.user, marker.threadId);
    expect((await outside.next('post.created')).post.id).toBe(open);
    expect(outside.messages.some((m) => (m.type === 'post.created' && m.post.threadId === threadId) || (m.type === 'thread.updated' && m.thread.id === threadId))).toBe(false);
    outside.close();
    inside.close();
  });

  it('ends a member’s subscriptions when an admin restricts the category she is reading', async () => {
    const { client: admin } = await t.login({ role: 'admin' });
    const made = await admin.post<AdminCategoryList>('/api/admin/categories', { name: 'Live later dicht', description: '', color: 'grijs', icon: null, access: 'members' });
    const category = made.body.categories.find((c) => c.slug === 'live-later-dicht')!;
    const member = await t.login();
    const { threadId } = await makeThread(t.db, member.user, { category: 'live-later-dicht' });
    const marker = await makeThread(t.db, member.user, { category: 'algemeen' });
    const socket = await connect(member.client);
    expect((await socket.subscribe(threadId)).end).toMatchObject({ type: 'caughtUp' });
    expect((await socket.subscribe(marker.threadId)).end).toMatchObject({ type: 'caughtUp' });
    socket.send({ type: 'subscribeCategory', categorySlug: 'live-later-dicht' });
    await socket.next('categorySubscribed');

    expect((await admin.patch(`/api/admin/categories/${category.id}`, { access: 'moderators' })).status).toBe(200);
    expect(await socket.next('thread.removed')).toMatchObject({ threadId });
    expect(await socket.next('error')).toMatchObject({ code: 'not_found', categorySlug: 'live-later-dicht' });
    // Posts in it no longer reach her.
    const moderator = await t.login({ role: 'moderator' });
    await makePost(t.db, moderator.user, threadId, { body: 'Nu alleen voor moderatoren.' });
    const open = await makePost(t.db, moderator.user, marker.threadId);
    expect((await socket.next('post.created')).post.id).toBe(open);
    expect(socket.messages.some((m) => m.type === 'post.created' && m.post.threadId === threadId)).toBe(false);
    socket.close();
  });

  it('ends a volksvertegenwoordiger’s subscription to a category kept for them when her verification is taken back', async () => {
    await makeCategory(t.db, { slug: 'live-verificatie', access: 'representatives' });
    const moderator = await t.login({ role: 'moderator' });
    const representative = await t.login({ representativeVerified: true });
    const { threadId } = await makeThread(t.db, representative.user, { category: 'live-verificatie' });
    const socket = await connect(representative.client);
    expect((await socket.subscribe(threadId)).end).toMatchObject({ type: 'caughtUp' });

    const res = await moderator.client.post(`/api/admin/users/${representative.user.id}/representative`, { verified: false });
    expect(res.status).toBe(200);
    expect(await socket.next('thread.removed')).toMatchObject({ threadId });
    socket.close();
  });
});
