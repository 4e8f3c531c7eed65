import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogList } from '../../shared/api/moderation.js';
import { moderationActions, users } from '../../server/db/schema.js';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/**
 * Account deletion (ASVS level 2): the append-only moderation log's foreign keys blocked deleting any approved
 * member. They are now ON DELETE SET NULL, and the log's trigger allows exactly that change, marking the row so that
 * the log tells a deleted account from the system. Every other UPDATE or DELETE on the log is still refused.
 */
let t: TestApp;
let admin: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login({ role: 'admin' });
});
afterAll(() => t.close());

const rowsAbout = (userId: number) => t.db.select().from(moderationActions).where(eq(moderationActions.targetUserId, userId)).orderBy(moderationActions.id);
const rowById = async (id: number) => (await t.db.select().from(moderationActions).where(eq(moderationActions.id, id)))[0]!;

/** A pending member approved by the admin: one log row (approve_user) about them, and no posts. */
async function approvedMember() {
  const member = await makeUser(t.db, { status: 'pending' });
  expect((await admin.client.post(`/api/admin/users/${member.id}/approve`)).status).toBe(200);
  const [row] = await rowsAbout(member.id);
  expect(row).toMatchObject({ action: 'approve_user', moderatorId: admin.user.id });
  return { member, row: row! };
}

describe('deleting an account that the moderation log refers to', () => {
  it('an approved member without posts can be deleted with a plain SQL delete; the log row stays, its reference nulled', async () => {
    const { member, row } = await approvedMember();
    await t.db.delete(users).where(eq(users.id, member.id));
    expect(await t.db.$count(users, eq(users.id, member.id))).toBe(0);
    const after = await rowById(row.id);
    expect(after).toEqual({ ...row, targetUserId: null, targetUserDeleted: true });

    const log = await admin.client.get<LogList>('/api/moderation/log?action=approve_user');
    const entry = log.body.entries.find((e) => e.id === row.id);
    expect(entry).toMatchObject({ targetUser: null, targetUserDeleted: true, moderator: { id: admin.user.id }, moderatorDeleted: false });
  });

  it('a deleted moderator shows as a deleted account, not as the system', async () => {
    const moderator = await makeUser(t.db, { role: 'moderator' });
    const modClient = await t.loginAs(moderator);
    const member = await makeUser(t.db, { status: 'pending' });
    expect((await modClient.post(`/api/admin/users/${member.id}/approve`)).status).toBe(200);
    const [row] = await rowsAbout(member.id);
    await t.db.delete(users).where(eq(users.id, moderator.id));
    expect(await rowById(row!.id)).toEqual({ ...row, moderatorId: null, moderatorDeleted: true });
    const log = await admin.client.get<LogList>(`/api/moderation/log?userId=${member.id}`);
    expect(log.body.entries).toMatchObject([{ id: row!.id, moderator: null, moderatorDeleted: true, targetUser: { id: member.id }, targetUserDeleted: false }]);
  });

  it('the system’s own acts stay "automatic": no moderator, not a deleted one', async () => {
    const author = await makeUser(t.db);
    const { postId } = await makeThread(t.db, author);
    const reporters = await Promise.all([1, 2, 3, 4].map(() => t.login()));
    for (const r of reporters) await r.client.post(`/api/posts/${postId}/reports`, { reason: 'spam' });
    const log = await admin.client.get<LogList>(`/api/moderation/log?action=auto_hide&userId=${author.id}`);
    expect(log.body.entries).toMatchObject([{ moderator: null, moderatorDeleted: false }]);
  });
});

describe('the log stays append-only', () => {
  it('refuses every other UPDATE, also nulling a reference to an account that still exists, and every DELETE', async () => {
    const { member, row } = await approvedMember();
    const attempts = [
      sql`update moderation_actions set reason = 'weggepoetst' where id = ${row.id}`,
      sql`update moderation_actions set target_user_id = null where id = ${row.id}`,
      sql`update moderation_actions set moderator_id = null where id = ${row.id}`,
      sql`update moderation_actions set target_user_deleted = true where id = ${row.id}`,
      sql`update moderation_actions set target_user_id = ${admin.user.id} where id = ${row.id}`,
      sql`delete from moderation_actions where id = ${row.id}`,
      sql`truncate moderation_actions`,
    ];
    for (const attempt of attempts) await expect(t.db.execute(attempt)).rejects.toThrow();
    expect(await rowById(row.id)).toEqual(row);
    expect(await t.db.$count(users, eq(users.id, member.id))).toBe(1);
  });

  it('refuses, after the account is deleted, any change to the nulled row but the one that happened', async () => {
    const { member, row } = await approvedMember();
    await t.db.delete(users).where(eq(users.id, member.id));
    const nulled = await rowById(row.id);
    for (const attempt of [
      sql`update moderation_actions set target_user_deleted = false where id = ${row.id}`,
      sql`update moderation_actions set reason = 'weggepoetst', target_user_id = null where id = ${row.id}`,
      sql`update moderation_actions set moderator_id = null where id = ${row.id}`,
      sql`delete from moderation_actions where id = ${row.id}`,
    ]) {
      await expect(t.db.execute(attempt)).rejects.toThrow();
    }
    expect(await rowById(row.id)).toEqual(nulled);
  });
});
