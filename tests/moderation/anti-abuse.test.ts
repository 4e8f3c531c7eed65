import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import { posts } from '../../server/db/schema.js';
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
