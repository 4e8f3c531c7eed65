import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplyDraftAnswer, ThreadDraftAnswer } from '../../shared/api/drafts.js';
import { categories, drafts } from '../../server/db/schema.js';
import { makeCategory, makePost, makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { rowCounts } from '../helpers/row-counts.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string; field?: string } };

describe('drafts', () => {
  it('keeps one reply draft per member and thread, restores it, and deletes it when the reply is posted', async () => {
    const author = await t.login();
    const { threadId, postId } = await makeThread(t.db, author.user);
    const writer = await t.login();
    expect((await writer.client.get<ReplyDraftAnswer>(`/api/threads/${threadId}/draft`)).body.draft).toBeNull();
    await writer.client.put(`/api/threads/${threadId}/draft`, { body: 'Eerste versie' });
    const saved = await writer.client.put<ReplyDraftAnswer>(`/api/threads/${threadId}/draft`, { body: 'Tweede versie', replyToPostId: postId });
    expect(saved.body.draft).toMatchObject({ body: 'Tweede versie', replyToPostId: postId });
    expect((await writer.client.get<ReplyDraftAnswer>(`/api/threads/${threadId}/draft`)).body.draft).toMatchObject({ body: 'Tweede versie', replyToPostId: postId });
    expect(await t.db.$count(drafts, eq(drafts.userId, writer.user.id))).toBe(1);
    // Another member has her own (none).
    expect((await author.client.get<ReplyDraftAnswer>(`/api/threads/${threadId}/draft`)).body.draft).toBeNull();
    expect((await writer.client.post(`/api/threads/${threadId}/posts`, { body: 'Tweede versie' })).status).toBe(201);
    expect((await writer.client.get<ReplyDraftAnswer>(`/api/threads/${threadId}/draft`)).body.draft).toBeNull();
  });

  it('keeps a new thread’s draft with its category and title, deleted when the thread is posted or discarded', async () => {
    const writer = await t.login();
    await writer.client.put(`/api/drafts/new-thread`, { categorySlug: 'campagne', title: 'Debat op de markt', body: '' });
    expect((await writer.client.get<ThreadDraftAnswer>('/api/drafts/new-thread')).body.draft).toMatchObject({ categorySlug: 'campagne', title: 'Debat op de markt', body: '' });
    expect((await writer.client.post('/api/threads', { categorySlug: 'campagne', title: 'Debat op de markt', body: 'Wie organiseert er een?' })).status).toBe(201);
    expect((await writer.client.get<ThreadDraftAnswer>('/api/drafts/new-thread')).body.draft).toBeNull();
    await writer.client.put(`/api/drafts/new-thread`, { title: '', body: 'Losse gedachte' });
    expect((await writer.client.delete('/api/drafts/new-thread')).status).toBe(204);
    expect((await writer.client.get<ThreadDraftAnswer>('/api/drafts/new-thread')).body.draft).toBeNull();
  });

  it('refuses empty drafts, threads and categories she may not see, and too long text, changing nothing', async () => {
    await makeCategory(t.db, { slug: 'alleen-moderatoren', access: 'moderators' });
    const moderator = await t.login({ role: 'moderator' });
    const { threadId: closed } = await makeThread(t.db, moderator.user, { category: 'alleen-moderatoren' });
    const writer = await t.login();
    const { threadId } = await makeThread(t.db, writer.user);
    const before = await rowCounts(t.db);
    expect((await writer.client.put<ErrorBody>(`/api/threads/${closed}/draft`, { body: 'Hallo' })).status).toBe(404);
    expect((await writer.client.get<ErrorBody>(`/api/threads/${closed}/draft`)).status).toBe(404);
    expect((await writer.client.put<ErrorBody>(`/api/threads/${threadId}/draft`, { body: '   ' })).body.error).toMatchObject({ code: 'empty_draft', field: 'body' });
    expect((await writer.client.put<ErrorBody>(`/api/threads/${threadId}/draft`, { body: 'x'.repeat(50_001) })).status).toBe(400);
    expect((await writer.client.put<ErrorBody>('/api/drafts/new-thread', { categorySlug: 'alleen-moderatoren', title: 'Geheim', body: '' })).body.error.code).toBe('unknown_category');
    expect((await writer.client.put<ErrorBody>('/api/drafts/new-thread', { title: ' ', body: '' })).status).toBe(400);
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('drops a reply reference to another thread, and hides a category closed to her since', async () => {
    const writer = await t.login();
    const { threadId } = await makeThread(t.db, writer.user);
    const other = await makeThread(t.db, writer.user);
    const elsewhere = await makePost(t.db, writer.user, other.threadId);
    expect((await writer.client.put<ReplyDraftAnswer>(`/api/threads/${threadId}/draft`, { body: 'Tekst', replyToPostId: elsewhere })).body.draft?.replyToPostId).toBeNull();
    await makeCategory(t.db, { slug: 'later-dicht' });
    await writer.client.put('/api/drafts/new-thread', { categorySlug: 'later-dicht', title: 'Een titel', body: '' });
    await t.db.update(categories).set({ access: 'moderators' }).where(eq(categories.slug, 'later-dicht'));
    expect((await writer.client.get<ThreadDraftAnswer>('/api/drafts/new-thread')).body.draft).toMatchObject({ categorySlug: null, title: 'Een titel' });
  });
});
