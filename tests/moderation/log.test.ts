import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { LogList } from '../../shared/api/moderation.js';
import { moderationActions } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

let t: TestApp;
let modA: Awaited<ReturnType<TestApp['login']>>;
let modB: Awaited<ReturnType<TestApp['login']>>;
let authorId: number;
beforeAll(async () => {
  t = await buildTestApp();
  modA = await t.login({ role: 'moderator', displayName: 'Moderator A' });
  modB = await t.login({ role: 'moderator', displayName: 'Moderator B' });
  const author = await makeUser(t.db, { displayName: 'Schrijver' });
  authorId = author.id;
  const { threadId } = await makeThread(t.db, author);
  const p1 = await makePost(t.db, author, threadId);
  const p2 = await makePost(t.db, author, threadId);
  await modA.client.post(`/api/moderation/posts/${p1}/hide`, { reason: 'Reclame' });
  await modB.client.post(`/api/moderation/posts/${p2}/hide`, { reason: 'Off-topic' });
  await modA.client.post(`/api/moderation/posts/${p1}/restore`, {});
  await modA.client.patch(`/api/moderation/threads/${threadId}`, { locked: true, reason: 'Loopt uit de hand' });
});
afterAll(() => t.close());

const log = (client: TestClient, query = '') => client.get<LogList & ErrorBody>(`/api/moderation/log${query}`);

describe('the moderation log', () => {
  it('lists every action newest first with who, what, whom and why', async () => {
    const res = await log(modB.client);
    expect(res.status).toBe(200);
    expect(res.body.entries.map((e) => e.action)).toEqual(['lock_thread', 'restore_post', 'hide_post', 'hide_post']);
    expect(res.body.entries[3]).toMatchObject({ moderator: { displayName: 'Moderator A' }, targetUser: { id: authorId, displayName: 'Schrijver' }, reason: 'Reclame' });
  });

  it('filters by moderator, action and user, and pages by cursor', async () => {
    expect((await log(modA.client, `?moderatorId=${modB.user.id}`)).body.entries.map((e) => e.reason)).toEqual(['Off-topic']);
    expect((await log(modA.client, '?action=hide_post')).body.entries).toHaveLength(2);
    expect((await log(modA.client, `?userId=${authorId}&action=restore_post`)).body.entries).toHaveLength(1);
    const first = await log(modA.client, '?limit=3');
    expect(first.body.entries).toHaveLength(3);
    const rest = await log(modA.client, `?limit=3&cursor=${first.body.nextCursor}`);
    expect(rest.body.entries).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('refuses bad filters with the field named', async () => {
    for (const [query, field] of [
      ['?action=opruimen', 'action'],
      ['?moderatorId=abc', 'moderatorId'],
      ['?userId=0', 'userId'],
      ['?limit=1000', 'limit'],
      ['?cursor=nonsense', 'cursor'],
    ] as const) {
      const res = await log(modA.client, query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const before = await t.db.select().from(moderationActions).orderBy(moderationActions.id);
    await expect(t.db.update(moderationActions).set({ reason: 'weggepoetst' }).where(eq(moderationActions.id, before[0]!.id))).rejects.toThrow();
    await expect(t.db.delete(moderationActions).where(eq(moderationActions.id, before[0]!.id))).rejects.toThrow();
    await expect(t.db.execute(sql`truncate moderation_actions`)).rejects.toThrow();
    expect(await t.db.select().from(moderationActions).orderBy(moderationActions.id)).toEqual(before);
  });
});
