import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookmarkAnswer, BookmarkList } from '../../shared/api/bookmarks.js';
import type { ThreadPage } from '../../shared/api/forum.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import { bookmarks, categories } from '../../server/db/schema.js';
import { makeCategory, makePost, makeThread } from '../../server/dev/factories.js';
import { hide } from '../../server/forum/post-hiding.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { rowCounts } from '../helpers/row-counts.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string; field?: string } };
const DAY = 24 * 3600 * 1000;

describe('bookmarks', () => {
  it('saves a post with a note, lists hers newest first, updates and removes it', async () => {
    const author = await t.login();
    const { threadId, postId } = await makeThread(t.db, author.user, { title: 'Subsidie voor de campagne' });
    const reply = await makePost(t.db, author.user, threadId, { body: 'De gemeente heeft een fonds voor **lokale** initiatieven.' });
    const reader = await t.login();
    const first = await reader.client.put<BookmarkAnswer>(`/api/posts/${postId}/bookmark`, { note: '  Voor de penningmeester ' });
    expect(first.status).toBe(200);
    expect(first.body.bookmark).toMatchObject({ postId, available: true, threadId, threadTitle: 'Subsidie voor de campagne', note: 'Voor de penningmeester', remindAt: null });
    await reader.client.put(`/api/posts/${reply}/bookmark`, {});
    const list = (await reader.client.get<BookmarkList>('/api/bookmarks')).body.bookmarks;
    expect(list.map((b) => b.postId)).toEqual([reply, postId]);
    expect(list[0]!.excerpt).toBe('De gemeente heeft een fonds voor lokale initiatieven.');
    expect((await reader.client.get<ThreadPage>(`/api/threads/${threadId}`)).body.posts.map((p) => p.bookmarked)).toEqual([true, true]);
    // Someone else sees none of it.
    expect((await author.client.get<BookmarkList>('/api/bookmarks')).body.bookmarks).toEqual([]);
    expect((await author.client.get<ThreadPage>(`/api/threads/${threadId}`)).body.posts.map((p) => p.bookmarked)).toEqual([false, false]);

    const changed = await reader.client.put<BookmarkAnswer>(`/api/posts/${postId}/bookmark`, { note: 'Gedaan' });
    expect(changed.body.bookmark.note).toBe('Gedaan');
    expect((await reader.client.delete(`/api/posts/${postId}/bookmark`)).status).toBe(204);
    expect((await reader.client.delete<ErrorBody>(`/api/posts/${postId}/bookmark`)).status).toBe(404);
    expect((await author.client.delete(`/api/posts/${reply}/bookmark`)).status).toBe(404);
    expect((await reader.client.get<BookmarkList>('/api/bookmarks')).body.bookmarks.map((b) => b.postId)).toEqual([reply]);
  });

  it('pages through them', async () => {
    const author = await t.login();
    const { threadId } = await makeThread(t.db, author.user);
    const reader = await t.login();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await makePost(t.db, author.user, threadId, { body: `Tip ${i}` });
      ids.push(id);
      await reader.client.put(`/api/posts/${id}/bookmark`, {});
    }
    const one = (await reader.client.get<BookmarkList>('/api/bookmarks?limit=3')).body;
    const two = (await reader.client.get<BookmarkList>(`/api/bookmarks?limit=3&cursor=${one.nextCursor}`)).body;
    expect([...one.bookmarks, ...two.bookmarks].map((b) => b.postId)).toEqual([...ids].reverse());
    expect(two.nextCursor).toBeNull();
  });

  it('reminds her once when the time comes, with her note', async () => {
    const author = await t.login();
    const { threadId, postId } = await makeThread(t.db, author.user, { title: 'Draaiboek verkiezingsavond' });
    const reader = await t.login();
    const at = new Date(Date.now() + 7 * DAY).toISOString();
    expect((await reader.client.put<BookmarkAnswer>(`/api/posts/${postId}/bookmark`, { note: 'Nalezen', remindAt: at })).body.bookmark.remindAt).toBe(at);
    await t.app.notifications.drain({ now: new Date(Date.now() + 6 * DAY) });
    expect((await reader.client.get<NotificationList>('/api/notifications')).body.notifications).toEqual([]);
    await t.app.notifications.drain({ now: new Date(Date.now() + 8 * DAY) });
    await t.app.notifications.drain({ now: new Date(Date.now() + 9 * DAY) });
    const list = (await reader.client.get<NotificationList>('/api/notifications')).body.notifications;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'bookmark_reminder', message: 'Herinnering: je bewaarde een bericht in „Draaiboek verkiezingsavond” („Nalezen”)', link: `/discussie/${threadId}#bericht-${postId}` });
    const delivered = (await reader.client.get<BookmarkList>('/api/bookmarks')).body.bookmarks[0]!;
    expect(delivered.remindedAt).not.toBeNull();
    // Only the note changed: a reminder left as it was is kept, delivered, even once its time has passed.
    const past = new Date(Date.now() - DAY);
    await t.db.update(bookmarks).set({ remindAt: past }).where(eq(bookmarks.postId, postId));
    const renamed = await reader.client.put<BookmarkAnswer>(`/api/posts/${postId}/bookmark`, { note: 'Nagelezen', remindAt: past.toISOString() });
    expect(renamed.status).toBe(200);
    expect(renamed.body.bookmark).toMatchObject({ note: 'Nagelezen', remindAt: past.toISOString(), remindedAt: delivered.remindedAt });
    expect((await reader.client.get<{ bookmark: { note: string } | null }>(`/api/posts/${postId}/bookmark`)).body.bookmark?.note).toBe('Nagelezen');
    expect((await author.client.get<{ bookmark: unknown }>(`/api/posts/${postId}/bookmark`)).body.bookmark).toBeNull();
  });

  it('shows a post she can no longer read as gone, without its text, and lets her remove it; its reminder shows nothing', async () => {
    const author = await t.login();
    const { threadId } = await makeThread(t.db, author.user, { title: 'Geheim overleg' });
    const reply = await makePost(t.db, author.user, threadId, { body: 'Vertrouwelijke tekst' });
    const reader = await t.login();
    await reader.client.put(`/api/posts/${reply}/bookmark`, { note: 'Mijn notitie', remindAt: new Date(Date.now() + DAY).toISOString() });
    await t.db.transaction((tx) => hide(tx, reply, 'controle'));
    const [gone] = (await reader.client.get<BookmarkList>('/api/bookmarks')).body.bookmarks;
    expect(gone).toMatchObject({ postId: reply, available: false, threadId: null, threadTitle: null, author: null, excerpt: null, note: 'Mijn notitie' });
    expect(JSON.stringify(gone)).not.toContain('Vertrouwelijke');
    await t.app.notifications.drain({ now: new Date(Date.now() + 2 * DAY) });
    expect((await reader.client.get<NotificationList>('/api/notifications')).body.notifications).toEqual([]);
    expect((await reader.client.put(`/api/posts/${reply}/bookmark`, { note: 'opnieuw' })).status).toBe(404);
    expect((await reader.client.delete(`/api/posts/${reply}/bookmark`)).status).toBe(204);
  });

  it('refuses posts she may not read, reminders in the past or too far ahead, and long notes, changing nothing', async () => {
    await makeCategory(t.db, { slug: 'raad-besloten', access: 'representatives' });
    const representative = await t.login({ representativeVerified: true });
    const { postId: closed } = await makeThread(t.db, representative.user, { category: 'raad-besloten' });
    const author = await t.login();
    const { postId } = await makeThread(t.db, author.user);
    const reader = await t.login();
    const before = await rowCounts(t.db);
    expect((await reader.client.put<ErrorBody>(`/api/posts/${closed}/bookmark`, {})).status).toBe(404);
    const past = await reader.client.put<ErrorBody>(`/api/posts/${postId}/bookmark`, { remindAt: new Date(Date.now() - DAY).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.error).toMatchObject({ code: 'invalid_reminder', field: 'remindAt' });
    expect((await reader.client.put<ErrorBody>(`/api/posts/${postId}/bookmark`, { remindAt: new Date(Date.now() + 400 * DAY).toISOString() })).status).toBe(400);
    expect((await reader.client.put<ErrorBody>(`/api/posts/${postId}/bookmark`, { remindAt: 'morgen' })).status).toBe(400);
    expect((await reader.client.put<ErrorBody>(`/api/posts/${postId}/bookmark`, { note: 'x'.repeat(501) })).status).toBe(400);
    expect(await rowCounts(t.db)).toEqual(before);
    // A category closed to her later: the bookmark stays hers, shown as gone.
    await reader.client.put(`/api/posts/${postId}/bookmark`, {});
    await t.db.update(categories).set({ access: 'moderators' }).where(eq(categories.slug, 'algemeen'));
    const [entry] = (await reader.client.get<BookmarkList>('/api/bookmarks')).body.bookmarks;
    await t.db.update(categories).set({ access: 'members' }).where(eq(categories.slug, 'algemeen'));
    expect(entry).toMatchObject({ available: false, threadTitle: null });
    expect(await t.db.$count(bookmarks)).toBeGreaterThan(0);
  });
});
