import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category, ThreadList, ThreadPage } from '../../shared/api/forum.js';
import type { Thread } from '../../shared/api/forum.js';
import { moderationActions, notifications, threads } from '../../server/db/schema.js';
import { makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

type ErrorBody = { error: { code: string; field?: string } };

let t: TestApp;
let mod: TestClient;
let modId: number;
let member: TestClient;
let author: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await buildTestApp();
  ({ client: mod, user: { id: modId } } = await t.login({ role: 'moderator' }));
  ({ client: member } = await t.login());
  author = await t.login({ displayName: 'Auteur' });
});
afterAll(() => t.close());

const categoryCount = async (slug: string) =>
  (await member.get<{ categories: Category[] }>('/api/categories')).body.categories.find((c) => c.slug === slug)!.threadCount;


const threadLog = async (threadId: number) =>
  (await t.db.select().from(moderationActions).where(eq(moderationActions.targetThreadId, threadId)).orderBy(moderationActions.id)).map((a) => a.action);

describe('thread moderation', () => {
  const patch = (id: number, body: unknown) => mod.patch<{ thread: Thread } & ErrorBody>(`/api/moderation/threads/${id}`, body);

  it('locks a thread (members get thread_locked) and unlocks it', async () => {
    const { threadId } = await makeThread(t.db, author.user);
    const res = await patch(threadId, { locked: true, reason: 'Discussie ontspoort' });
    expect(res.status).toBe(200);
    expect(res.body.thread.locked).toBe(true);
    const reply = await member.post<ErrorBody>(`/api/threads/${threadId}/posts`, { body: 'Nog iets' });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('thread_locked');
    expect((await patch(threadId, { locked: false })).body.thread.locked).toBe(false);
    expect((await member.post(`/api/threads/${threadId}/posts`, { body: 'Nu wel' })).status).toBe(201);
    expect(await threadLog(threadId)).toEqual(['lock_thread', 'unlock_thread']);
    // Its starter read why; reopening takes nothing away and tells nothing.
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, author.user.id));
    expect(told.filter((n) => n.data && (n.data as { threadId?: number }).threadId === threadId).map((n) => [n.kind, n.message])).toEqual([
      ['thread_locked', expect.stringContaining('is gesloten: er kan niet meer op gereageerd worden. Reden: Discussie ontspoort')],
    ]);
  });

  it('closes or moves a thread only with a reason its starter reads', async () => {
    const { threadId } = await makeThread(t.db, author.user, { category: 'algemeen', title: 'Een discussie om te verplaatsen' });
    for (const body of [{ locked: true }, { categorySlug: 'campagne' }, { locked: true, reason: '   ' }]) {
      const res = await patch(threadId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe('reason');
    }
    expect(await threadLog(threadId)).toEqual([]);
    expect((await patch(threadId, { categorySlug: 'campagne', reason: 'Gaat over de campagne' })).status).toBe(200);
    const [moved] = await t.db.select().from(notifications).where(and(eq(notifications.userId, author.user.id), eq(notifications.kind, 'thread_moved')));
    expect(moved?.message).toBe('Je discussie „Een discussie om te verplaatsen” is verplaatst naar Campagne. Reden: Gaat over de campagne');
  });

  it('pins a thread to the top of its category and unpins it', async () => {
    const { threadId } = await makeThread(t.db, author.user, { category: 'ledenwerving' });
    await makeThread(t.db, author.user, { category: 'ledenwerving' });
    await patch(threadId, { pinned: true });
    let list = await member.get<ThreadList>('/api/categories/ledenwerving/threads');
    expect(list.body.threads[0]).toMatchObject({ id: threadId, pinned: true });
    await patch(threadId, { pinned: false });
    list = await member.get<ThreadList>('/api/categories/ledenwerving/threads');
    expect(list.body.threads[0]!.id).not.toBe(threadId);
    expect(await threadLog(threadId)).toEqual(['pin_thread', 'unpin_thread']);
  });

  it('moves a thread: both categories count it right and the thread lists follow', async () => {
    const { threadId } = await makeThread(t.db, author.user, { category: 'algemeen' });
    const from = await categoryCount('algemeen');
    const to = await categoryCount('fondsenwerving');
    const res = await patch(threadId, { categorySlug: 'fondsenwerving', reason: 'Gaat over geld inzamelen' });
    expect(res.body.thread.categorySlug).toBe('fondsenwerving');
    expect(await categoryCount('algemeen')).toBe(from - 1);
    expect(await categoryCount('fondsenwerving')).toBe(to + 1);
    const list = await member.get<ThreadList>('/api/categories/fondsenwerving/threads');
    expect(list.body.threads.map((th) => th.id)).toContain(threadId);
    // The moved thread is the newest: its activity is now the new category's, no longer the old one's.
    const activity = async (slug: string) =>
      (await member.get<{ categories: Category[] }>('/api/categories')).body.categories.find((c) => c.slug === slug)!.lastPostAt;
    expect(await activity('fondsenwerving')).toBe(res.body.thread.lastPostAt);
    expect(await activity('algemeen')).not.toBe(res.body.thread.lastPostAt);
    const [entry] = await t.db.select().from(moderationActions).where(eq(moderationActions.targetThreadId, threadId));
    expect(entry).toMatchObject({ action: 'move_thread', details: { from: 'algemeen', to: 'fondsenwerving' } });
  });

  it('renames a thread, writing one log row per changed field and none for unchanged ones', async () => {
    const { threadId } = await makeThread(t.db, author.user);
    const res = await patch(threadId, { title: '  Een betere titel  ', locked: false, pinned: true });
    expect(res.body.thread.title).toBe('Een betere titel');
    expect((await member.get<ThreadPage>(`/api/threads/${threadId}`)).body.thread.title).toBe('Een betere titel');
    const rows = await t.db.select().from(moderationActions).where(eq(moderationActions.targetThreadId, threadId));
    expect(rows.map((r) => r.action).sort()).toEqual(['pin_thread', 'rename_thread']);
    expect(rows.every((r) => r.moderatorId === modId)).toBe(true);
  });

  it('refuses bad input with the field named and changes nothing', async () => {
    const { threadId } = await makeThread(t.db, author.user, { title: 'Oorspronkelijke titel' });
    for (const [body, field] of [
      [{ title: 'kort' }, 'title'],
      [{ locked: 'misschien' }, 'locked'],
      [{ categorySlug: 'bestaat-niet' }, 'categorySlug'],
      [{ categorySlug: '' }, 'categorySlug'],
    ] as const) {
      const res = await patch(threadId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    // Unknown fields are dropped (the app's ajv setting), which leaves nothing to change.
    expect((await patch(threadId, {})).body.error.code).toBe('nothing_to_change');
    expect((await patch(threadId, { kleur: 'rood' })).body.error.code).toBe('nothing_to_change');
    expect((await patch(99_999_999, { locked: true })).status).toBe(404);
    const [row] = await t.db.select().from(threads).where(eq(threads.id, threadId));
    expect(row).toMatchObject({ title: 'Oorspronkelijke titel', locked: false, pinned: false });
    expect(await t.db.$count(moderationActions, eq(moderationActions.targetThreadId, threadId))).toBe(0);
  });
});
