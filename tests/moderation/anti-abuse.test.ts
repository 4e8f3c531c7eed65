import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import { and, eq, sql } from 'drizzle-orm';
import { posts } from '../../server/db/schema.js';
import { DUPLICATE_LOOKBACK } from '../../server/forum/anti-abuse.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let threadId: number;
beforeAll(async () => {
  t = await buildTestApp();
  ({ threadId } = await makeThread(t.db, await makeUser(t.db)));
});
afterAll(() => t.close());

describe('anti-abuse', () => {
  it('refuses the same body twice within five minutes (409), for replies and new threads', async () => {
    const { client } = await t.login();
    expect((await client.post(`/api/threads/${threadId}/posts`, { body: 'Eens met de vorige spreker' })).status).toBe(201);
    const again = await client.post<ErrorBody>(`/api/threads/${threadId}/posts`, { body: 'Eens met de vorige spreker' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate_post');
    // Surrounding whitespace does not make a copy new.
    expect((await client.post(`/api/threads/${threadId}/posts`, { body: '  Eens met de vorige spreker\n' })).status).toBe(409);
    const asThread = await client.post<ErrorBody>('/api/threads', { categorySlug: 'algemeen', title: 'Nog een keer', body: 'Eens met de vorige spreker' });
    expect(asThread.status).toBe(409);
    // Another member may say the same thing.
    expect((await (await t.login()).client.post(`/api/threads/${threadId}/posts`, { body: 'Eens met de vorige spreker' })).status).toBe(201);
  });

  it('compares with her latest posts only: a busy member is still refused a copy, at a cost that does not grow with her posts', async () => {
    const { client, user } = await t.login();
    await makePost(t.db, user, threadId, { body: 'Wie neemt de notulen?' });
    // Behind many newer posts of hers, within the lookback: still a duplicate.
    for (let i = 0; i < 30; i++) await makePost(t.db, user, threadId, { body: `Tussendoor ${i}` });
    expect((await client.post<ErrorBody>(`/api/threads/${threadId}/posts`, { body: 'Wie neemt de notulen?' })).status).toBe(409);
    expect((await client.post<ErrorBody>(`/api/threads/${threadId}/posts`, { body: 'Tussendoor 29' })).status).toBe(409);

    // The bound itself (server/forum/anti-abuse.ts says why it keeps the rule under the default limits): with
    // DUPLICATE_LOOKBACK newer posts in the window, the oldest one is no longer read.
    for (let i = 30; i < DUPLICATE_LOOKBACK; i++) await makePost(t.db, user, threadId, { body: `Tussendoor ${i}` });
    expect((await client.post(`/api/threads/${threadId}/posts`, { body: 'Wie neemt de notulen?' })).status).toBe(201);

    // Older than five minutes: a text may be said again.
    await t.db
      .update(posts)
      .set({ createdAt: sql`now() - interval '6 minutes'` })
      .where(and(eq(posts.authorId, user.id), eq(posts.body, 'Tussendoor 29')));
    expect((await client.post(`/api/threads/${threadId}/posts`, { body: 'Tussendoor 29' })).status).toBe(201);
  });

  it('limits a member in their first days to 10 posts an hour (429 with Retry-After); older members are not limited', async () => {
    const fresh = await t.login({ createdAt: new Date() });
    for (let i = 0; i < 10; i++) await makePost(t.db, fresh.user, threadId, { body: `Bericht ${i}` });
    const before = await t.db.$count(posts);
    const res = await fresh.client.post<ErrorBody>(`/api/threads/${threadId}/posts`, { body: 'Nummer elf' });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('new_member_limit');
    expect(res.headers['retry-after']).toBeTruthy();
    expect(await t.db.$count(posts)).toBe(before);

    const old = await t.login();
    for (let i = 0; i < 10; i++) await makePost(t.db, old.user, threadId, { body: `Oud lid ${i}` });
    expect((await old.client.post(`/api/threads/${threadId}/posts`, { body: 'Nummer elf' })).status).toBe(201);
  });

  it('does not limit moderators, even new ones', async () => {
    const fresh = await t.login({ createdAt: new Date(), role: 'moderator' });
    for (let i = 0; i < 10; i++) await makePost(t.db, fresh.user, threadId, { body: `Mod ${i}` });
    expect((await fresh.client.post(`/api/threads/${threadId}/posts`, { body: 'Mod 0' })).status).toBe(201);
  });
});
