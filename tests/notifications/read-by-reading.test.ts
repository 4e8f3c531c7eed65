import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadPage } from '../../shared/api/forum.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { inbox, uniqueName } from './fixtures.js';

/**
 * Reading the posts a notification is about reads the notification: a member who reads the thread (from a list,
 * a mail or the live page) is not told again in the header about what she has just read. What she read is what
 * the client reports as seen on screen (POST /api/threads/:id/read), not the page it loaded.
 */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

const member = () => t.login({ displayName: uniqueName('Lid') });

describe('reading a thread marks its notifications read', () => {
  it('up to the post she saw, and only hers, only of that thread', async () => {
    const starter = await member();
    const writer = await member();
    const { threadId } = await makeThread(t.db, starter.user, { title: 'Campagnebudget verdelen' });
    const { threadId: otherThread } = await makeThread(t.db, starter.user, { title: 'Flyers laten drukken' });
    const reply = await makePost(t.db, writer.user, threadId);
    await makePost(t.db, writer.user, otherThread);
    await t.app.notifications.drain();
    expect((await inbox(starter.client)).unreadCount).toBe(2);
    const bystander = await member();

    // Someone else reading the thread changes nothing of hers.
    expect((await bystander.client.post(`/api/threads/${threadId}/read`, { postId: reply })).status).toBe(204);
    expect((await inbox(starter.client)).unreadCount).toBe(2);

    // Loading the page is not reading it.
    expect((await starter.client.get(`/api/threads/${threadId}`)).status).toBe(200);
    expect((await inbox(starter.client)).unreadCount).toBe(2);

    expect((await starter.client.post(`/api/threads/${threadId}/read`, { postId: reply })).status).toBe(204);
    const after = await inbox(starter.client);
    expect(after.unreadCount).toBe(1);
    expect(after.notifications.find((n) => n.link?.startsWith(`/discussie/${threadId}#`))?.readAt).not.toBeNull();
    expect(after.notifications.find((n) => n.link?.startsWith(`/discussie/${otherThread}#`))?.readAt).toBeNull();
  });

  it('having seen only the posts before the notified one leaves it unread', async () => {
    const starter = await member();
    const writer = await member();
    const { threadId } = await makeThread(t.db, starter.user, { title: 'Ledenwerving op de markt' });
    for (let i = 0; i < 3; i++) await makePost(t.db, starter.user, threadId);
    await makePost(t.db, writer.user, threadId);
    await t.app.notifications.drain();
    expect((await inbox(starter.client)).unreadCount).toBe(1);

    const page = await starter.client.get<ThreadPage>(`/api/threads/${threadId}?limit=2`);
    expect((await starter.client.post(`/api/threads/${threadId}/read`, { postId: page.body.posts[1]!.id })).status).toBe(204);
    expect((await inbox(starter.client)).unreadCount).toBe(1);
    const rest = await starter.client.get<ThreadPage>(`/api/threads/${threadId}?limit=10&cursor=${encodeURIComponent(page.body.nextCursor!)}`);
    expect((await starter.client.post(`/api/threads/${threadId}/read`, { postId: rest.body.posts.at(-1)!.id })).status).toBe(204);
    expect((await inbox(starter.client)).unreadCount).toBe(0);
  });
});
