import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

/** RELIABILITY_FULL=1 runs the size from issue 7 (50 × 100); `npm test` uses a smaller load that still overlaps. */
const FULL = process.env.RELIABILITY_FULL === '1';
const CLIENTS = FULL ? 50 : 20;
const REPLIES = FULL ? 100 : 25;

describe(`concurrent replies: ${CLIENTS} members × ${REPLIES} replies to one thread`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores every reply exactly once and keeps the thread counter equal to the rows', { timeout: FULL ? 600_000 : 120_000 }, async () => {
    const { client: opener, user: author } = await t.login();
    const { threadId } = await makeThread(t.db, author, { title: 'Iedereen tegelijk' });
    const members: TestClient[] = [];
    for (let i = 0; i < CLIENTS; i++) members.push((await t.login()).client);

    const statuses = new Map<number, number>();
    const ids: number[] = [];
    await Promise.all(
      members.map(async (client, c) => {
        for (let r = 0; r < REPLIES; r++) {
          const res = await client.post<{ post: { id: number } }>(`/api/threads/${threadId}/posts`, { body: `Reactie ${r} van lid ${c}` });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 201) ids.push(res.body.post.id);
        }
      }),
    );

    const total = CLIENTS * REPLIES;
    expect(Object.fromEntries(statuses)).toEqual({ 201: total });
    expect(new Set(ids).size).toBe(total);
    const [row] = await queryRows<{ rows: number; distinct_ids: number; post_count: number }>(
      t.db,
      sql`select (select count(*)::int from posts where thread_id = ${threadId}) as rows,
                 (select count(distinct id)::int from posts where thread_id = ${threadId}) as distinct_ids,
                 (select post_count from threads where id = ${threadId}) as post_count`,
    );
    // The opening post plus every reply.
    expect(row).toEqual({ rows: total + 1, distinct_ids: total + 1, post_count: total + 1 });
    const page = await opener.get<{ thread: { postCount: number } }>(`/api/threads/${threadId}`);
    expect(page.body.thread.postCount).toBe(total + 1);
  });
});
