import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationSummary } from '../../shared/api/notifications.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { inbox, link, seen, setMentions, uniqueName } from './fixtures.js';

/**
 * No notification shows a post its receiver may not see, now or later: one whose post or thread is hidden after it
 * was made is left out of the list and every count, and is back when moderation restores it; moderators, who see
 * hidden posts, keep theirs. The text is made when read, so it never carries what was hidden.
 */

let t: TestApp;
let moderator: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  moderator = await t.login({ role: 'moderator', displayName: uniqueName('Moderator') });
});
afterAll(() => t.close());

const drain = () => t.app.notifications.drain();
const member = () => t.login({ displayName: uniqueName('Lid') });
const hide = async (postId: number) => expect((await moderator.client.post(`/api/moderation/posts/${postId}/hide`, { reason: 'Ongepast' })).status).toBe(200);
const restore = async (postId: number) => expect((await moderator.client.post(`/api/moderation/posts/${postId}/restore`, {})).status).toBe(200);
const hideThread = async (threadId: number) => expect((await moderator.client.post(`/api/moderation/threads/${threadId}/hide`, { reason: 'Ongepast' })).status).toBe(200);
const restoreThread = async (threadId: number) => expect((await moderator.client.post(`/api/moderation/threads/${threadId}/restore`, {})).status).toBe(200);
const summary = async (client: Awaited<ReturnType<TestApp['login']>>['client']) => (await client.get<NotificationSummary>('/api/notifications/summary')).body;

