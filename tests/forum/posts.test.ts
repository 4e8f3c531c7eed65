import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category, Post, ThreadPage } from '../../shared/api/forum.js';
import { categories, postRevisions, posts, threads } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

let t: TestApp;
let author: TestClient;
let authorId: number;
let other: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  ({ client: author, user: { id: authorId } } = await t.login({ displayName: 'Auteur' }));
  ({ client: other } = await t.login({ displayName: 'Ander lid' }));
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string; field?: string } };

let threadNumber = 0;
/** Each opening post has its own text: the same text twice within five minutes is refused as a duplicate. */
async function newThread(category = 'algemeen') {
  const n = ++threadNumber;
  const res = await author.post<{ thread: { id: number }; post: Post }>('/api/threads', { categorySlug: category, title: `Een vraag over de ALV ${n}`, body: `Openingsbericht ${n}` });
  expect(res.status).toBe(201);
  return { threadId: res.body.thread.id, firstPostId: res.body.post.id };
}

describe('replying', () => {
  it('adds the reply, optionally to another post, and bumps the thread', async () => {
    const { threadId, firstPostId } = await newThread();
    const res = await other.post<{ post: Post }>(`/api/threads/${threadId}/posts`, { body: 'Goede vraag!', replyToPostId: firstPostId });
    expect(res.status).toBe(201);
    expect(res.body.post).toMatchObject({ threadId, replyToPostId: firstPostId, bodyHtml: '<p>Goede vraag!</p>', editedAt: null });
    const page = await other.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.body.thread.postCount).toBe(2);
    expect(page.body.thread.lastPostAt).toBe(res.body.post.createdAt);
    const list = (await other.get<{ categories: Category[] }>('/api/categories')).body.categories;
    expect(list.find((c) => c.slug === page.body.thread.categorySlug)!.lastPostAt).toBe(res.body.post.createdAt);
  });

  it('refuses a reply to a post in another thread, to a missing thread, and bad bodies', async () => {
    const a = await newThread();
    const b = await newThread();
    const before = await t.db.$count(posts);
    const wrongThread = await other.post<ErrorBody>(`/api/threads/${a.threadId}/posts`, { body: 'Hoi', replyToPostId: b.firstPostId });
    expect(wrongThread.status).toBe(400);
    expect(wrongThread.body.error.field).toBe('replyToPostId');
    expect((await other.post(`/api/threads/99999999/posts`, { body: 'Hoi' })).status).toBe(404);
    expect((await other.post<ErrorBody>(`/api/threads/${a.threadId}/posts`, { body: '' })).body.error.field).toBe('body');
    expect((await other.post<ErrorBody>(`/api/threads/${a.threadId}/posts`, { body: 'x', replyToPostId: 'een' })).status).toBe(400);
    expect(await t.db.$count(posts)).toBe(before);
  });

  it('refuses replies in a locked thread with thread_locked, except from moderators', async () => {
    const { threadId } = await newThread();
    await t.db.update(threads).set({ locked: true }).where(eq(threads.id, threadId));
    const res = await other.post<ErrorBody>(`/api/threads/${threadId}/posts`, { body: 'Nog één ding' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('thread_locked');
    const { client: moderator } = await t.login({ role: 'moderator' });
    expect((await moderator.post(`/api/threads/${threadId}/posts`, { body: 'Gesloten, zie het reglement.' })).status).toBe(201);
  });
});

describe('safe content', () => {
  it('never lets markup or script through, in any form', async () => {
    const { threadId } = await newThread();
    const evil = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[klik](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '[data](data:text/html;base64,PHNjcmlwdD4=)',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(1)>',
      '**vet** en een [goede link](https://example.nl)',
    ].join('\n\n');
    const res = await other.post<{ post: Post }>(`/api/threads/${threadId}/posts`, { body: evil });
    const html = res.body.post.bodyHtml;
    // Every real tag in the output is harmless: allowed names, and no attribute but a safe link's.
    for (const [, name, attributes] of html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)) {
      expect(['p', 'strong', 'a', 'br']).toContain(name);
      expect(attributes!.replace(/ (href="https:\/\/[^"]*"|rel="[^"]*"|target="_blank")/g, '')).toBe('');
    }
    expect(html).toContain('<strong>vet</strong>');
    expect(html).toContain('<a href="https://example.nl" rel="nofollow noopener noreferrer ugc" target="_blank">goede link</a>');
    // Members write text: what looked like HTML is shown as text, escaped.
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('editing', () => {
  it('lets the author edit, keeps the previous version, and marks the post edited', async () => {
    const { threadId, firstPostId } = await newThread();
    const res = await author.patch<{ post: Post }>(`/api/posts/${firstPostId}`, { body: 'Openingsbericht, aangevuld' });
    expect(res.status).toBe(200);
    expect(res.body.post.bodyHtml).toBe('<p>Openingsbericht, aangevuld</p>');
    const original = `Openingsbericht ${threadNumber}`;
    expect(res.body.post.editedAt).not.toBeNull();
    const revisions = await t.db.select().from(postRevisions).where(eq(postRevisions.postId, firstPostId));
    expect(revisions.map((r) => r.body)).toEqual([original]);
    const history = await author.get<{ revisions: { body: string; editedBy: { id: number } }[] }>(`/api/posts/${firstPostId}/revisions`);
    expect(history.body.revisions).toMatchObject([{ body: original, editedBy: { id: authorId } }]);
    expect((await other.get(`/api/posts/${firstPostId}/revisions`)).status).toBe(403);
    const page = await other.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.body.posts[0]!.body).toBeUndefined();
  });

  it("refuses someone else's post with 403 and changes nothing; a moderator may edit", async () => {
    const { firstPostId } = await newThread();
    const res = await other.patch<ErrorBody>(`/api/posts/${firstPostId}`, { body: 'Gekaapt' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('not_author');
    const [row] = await t.db.select().from(posts).where(eq(posts.id, firstPostId));
    expect(row!.body).toBe(`Openingsbericht ${threadNumber}`);
    const { client: moderator } = await t.login({ role: 'moderator' });
    expect((await moderator.patch(`/api/posts/${firstPostId}`, { body: 'Persoonsgegevens verwijderd door moderator' })).status).toBe(200);
  });

  it('answers 404 for a post that does not exist and 400 for an empty body', async () => {
    expect((await author.patch('/api/posts/99999999', { body: 'x' })).status).toBe(404);
    const { firstPostId } = await newThread();
    expect((await author.patch<ErrorBody>(`/api/posts/${firstPostId}`, { body: '' })).body.error.field).toBe('body');
  });
});

describe('deleting', () => {
  it('soft-deletes: members see a placeholder without text, counters go down, moderators still read it', async () => {
    const { threadId } = await newThread('campagne');
    const reply = await author.post<{ post: Post }>(`/api/threads/${threadId}/posts`, { body: 'Dit wil ik terugnemen' });
    expect((await author.delete(`/api/posts/${reply.body.post.id}`)).status).toBe(204);
    const page = await other.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.body.thread.postCount).toBe(1);
    const placeholder = page.body.posts.find((p) => p.id === reply.body.post.id)!;
    expect(placeholder).toMatchObject({ deleted: true, bodyHtml: '' });
    expect(JSON.stringify(page.body)).not.toContain('terugnemen');
    const { client: moderator } = await t.login({ role: 'moderator' });
    const modPage = await moderator.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(modPage.body.posts.find((p) => p.id === reply.body.post.id)!.bodyHtml).toContain('terugnemen');
    expect((await author.delete(`/api/posts/${reply.body.post.id}`)).status).toBe(404);
    expect((await author.patch(`/api/posts/${reply.body.post.id}`, { body: 'terug' })).status).toBe(404);
  });

  it('removes a thread from its category when its only post is deleted', async () => {
    const count = async () => (await other.get<{ categories: Category[] }>('/api/categories')).body.categories.find((c) => c.slug === 'fondsenwerving')!.threadCount;
    const before = await count();
    const { threadId, firstPostId } = await newThread('fondsenwerving');
    expect(await count()).toBe(before + 1);
    expect((await author.delete(`/api/posts/${firstPostId}`)).status).toBe(204);
    expect(await count()).toBe(before);
    expect((await other.get(`/api/threads/${threadId}`)).status).toBe(404);
  });

  it("refuses to delete someone else's post", async () => {
    const { firstPostId } = await newThread();
    const res = await other.delete<ErrorBody>(`/api/posts/${firstPostId}`);
    expect(res.status).toBe(403);
    const [row] = await t.db.select().from(posts).where(eq(posts.id, firstPostId));
    expect(row!.deletedAt).toBeNull();
  });
});

describe('counters', () => {
  it('stay equal to the visible rows through replies and deletes', async () => {
    const { user: writer } = await t.login();
    const { threadId } = await makeThread(t.db, writer, { category: 'verkiezingsprogramma' });
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push(await makePost(t.db, writer, threadId));
    const { client } = await t.login();
    await t.loginAs(writer).then((c) => c.delete(`/api/posts/${ids[1]}`));
    const [thread] = await t.db.select().from(threads).where(eq(threads.id, threadId));
    const visible = (await t.db.select().from(posts).where(eq(posts.threadId, threadId))).filter((p) => !p.deletedAt && !p.hiddenAt).length;
    expect(thread!.postCount).toBe(visible);
    expect(visible).toBe(4);
    const [category] = await t.db.select().from(categories).where(eq(categories.slug, 'verkiezingsprogramma'));
    expect(category!.threadCount).toBe(await t.db.$count(threads, eq(threads.categoryId, category!.id)));
    expect((await client.get<ThreadPage>(`/api/threads/${threadId}`)).body.thread.postCount).toBe(4);
  });
});
