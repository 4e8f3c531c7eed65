import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadList, ThreadPage } from '../../shared/api/forum.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import type { ReactionAnswer, ReactorList } from '../../shared/api/reactions.js';
import { categories, threads, users } from '../../server/db/schema.js';
import { makeCategory, makePost, makeThread } from '../../server/dev/factories.js';
import { hide, restore } from '../../server/forum/post-hiding.js';
import { deletePost } from '../../server/forum/writes.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { rowCounts } from '../helpers/row-counts.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string } };
let n = 0;

async function thread(category = 'campagne') {
  const i = ++n;
  const author = await t.login({ displayName: `Schrijver ${i}` });
  const { threadId, postId } = await makeThread(t.db, author.user, { category, title: `Flyeren in de regen ${i}` });
  return { author, threadId, postId };
}
const reactionCount = async (threadId: number) => (await t.db.select({ c: threads.reactionCount }).from(threads).where(eq(threads.id, threadId)))[0]!.c;

describe('reactions', () => {
  it('counts each kind once per member, undoably, shows who, and puts her own on the thread page', async () => {
    const { author, threadId, postId } = await thread();
    const anna = await t.login({ displayName: `Anna ${n}` });
    const bert = await t.login({ displayName: `Bert ${n}` });
    expect((await anna.client.put<ReactionAnswer>(`/api/posts/${postId}/reactions/thanks`)).body).toEqual({ reactions: { thanks: 1, useful: 0 }, myReactions: ['thanks'] });
    expect((await anna.client.put<ReactionAnswer>(`/api/posts/${postId}/reactions/thanks`)).body.reactions.thanks).toBe(1);
    await anna.client.put(`/api/posts/${postId}/reactions/useful`);
    expect((await bert.client.put<ReactionAnswer>(`/api/posts/${postId}/reactions/thanks`)).body).toEqual({ reactions: { thanks: 2, useful: 1 }, myReactions: ['thanks'] });
    const who = (await author.client.get<ReactorList>(`/api/posts/${postId}/reactions`)).body;
    expect(who.thanks.map((r) => r.displayName)).toEqual([anna.user.displayName, bert.user.displayName]);
    expect(who.useful.map((r) => r.displayName)).toEqual([anna.user.displayName]);

    const page = (await anna.client.get<ThreadPage>(`/api/threads/${threadId}`)).body;
    expect(page.posts[0]).toMatchObject({ reactions: { thanks: 2, useful: 1 }, myReactions: ['thanks', 'useful'], bookmarked: false });
    expect(page.thread.reactionCount).toBe(3);

    expect((await bert.client.delete<ReactionAnswer>(`/api/posts/${postId}/reactions/thanks`)).body).toEqual({ reactions: { thanks: 1, useful: 1 }, myReactions: [] });
    expect((await bert.client.delete<ReactionAnswer>(`/api/posts/${postId}/reactions/thanks`)).body.reactions.thanks).toBe(1);
    expect(await reactionCount(threadId)).toBe(2);

    // Only active members are named; a suspended member's reaction still counts.
    await t.db.update(users).set({ status: 'suspended' }).where(eq(users.id, anna.user.id));
    expect((await author.client.get<ReactorList>(`/api/posts/${postId}/reactions`)).body.thanks).toEqual([]);
  });

  it('tells the author, grouped per thread while unread, and never of her own', async () => {
    const { author, threadId, postId } = await thread();
    const reply = await makePost(t.db, author.user, threadId, { body: 'En nog een tip: neem poncho’s mee.' });
    const fans = [await t.login({ displayName: `Fan A ${n}` }), await t.login({ displayName: `Fan B ${n}` })];
    await fans[0]!.client.put(`/api/posts/${postId}/reactions/thanks`);
    await t.app.notifications.drain();
    let list = (await author.client.get<NotificationList>('/api/notifications')).body.notifications.filter((x) => x.kind === 'thanked');
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toBe(`${fans[0]!.user.displayName} waardeerde je bericht in „Flyeren in de regen ${n}”`);
    await fans[1]!.client.put(`/api/posts/${reply}/reactions/useful`);
    await t.app.notifications.drain();
    list = (await author.client.get<NotificationList>('/api/notifications')).body.notifications.filter((x) => x.kind === 'thanked');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ count: 2, message: `2 waarderingen voor je berichten in „Flyeren in de regen ${n}”` });
  });

  it('refuses her own post, hidden and deleted posts, archived categories and unknown kinds, changing nothing', async () => {
    const { author, threadId, postId } = await thread();
    const reader = await t.login();
    const hidden = await makePost(t.db, author.user, threadId, { body: 'Verborgen tip' });
    await t.db.transaction((tx) => hide(tx, hidden, 'controle'));
    const moderator = await t.login({ role: 'moderator' });
    const archive = `archief-${n}`;
    await makeCategory(t.db, { slug: archive });
    const archived = await thread(archive);
    await t.db.update(categories).set({ archivedAt: new Date() }).where(eq(categories.slug, archive));
    const before = await rowCounts(t.db);
    const expectError = async (res: Promise<{ status: number; body: unknown }>, status: number, code?: string) => {
      const r = await res;
      expect(r.status).toBe(status);
      if (code) expect((r.body as ErrorBody).error.code).toBe(code);
    };
    await expectError(author.client.put(`/api/posts/${postId}/reactions/thanks`), 403, 'own_post');
    await expectError(reader.client.put(`/api/posts/${hidden}/reactions/thanks`), 404, 'not_found');
    await expectError(moderator.client.put(`/api/posts/${hidden}/reactions/thanks`), 403, 'not_reactable');
    await expectError(reader.client.put(`/api/posts/${archived.postId}/reactions/thanks`), 409, 'category_archived');
    await expectError(reader.client.put(`/api/posts/${postId}/reactions/hartje`), 400);
    await expectError(reader.client.put(`/api/posts/99999999/reactions/thanks`), 404, 'not_found');
    await expectError(reader.client.get(`/api/posts/${hidden}/reactions`), 404, 'not_found');
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('never reveals a post in a category the asker may not enter', async () => {
    await makeCategory(t.db, { slug: `moderatie-${n}`, access: 'moderators' });
    const moderator = await t.login({ role: 'moderator' });
    const { postId } = await makeThread(t.db, moderator.user, { category: `moderatie-${n}` });
    const member = await t.login();
    expect((await member.client.put(`/api/posts/${postId}/reactions/thanks`)).status).toBe(404);
    expect((await member.client.get(`/api/posts/${postId}/reactions`)).status).toBe(404);
  });

  it('keeps the thread’s count right when a post is hidden, shown again or deleted, and sorts the list by it', async () => {
    const { author, threadId, postId } = await thread('ledenwerving');
    const reply = await makePost(t.db, author.user, threadId, { body: 'Vraag het op de markt.' });
    const fans = [await t.login(), await t.login()];
    for (const fan of fans) {
      await fan.client.put(`/api/posts/${postId}/reactions/thanks`);
      await fan.client.put(`/api/posts/${reply}/reactions/useful`);
    }
    expect(await reactionCount(threadId)).toBe(4);
    await t.db.transaction((tx) => hide(tx, reply, 'controle'));
    expect(await reactionCount(threadId)).toBe(2);
    // A reaction taken back while hidden changes the post, not the thread it is no longer counted in.
    await t.db.transaction((tx) => restore(tx, reply));
    expect(await reactionCount(threadId)).toBe(4);
    const [row] = await t.db.select({ categoryId: threads.categoryId }).from(threads).where(eq(threads.id, threadId));
    await deletePost(t.db, author.user, reply, threadId, row!.categoryId, true);
    expect(await reactionCount(threadId)).toBe(2);
    const hiddenPage = (await fans[0]!.client.get<ThreadPage>(`/api/threads/${threadId}`)).body.posts.find((p) => p.id === reply)!;
    expect(hiddenPage.reactions).toEqual({ thanks: 0, useful: 0 });

    const quiet = await thread('ledenwerving');
    const list = (await fans[0]!.client.get<ThreadList>('/api/categories/ledenwerving/threads?sort=reactions&limit=1')).body;
    expect(list.threads[0]!.id).toBe(threadId);
    const next = (await fans[0]!.client.get<ThreadList>(`/api/categories/ledenwerving/threads?sort=reactions&limit=1&cursor=${list.nextCursor}`)).body;
    expect(next.threads[0]!.id).toBe(quiet.threadId);
  });
});