describe('notifications follow what the receiver may see', () => {
  it('a reply hidden after she was notified: gone from her list and counts, back when restored', async () => {
    const starter = await member();
    const writer = await member();
    const { threadId } = await makeThread(t.db, starter.user, { title: 'Statuten aanpassen' });
    const reply = await makePost(t.db, writer.user, threadId);
    await drain();
    expect(await seen(starter.client, threadId)).toHaveLength(1);
    expect((await summary(starter.client)).unreadCount).toBe(1);

    await hide(reply);
    const hidden = await inbox(starter.client);
    expect(hidden.notifications).toEqual([]);
    expect(hidden.unreadCount).toBe(0);
    expect(await summary(starter.client)).toEqual({ unreadCount: 0, waiting: null });
    expect(JSON.stringify(hidden)).not.toContain('Statuten');

    await restore(reply);
    expect(await seen(starter.client, threadId)).toEqual([['thread_activity', `${writer.user.displayName} reageerde in „Statuten aanpassen”`, link(threadId, reply)]]);
    expect((await summary(starter.client)).unreadCount).toBe(1);
  });

  it('a hidden thread takes its notifications along, for members; moderators keep them', async () => {
    const writer = await member();
    const named = await member();
    const follower = await member();
    await follower.client.request('PUT', '/api/categories/fondsenwerving/watch', { level: 'watching' });
    const { threadId, postId } = await makeThread(t.db, writer.user, { category: 'fondsenwerving', title: 'Giften boven de drempel' });
    const reply = await makePost(t.db, writer.user, threadId);
    await setMentions(t, reply, [named.user.id, moderator.user.id]);
    await drain();
    expect(await seen(follower.client, threadId)).toEqual([['new_thread', 'Nieuwe discussie in Fondsenwerving: „Giften boven de drempel”', link(threadId, postId)]]);
    expect((await seen(named.client, threadId)).map(([kind]) => kind)).toEqual(['mention']);

    await hideThread(threadId);
    for (const who of [follower, named]) {
      const list = await inbox(who.client);
      expect(list.notifications.filter((n) => n.link?.startsWith(`/discussie/${threadId}#`))).toEqual([]);
      expect(JSON.stringify(list)).not.toContain('Giften');
    }
    expect((await inbox(named.client)).unreadCount).toBe(0);
    // The moderator sees what a member would not: her mention stays, with its text and link.
    expect(await seen(moderator.client, threadId)).toEqual([['mention', `${writer.user.displayName} noemde je in „Giften boven de drempel”`, link(threadId, reply)]]);

    await restoreThread(threadId);
    expect((await seen(named.client, threadId)).map(([kind]) => kind)).toEqual(['mention']);
  });

  it('a hidden opening post takes only its own notification along: those of the replies stay', async () => {
    const writer = await member();
    const follower = await member();
    const named = await member();
    await follower.client.request('PUT', '/api/categories/fondsenwerving/watch', { level: 'watching' });
    const { threadId, postId } = await makeThread(t.db, writer.user, { category: 'fondsenwerving', title: 'Crowdfunding voor de campagne' });
    const reply = await makePost(t.db, writer.user, threadId);
    await setMentions(t, reply, [named.user.id]);
    await drain();
    expect((await seen(follower.client, threadId)).map(([kind]) => kind)).toEqual(['new_thread']);
    expect((await summary(follower.client)).unreadCount).toBe(1);

    await hide(postId);
    // The follower heard of the opening post only, which she may no longer read: gone, with its count.
    expect(await seen(follower.client, threadId)).toEqual([]);
    expect((await summary(follower.client)).unreadCount).toBe(0);
    expect(JSON.stringify(await inbox(follower.client))).not.toContain('Crowdfunding');
    // The reply is still there to read, and so is her mention in it.
    expect(await seen(named.client, threadId)).toEqual([['mention', `${writer.user.displayName} noemde je in „Crowdfunding voor de campagne”`, link(threadId, reply)]]);
    expect((await summary(named.client)).unreadCount).toBe(1);

    await restore(postId);
    expect(await seen(follower.client, threadId)).toEqual([['new_thread', 'Nieuwe discussie in Fondsenwerving: „Crowdfunding voor de campagne”', link(threadId, postId)]]);
    expect((await summary(follower.client)).unreadCount).toBe(1);
  });

  it('a moderation decision keeps its text; it links to the post only while its receiver may read it', async () => {
    const author = await member();
    const { threadId } = await makeThread(t.db, author.user);
    const reply = await makePost(t.db, author.user, threadId);
    await hide(reply);
    // Its author still reads her hidden post, with the reason: the decision links to it.
    const afterHide = (await inbox(author.client)).notifications.find((n) => n.kind === 'post_hidden');
    expect(afterHide).toMatchObject({ link: link(threadId, reply) });
    expect(afterHide!.message).toContain('verborgen omdat: Ongepast');
    // A thread hidden as a whole she can no longer open: no link, to either decision.
    await hideThread(threadId);
    const list = (await inbox(author.client)).notifications;
    expect(list.find((n) => n.kind === 'post_hidden')).toMatchObject({ link: null });
    expect(list.find((n) => n.kind === 'thread_hidden')).toMatchObject({ link: null });
    await restoreThread(threadId);
    await restore(reply);
    const restored = (await inbox(author.client)).notifications.find((n) => n.kind === 'post_restored');
    expect(restored).toMatchObject({ link: link(threadId, reply) });
    expect((await inbox(author.client)).notifications.find((n) => n.kind === 'post_hidden')).toMatchObject({ link: link(threadId, reply) });
  });

  it('moderator signals are left out once she is no longer a moderator', async () => {
    const former = await t.login({ role: 'moderator', displayName: uniqueName('Oud-moderator') });
    const admin = await t.login({ role: 'admin', displayName: uniqueName('Beheerder') });
    const author = await member();
    const reporter = await member();
    const { postId } = await makeThread(t.db, author.user);
    expect((await reporter.client.post(`/api/posts/${postId}/reports`, { reason: 'spam' })).status).toBe(201);
    expect((await inbox(former.client)).notifications.map((n) => n.kind)).toContain('report_open');
    expect((await summary(former.client)).waiting).not.toBeNull();

    expect((await admin.client.post(`/api/admin/users/${former.user.id}/role`, { role: 'member' })).status).toBe(200);
    const list = await inbox(former.client); // her session reads her account afresh on every request
    expect(list.notifications.map((n) => n.kind)).not.toContain('report_open');
    expect(list.notifications.map((n) => n.kind)).toContain('role_changed');
    expect(await summary(former.client)).toEqual({ unreadCount: list.unreadCount, waiting: null });
  });
});
