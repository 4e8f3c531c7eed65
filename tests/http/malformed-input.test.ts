import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { encodeCursor } from '../../server/http/pagination.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

/**
 * Finding 5 of the audit: parameters that pass their type but not the database's range (an id past 2^31, a date
 * PostgreSQL or JavaScript cannot hold) answered 500. Each is now a 400 naming the parameter, or an answer.
 */
let t: TestApp;
let member: TestClient;
let moderator: TestClient;
let threadId: number;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  const login = await t.login();
  member = login.client;
  moderator = (await t.login({ role: 'moderator' })).client;
  threadId = (await makeThread(t.db, login.user, { title: 'Een discussie over de begroting' })).threadId;
  await makePost(t.db, login.user, threadId);
});
afterAll(async () => {
  await t.close();
});

const BIG = 2_147_483_648;
const cursor = (keys: (string | number | boolean | null)[]) => encodeURIComponent(encodeCursor(keys));

function expectBadCursor(res: { status: number; body: unknown }) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body).toMatchObject({ error: { code: 'invalid_cursor', field: 'cursor' } });
}

describe('cursors out of range', () => {
  it('refuses an id past 2^31 - 1 in every cursor that carries ids', async () => {
    expectBadCursor(await member.get(`/api/threads/${threadId}?cursor=${cursor([BIG])}`));
    expectBadCursor(await member.get(`/api/threads/${threadId}?cursor=${cursor([0])}`));
    expectBadCursor(await member.get(`/api/categories/algemeen/threads?cursor=${cursor([false, '2024-01-01T00:00:00.000Z', BIG])}`));
    expectBadCursor(await member.get(`/api/notifications?cursor=${cursor([BIG])}`));
    expectBadCursor(await moderator.get(`/api/moderation/queue?cursor=${cursor([1, BIG, 1])}`));
    expectBadCursor(await moderator.get(`/api/moderation/queue?cursor=${cursor([BIG, 1, 1])}`));
    expectBadCursor(await moderator.get(`/api/moderation/reports?cursor=${cursor([BIG])}`));
    expectBadCursor(await moderator.get(`/api/moderation/log?cursor=${cursor([BIG])}`));
    expectBadCursor(await moderator.get(`/api/admin/users?cursor=${cursor([BIG])}`));
  });

  it('refuses cursor dates outside the years 0001–9999 and accepts those at the edges', async () => {
    for (const date of ['+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '+010000-01-01T00:00:00.000Z', '0000-12-31T23:59:59.999Z', '-000001-01-01T00:00:00.000Z']) {
      expectBadCursor(await member.get(`/api/categories/algemeen/threads?cursor=${cursor([false, date, 1])}`));
    }
    for (const date of ['0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      const res = await member.get(`/api/categories/algemeen/threads?cursor=${cursor([false, date, 1])}`);
      expect(res.status, `${date}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });

  it('refuses a search cursor whose moment is outside the years 0001–9999 or whose text holds control characters', async () => {
    for (const moment of [8.64e15, -8.64e15, 253402300800000, -62135596800001]) {
      expectBadCursor(await member.get(`/api/search?q=begroting&cursor=${cursor([20, moment, 'begroting', 'all'])}`));
    }
    expectBadCursor(await member.get(`/api/search?q=begroting&cursor=${cursor([20, Date.now(), 'begr\u0000oting', 'all'])}`));
    expectBadCursor(await member.get(`/api/search?q=begroting&cursor=${cursor([BIG, Date.now(), 'begroting', 'all'])}`));
    const edge = await member.get(`/api/search?q=begroting&cursor=${cursor([20, -62135596800000, 'begroting', 'all'])}`);
    expect(edge.status, JSON.stringify(edge.body)).toBe(200);
  });
});

describe('search dates', () => {
  it('accepts every day from 0001-01-01 to 9999-12-31', async () => {
    for (const range of ['from=0001-01-01', 'to=9999-12-31', 'from=0001-01-01&to=9999-12-31', 'from=0001-01-01T00:00:00Z', 'to=9999-12-31T23:59:59.999Z']) {
      const res = await member.get(`/api/search?q=begroting&${range}`);
      expect(res.status, `${range}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });

  it('refuses dates outside those years with a 400 naming the parameter', async () => {
    for (const [range, field] of [
      ['from=0000-01-01', 'from'],
      ['to=0000-12-31', 'to'],
      ['from=0001-01-01T00:00:00%2B01:00', 'from'],
      ['to=9999-12-31T23:00:00-05:00', 'to'],
      ['from=%2B010000-01-01T00:00:00Z', 'from'],
      ['to=-000001-01-01T00:00:00Z', 'to'],
    ] as const) {
      const res = await member.get(`/api/search?q=begroting&${range}`);
      expect(res.status, `${range}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_date', field } });
    }
  });
});
