import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadList, ThreadPage } from '../../shared/api/forum.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  // No background search worker: its polling would land among the statements counted.
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

/** The statements one request sends (not last_seen_at, written at most once a minute and never waited for). */
async function countQueries(run: () => Promise<unknown>): Promise<number> {
  t.queries.length = 0;
  await run();
  return t.queries.filter((query) => !/set last_seen_at/.test(query)).length;
}

describe('no N+1 queries', () => {
  it('reads a thread of 20 posts with as few queries as a thread of 2', async () => {
    const { user: author } = await t.login();
    const { client: reader } = await t.login();
    const small = await makeThread(t.db, author);
    await makePost(t.db, author, small.threadId);
    const big = await makeThread(t.db, author);
    for (let i = 0; i < 24; i++) await makePost(t.db, author, big.threadId);

    // Warm up, and measure the steady state (reading no longer writes the read marker: POST /api/threads/:id/read does).
    await reader.get(`/api/threads/${small.threadId}`);
    await reader.get(`/api/threads/${big.threadId}`);
    const forSmall = await countQueries(() => reader.get<ThreadPage>(`/api/threads/${small.threadId}`));
    const forBig = await countQueries(async () => expect((await reader.get<ThreadPage>(`/api/threads/${big.threadId}`)).body.posts).toHaveLength(20));
    expect(forBig).toBe(forSmall);
    // session with its user, the thread (with the reader's watch level, read marker, first and last post), its posts
    expect(forBig).toBeLessThanOrEqual(3);
  });

  it('shows reactions, bookmarks and the best answer without more queries; an answer on a later page costs one', async () => {
    const { user: author, client: starter } = await t.login();
    const { user: fan, client: reader } = await t.login();
    const { threadId } = await makeThread(t.db, author);
    const replies: number[] = [];
    for (let i = 0; i < 24; i++) replies.push(await makePost(t.db, fan, threadId));
    for (const id of replies.slice(0, 5)) {
      await starter.put(`/api/posts/${id}/reactions/thanks`);
      await reader.put(`/api/posts/${id}/bookmark`, {});
    }
    await starter.put(`/api/threads/${threadId}/solution`, { postId: replies[3] });
    await reader.get(`/api/threads/${threadId}`);
    const onPage = await countQueries(async () => {
      const page = (await reader.get<ThreadPage>(`/api/threads/${threadId}`)).body;
      expect(page.solution?.id).toBe(replies[3]);
      expect(page.posts.filter((p) => p.bookmarked)).toHaveLength(5);
    });
    expect(onPage).toBeLessThanOrEqual(3);
    await starter.put(`/api/threads/${threadId}/solution`, { postId: replies[23] });
    const later = await countQueries(async () => expect((await reader.get<ThreadPage>(`/api/threads/${threadId}`)).body.solution?.id).toBe(replies[23]));
    expect(later).toBeLessThanOrEqual(4);
  });

  it('lists a category page of 20 threads in a fixed number of queries', async () => {
    const { user: author } = await t.login();
    const { client: reader } = await t.login();
    for (let i = 0; i < 22; i++) await makeThread(t.db, author, { category: 'fractie-en-raadswerk' });
    const count = await countQueries(async () => expect((await reader.get<ThreadList>('/api/categories/fractie-en-raadswerk/threads')).body.threads).toHaveLength(20));
    expect(count).toBeLessThanOrEqual(3);
  });
});
