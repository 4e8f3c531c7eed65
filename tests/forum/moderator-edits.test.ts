import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogList } from '../../shared/api/moderation.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import { moderationActions, notifications, postRevisions } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/**
 * Finding 6 of the audit: a moderator's edit or delete of someone else's post through the member routes
 * (PATCH and DELETE /api/posts/:id) left no log row and no notification. Both now go on record in the same
 * transaction, the replaced text stays as a revision, and the author is told.
 */
let t: TestApp;
let mod: Awaited<ReturnType<TestApp['login']>>;
let author: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await buildTestApp();
  mod = await t.login({ role: 'moderator', displayName: 'Mo Moderator' });
  author = await t.login({ displayName: 'Schrijver' });
});
afterAll(() => t.close());

const logOf = (postId: number) => t.db.select().from(moderationActions).where(eq(moderationActions.targetPostId, postId));
const notesOf = (userId: number, postId: number) =>
  t.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .then((rows) => rows.filter((n) => (n.data as { postId?: number } | null)?.postId === postId));

describe('a moderator changing someone else’s post through the member routes', () => {
  it('an edit is logged with the revision that keeps the old text, and the author is told', async () => {
    const { threadId } = await makeThread(t.db, author.user, { title: 'Begroting 2027' });
    const postId = await makePost(t.db, author.user, threadId, { body: 'Bel me op 06-12345678' });
    const res = await mod.client.patch(`/api/posts/${postId}`, { body: 'Telefoonnummer verwijderd door moderator' });
    expect(res.status).toBe(200);

    const [entry, ...more] = await logOf(postId);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: 'edit_post', moderatorId: mod.user.id, targetUserId: author.user.id, targetPostId: postId, targetThreadId: threadId });
    const revisionId = (entry!.details as { revisionId: number }).revisionId;
    const [revision] = await t.db.select().from(postRevisions).where(eq(postRevisions.id, revisionId));
    expect(revision).toMatchObject({ postId, body: 'Bel me op 06-12345678', editedBy: mod.user.id });

    const log = await mod.client.get<LogList>(`/api/moderation/log?action=edit_post&userId=${author.user.id}`);
    expect(log.body.entries[0]).toMatchObject({ action: 'edit_post', moderator: { id: mod.user.id }, targetUser: { id: author.user.id }, targetPostId: postId });

    const list = await author.client.get<NotificationList>('/api/notifications');
    const note = list.body.notifications.find((n) => n.kind === 'post_edited');
    expect(note).toMatchObject({ link: `/discussie/${threadId}#bericht-${postId}` });
    expect(note!.message).toBe('Je bericht in „Begroting 2027” is bewerkt door een moderator. De vorige versie is bewaard.');
  });

  it('a delete is logged as delete_post and the author is told', async () => {
    const { threadId } = await makeThread(t.db, author.user, { title: 'Verkiezingsprogramma' });
    const postId = await makePost(t.db, author.user, threadId);
    expect((await mod.client.delete(`/api/posts/${postId}`)).status).toBe(204);

    expect(await logOf(postId)).toMatchObject([{ action: 'delete_post', moderatorId: mod.user.id, targetUserId: author.user.id, targetThreadId: threadId, reason: null }]);
    const notes = await notesOf(author.user.id, postId);
    expect(notes).toMatchObject([{ kind: 'post_deleted', data: { postId, threadId } }]);
    expect(notes[0]!.message).toBe('Je bericht in „Verkiezingsprogramma” is verwijderd door een moderator.');
    // A second delete changes nothing, so it adds no second record.
    expect((await mod.client.delete(`/api/posts/${postId}`)).status).toBe(404);
    expect(await logOf(postId)).toHaveLength(1);
  });

  it('a moderator changing their own post, or a member theirs, is no moderator act', async () => {
    const { threadId } = await makeThread(t.db, mod.user);
    const own = await makePost(t.db, mod.user, threadId);
    expect((await mod.client.patch(`/api/posts/${own}`, { body: 'Eigen tekst, verbeterd' })).status).toBe(200);
    expect((await mod.client.delete(`/api/posts/${own}`)).status).toBe(204);
    const members = await makePost(t.db, author.user, threadId);
    expect((await author.client.patch(`/api/posts/${members}`, { body: 'Typfout hersteld' })).status).toBe(200);
    expect((await author.client.delete(`/api/posts/${members}`)).status).toBe(204);
    expect([...(await logOf(own)), ...(await logOf(members))]).toEqual([]);
    expect([...(await notesOf(mod.user.id, own)), ...(await notesOf(author.user.id, members))]).toEqual([]);
  });

  it('an edit with the same text changes nothing and records nothing', async () => {
    const { threadId } = await makeThread(t.db, author.user);
    const postId = await makePost(t.db, author.user, threadId, { body: 'Ongewijzigd' });
    expect((await mod.client.patch(`/api/posts/${postId}`, { body: 'Ongewijzigd' })).status).toBe(200);
    expect(await logOf(postId)).toEqual([]);
    expect(await t.db.$count(postRevisions, eq(postRevisions.postId, postId))).toBe(0);
  });
});
