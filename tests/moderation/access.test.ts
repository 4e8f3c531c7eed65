import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import { eq } from 'drizzle-orm';
import { moderationActions, notifications, posts, reports, threads } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let t: TestApp;
let member: TestClient;
let pending: TestClient;
let suspended: TestClient;
let mod: TestClient;
let ids: { post: number; thread: number; user: number; report: number };
beforeAll(async () => {
  t = await buildTestApp();
  ({ client: member } = await t.login());
  ({ client: pending } = await t.login({ status: 'pending' }));
  ({ client: mod } = await t.login({ role: 'moderator' }));
  const author = await makeUser(t.db);
  const { threadId } = await makeThread(t.db, author);
  const post = await makePost(t.db, author, threadId);
  const reporter = await makeUser(t.db);
  const [report] = await t.db.insert(reports).values({ postId: post, reporterId: reporter.id, reason: 'spam' }).returning();
  ids = { post, thread: threadId, user: (await makeUser(t.db, { status: 'pending' })).id, report: report!.id };
  const s = await t.login();
  suspended = s.client;
  await mod.post(`/api/admin/users/${s.user.id}/suspend`, { reason: 'test' });
  suspended = await t.loginAs((await t.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, s.user.id) }))!);
});
afterAll(() => t.close());

/** Every moderation route with a body that would be valid, so only access decides the answer. */
const moderatorRoutes = (): [Method, string, unknown?][] => [
  ['GET', '/api/moderation/reports'],
  ['GET', '/api/moderation/queue'],
  ['GET', '/api/moderation/log'],
  ['POST', `/api/moderation/reports/${ids.report}/resolve`, { action: 'dismiss' }],
  ['POST', `/api/moderation/posts/${ids.post}/hide`, { reason: 'Spam' }],
  ['POST', `/api/moderation/posts/${ids.post}/restore`, {}],
  ['POST', `/api/moderation/posts/${ids.post}/delete`, { reason: 'Spam' }],
  ['PATCH', `/api/moderation/threads/${ids.thread}`, { locked: true, reason: 'Spam' }],
  ['GET', `/api/moderation/threads/${ids.thread}/impact`],
  ['PUT', `/api/moderation/claims/report/${ids.post}`, {}],
  ['DELETE', `/api/moderation/claims/report/${ids.post}`],
  ['POST', `/api/moderation/threads/${ids.thread}/hide`, { reason: 'Spam' }],
  ['POST', `/api/moderation/threads/${ids.thread}/restore`, {}],
  ['GET', '/api/admin/users'],
  ['POST', `/api/admin/users/${ids.user}/approve`, {}],
  ['POST', `/api/admin/users/${ids.user}/reject`, { reason: 'Nee' }],
  ['POST', `/api/admin/users/${ids.user}/suspend`, { reason: 'Nee' }],
  ['POST', `/api/admin/users/${ids.user}/lift`, {}],
  ['POST', `/api/admin/users/${ids.user}/representative`, { verified: false }],
];

/** What the routes above would change: the thread and post they name, the log, the messages to members. */
async function state() {
  const [thread] = await t.db.select({ hiddenAt: threads.hiddenAt, locked: threads.locked, deletedAt: threads.deletedAt }).from(threads).where(eq(threads.id, ids.thread));
  const [post] = await t.db.select({ hiddenAt: posts.hiddenAt, deletedAt: posts.deletedAt }).from(posts).where(eq(posts.id, ids.post));
  return { thread, post, log: await t.db.$count(moderationActions), notifications: await t.db.$count(notifications) };
}

async function call(client: TestClient, [method, url, body]: [Method, string, unknown?]) {
  return client.request<ErrorBody>(method, url, method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}));
}

describe('who may call the moderation routes', () => {
  it('guests get 401, members, pending and suspended accounts 403 on every moderator route, and nothing changes', async () => {
    const before = await state();
    expect(before.thread).toEqual({ hiddenAt: null, locked: false, deletedAt: null });
    for (const route of moderatorRoutes()) {
      expect((await call(t.guest(), route)).status, `guest ${route[1]}`).toBe(401);
      const asMember = await call(member, route);
      expect(asMember.status, `member ${route[1]}`).toBe(403);
      expect(asMember.body.error.code).toBe('not_allowed');
      expect((await call(pending, route)).body.error.code, `pending ${route[1]}`).toBe('account_pending');
      expect((await call(suspended, route)).body.error.code, `suspended ${route[1]}`).toBe('account_suspended');
    }
    expect(await state()).toEqual(before);
  });

  it('a malformed id in the path is a 400 naming "id" on every route that takes one', async () => {
    const admin = (await t.login({ role: 'admin' })).client;
    const withIds = [...moderatorRoutes(), ['POST', `/api/admin/users/${ids.user}/role`, { role: 'member' }] as [Method, string, unknown]].filter(([, url]) => /\/\d+(\/|$)/.test(url));
    expect(withIds.length).toBeGreaterThan(8);
    for (const [method, url, body] of withIds) {
      const res = await call(admin, [method, url.replace(/\/\d+(\/|$)/, '/abc$1'), body]);
      expect(res.status, url).toBe(400);
      expect((res.body as { error: { field?: string } }).error.field, url).toBe('id');
    }
    const report = await member.post<{ error: { field?: string } }>('/api/posts/-1/reports', { reason: 'spam' });
    expect(report.body.error.field).toBe('id');
  });

  it('the role route is for admins only: moderators get 403 too', async () => {
    const route: [Method, string, unknown] = ['POST', `/api/admin/users/${ids.user}/role`, { role: 'moderator' }];
    expect((await call(t.guest(), route)).status).toBe(401);
    expect((await call(member, route)).status).toBe(403);
    expect((await call(mod, route)).status).toBe(403);
  });

  it('reporting is for active members: guests 401, pending and suspended 403', async () => {
    const url = `/api/posts/${ids.post}/reports`;
    expect((await t.guest().post(url, { reason: 'spam' })).status).toBe(401);
    expect((await pending.post(url, { reason: 'spam' })).status).toBe(403);
    expect((await suspended.post(url, { reason: 'spam' })).status).toBe(403);
  });

  it('notifications are for any logged-in user, suspended or pending included; guests 401', async () => {
    expect((await t.guest().get('/api/notifications')).status).toBe(401);
    expect((await t.guest().post('/api/notifications/read', { all: true })).status).toBe(401);
    expect((await pending.get('/api/notifications')).status).toBe(200);
    expect((await suspended.get('/api/notifications')).status).toBe(200);
    expect((await suspended.post('/api/notifications/read', { all: true })).status).toBe(200);
  });

  it('state-changing moderation routes need the CSRF token', async () => {
    const res = await mod.post<ErrorBody>(`/api/moderation/posts/${ids.post}/hide`, { reason: 'Spam' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_invalid');
  });
});
