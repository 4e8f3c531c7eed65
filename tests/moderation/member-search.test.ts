import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { UserList } from '../../shared/api/users.js';
import { users } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { mod, t, useAccountsForum } from './account-fixtures.js';

useAccountsForum();

/** The names this file's members carry, so a search sees only them whatever else the database holds. */
const TAG = 'Zoekproef';
const list = async (params: Record<string, string>) => {
  const res = await mod.client.get<UserList>(`/api/admin/users?${new URLSearchParams({ limit: '100', ...params })}`);
  expect(res.status).toBe(200);
  return res.body.users;
};
const names = (rows: UserList['users']) => rows.map((u) => u.displayName);

describe('searching and sorting the members', () => {
  it('finds members by part of the name (without accents or case), e-mail, party or municipality', async () => {
    const eva = await makeUser(t.db, { displayName: `Éva ${TAG} Jansen`, party: 'Stadsbelang Delft', municipality: 'Delft' });
    await makeUser(t.db, { displayName: `Fons ${TAG} de Wit`, party: 'Lokaal Leiden', municipality: 'Leiden' });
    expect(names(await list({ q: `eva ${TAG.toLowerCase()}` }))).toEqual([eva.displayName]);
    expect(names(await list({ q: eva.email.toUpperCase() }))).toEqual([eva.displayName]);
    expect(names(await list({ q: 'stadsbelang delft' }))).toEqual([eva.displayName]);
    expect(names(await list({ q: 'LEIDEN', status: 'active' }))).toContain(`Fons ${TAG} de Wit`);
    expect(await list({ q: 'niemand-heet-zo' })).toEqual([]);
  });

  it('sorts by name, last activity and posts, and says for each when she was last active and how much she wrote', async () => {
    const quiet = await makeUser(t.db, { displayName: `Anna ${TAG} Stil` });
    const busy = await makeUser(t.db, { displayName: `Bram ${TAG} Druk` });
    const { threadId } = await makeThread(t.db, busy);
    await makePost(t.db, busy, threadId);
    await t.db.update(users).set({ lastSeenAt: sql`now() - interval '3 days'` }).where(eq(users.id, quiet.id));
    await t.db.update(users).set({ lastSeenAt: sql`now()` }).where(eq(users.id, busy.id));

    const byName = names(await list({ q: TAG, sort: 'name' }));
    expect(byName.indexOf(quiet.displayName)).toBeLessThan(byName.indexOf(busy.displayName));
    const byActivity = names(await list({ q: TAG, sort: 'activity' }));
    expect(byActivity.slice(0, 2)).toEqual([busy.displayName, quiet.displayName]);
    const byPosts = await list({ q: TAG, sort: 'posts' });
    expect(byPosts[0]).toMatchObject({ displayName: busy.displayName, postCount: 2 });
    const row = byPosts.find((u) => u.id === quiet.id)!;
    expect(row.postCount).toBe(0);
    // The day only: a moderator needs no more of when someone was here.
    expect(row.lastActiveOn).toMatch(/T00:00:00\.000Z$|T\d\d:00:00\.000Z$/);
    expect(row.emailConfirmed).toBe(true);
  });

  it('pages through a search without repeats or gaps', async () => {
    for (let i = 0; i < 5; i++) await makeUser(t.db, { displayName: `Pagina ${TAG} ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { q: `pagina ${TAG}`, sort: 'name', limit: '2', ...(cursor ? { cursor } : {}) };
      const res: { body: UserList } = await mod.client.get<UserList>(`/api/admin/users?${new URLSearchParams(query)}`);
      seen.push(...names(res.body.users));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `Pagina ${TAG} ${i}`));
  });

  it('refuses a bad sort or an overlong search in Dutch', async () => {
    for (const [query, field] of [
      ['sort=grootte', 'sort'],
      [`q=${'x'.repeat(101)}`, 'q'],
    ] as const) {
      const res = await mod.client.get<ErrorBody>(`/api/admin/users?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
  });
});
