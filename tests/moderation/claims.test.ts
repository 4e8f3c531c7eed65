import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { Queue } from '../../shared/api/moderation.js';
import type { UserList } from '../../shared/api/users.js';
import { moderationClaims, reports, users } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

let t: TestApp;
let anna: Awaited<ReturnType<TestApp['login']>>;
let bert: Awaited<ReturnType<TestApp['login']>>;
let reporter: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  anna = await t.login({ role: 'moderator', displayName: 'Anna Moderator' });
  bert = await t.login({ role: 'moderator', displayName: 'Bert Moderator' });
  ({ client: reporter } = await t.login());
});
afterAll(() => t.close());

async function reportedPost(): Promise<number> {
  const author = await makeUser(t.db);
  const { threadId } = await makeThread(t.db, author);
  const postId = await makePost(t.db, author, threadId);
  expect((await reporter.post(`/api/posts/${postId}/reports`, { reason: 'spam' })).status).toBe(201);
  return postId;
}
const queueItem = async (client: TestClient, postId: number) => (await client.get<Queue>('/api/moderation/queue?limit=100')).body.items.find((i) => i.post.id === postId)!;
const reportId = async (postId: number) => (await t.db.select({ id: reports.id }).from(reports).where(eq(reports.postId, postId)))[0]!.id;
const claimUrl = (kind: string, id: number) => `/api/moderation/claims/${kind}/${id}`;

describe('claiming waiting work', () => {
  it('a claimed report: the queue says who handles it, the other moderator can neither decide nor take it', async () => {
    const postId = await reportedPost();
    const taken = await anna.client.put<{ claim: { mine: boolean; moderator: { displayName: string } } }>(claimUrl('report', postId), {});
    expect(taken.status).toBe(200);
    expect(taken.body.claim).toMatchObject({ mine: true, moderator: { displayName: 'Anna Moderator' } });
    expect((await queueItem(anna.client, postId)).claim).toMatchObject({ mine: true });
    expect((await queueItem(bert.client, postId)).claim).toMatchObject({ mine: false, moderator: { id: anna.user.id } });

    const decided = await bert.client.post<ErrorBody>(`/api/moderation/reports/${await reportId(postId)}/resolve`, { action: 'hide_post', note: 'Spam' });
    expect(decided.status).toBe(409);
    expect(decided.body.error.code).toBe('claimed');
    expect(decided.body.error.message).toContain('Anna Moderator behandelt dit al');
    const [open] = await t.db.select({ status: reports.status }).from(reports).where(eq(reports.postId, postId));
    expect(open!.status).toBe('open');
    expect((await bert.client.put<ErrorBody>(claimUrl('report', postId), {})).body.error.code).toBe('claimed');
    expect((await bert.client.delete<ErrorBody>(claimUrl('report', postId))).body.error.code).toBe('claimed');

    // Her own decision goes through and ends the claim.
    expect((await anna.client.post(`/api/moderation/reports/${await reportId(postId)}/resolve`, { action: 'dismiss' })).status).toBe(200);
    expect(await t.db.$count(moderationClaims, eq(moderationClaims.targetId, postId))).toBe(0);
    expect((await anna.client.put<ErrorBody>(claimUrl('report', postId), {})).status).toBe(404);
  });

  it('letting go frees the item at once; a claim older than 30 minutes lapses', async () => {
    const postId = await reportedPost();
    expect((await anna.client.put(claimUrl('report', postId), {})).status).toBe(200);
    expect((await anna.client.delete(claimUrl('report', postId))).status).toBe(204);
    expect((await anna.client.delete<ErrorBody>(claimUrl('report', postId))).body.error.code).toBe('not_claimed');
    expect((await bert.client.put(claimUrl('report', postId), {})).status).toBe(200);

    await t.db.update(moderationClaims).set({ claimedAt: sql`now() - interval '31 minutes'` }).where(and(eq(moderationClaims.kind, 'report'), eq(moderationClaims.targetId, postId)));
    expect((await queueItem(anna.client, postId)).claim).toBeNull();
    expect((await anna.client.post(`/api/moderation/reports/${await reportId(postId)}/resolve`, { action: 'dismiss' })).status).toBe(200);
  });

  it('a claimed registration: listed with its claim; approving or rejecting it is hers', async () => {
    const applicant = await makeUser(t.db, { status: 'pending', displayName: 'Nieuwe Aanmelder' });
    expect((await bert.client.put(claimUrl('registration', applicant.id), {})).status).toBe(200);
    const listed = (await anna.client.get<UserList>('/api/admin/users?status=pending&limit=100')).body.users.find((u) => u.id === applicant.id);
    expect(listed?.claim).toMatchObject({ mine: false, moderator: { displayName: 'Bert Moderator' } });
    const active = (await anna.client.get<UserList>('/api/admin/users?status=active&limit=100')).body.users;
    expect(active.every((u) => u.claim === undefined)).toBe(true);

    expect((await anna.client.post<ErrorBody>(`/api/admin/users/${applicant.id}/approve`)).body.error.code).toBe('claimed');
    expect((await anna.client.post<ErrorBody>(`/api/admin/users/${applicant.id}/reject`, { reason: 'Nee' })).body.error.code).toBe('claimed');
    const [still] = await t.db.select({ status: users.status }).from(users).where(eq(users.id, applicant.id));
    expect(still!.status).toBe('pending');
    expect((await bert.client.post(`/api/admin/users/${applicant.id}/approve`)).status).toBe(200);
    expect(await t.db.$count(moderationClaims, eq(moderationClaims.targetId, applicant.id))).toBe(0);
  });

  it('refuses what does not wait, unknown kinds and malformed ids in Dutch', async () => {
    const active = await makeUser(t.db);
    const notWaiting = await anna.client.put<ErrorBody>(claimUrl('registration', active.id), {});
    expect(notWaiting.status).toBe(404);
    expect(notWaiting.body.error.message).toBe('Dit wacht niet (meer) op een moderator.');
    expect((await anna.client.put<ErrorBody>(claimUrl('report', 99_999_999), {})).status).toBe(404);
    expect((await anna.client.put<ErrorBody>(claimUrl('thread', 1), {})).body.error.field).toBe('kind');
    expect((await anna.client.put<ErrorBody>('/api/moderation/claims/report/abc', {})).body.error.field).toBe('id');
    expect(await t.db.$count(moderationClaims, eq(moderationClaims.targetId, active.id))).toBe(0);
  });
});
