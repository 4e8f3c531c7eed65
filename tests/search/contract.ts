import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/auth/types.js';
import type { SearchIndex } from '../../server/search/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { hidePost, makeCorpus, search } from './fixtures.js';

export interface ContractOptions {
  /** Replaces the app's engine (e.g. Meilisearch on a test index); undefined keeps the configured one. */
  makeIndex?: (t: TestApp) => Promise<SearchIndex>;
  env?: Record<string, string>;
  /** The engine stems Dutch (fusie/fusies, kandidaat/kandidaten) rather than relying on typo tolerance. */
  dutchStemming: boolean;
  /** The engine answers "bedoelde je …?" (PostgreSQL); Meilisearch corrects typos silently. */
  suggestions: boolean;
}

/** Only escaped text and <mark> elements. */
const ONLY_MARKS = /^(?:[^<>]|<mark>|<\/mark>)*$/;

/** One behaviour for every SearchIndex: run by postgres.test.ts and meilisearch.test.ts. */
export function searchContract(options: ContractOptions) {
  let t: TestApp;
  let member: TestClient;
  let anna: CurrentUser;
  let bert: CurrentUser;
  let c: Awaited<ReturnType<typeof makeCorpus>>;
  const ids = (body: { hits: { postId: number }[] }) => body.hits.map((h) => h.postId);

  beforeAll(async () => {
    t = await buildTestApp({ env: options.env });
    if (options.makeIndex) t.app.searchService.index = await options.makeIndex(t);
    ({ client: member } = await t.login());
    anna = (await t.login({ displayName: 'Anna de Vries' })).user;
    bert = (await t.login({ displayName: 'Bert Jansen' })).user;
    c = await makeCorpus(t, anna, bert);
    const del = await (await t.loginAs({ ...anna, email: (await emailOf(t, anna.id)) })).delete(`/api/posts/${c.deleted}`);
    expect(del.status).toBe(204);
    await t.app.searchService.drainOutbox();
    expect((await t.app.searchService.backlog()).count).toBe(0);
  });
  afterAll(() => t.close());

  describe('Dutch words', () => {
    it('matches kandidaat and kandidaten both ways', async () => {
      for (const q of ['kandidaat', 'kandidaten']) {
        const res = await search(member, { q });
        expect(res.status).toBe(200);
        expect(ids(res.body), q).toContain(c.candidates.postId);
      }
    });

    it.runIf(options.dutchStemming)('matches fusie and fusies both ways', async () => {
      const single = await search(member, { q: 'fusie' });
      expect(ids(single.body)).toEqual(expect.arrayContaining([c.fusion.postId, c.fusionReply, c.flyers.postId, c.script.postId]));
      const plural = await search(member, { q: 'fusies' });
      expect(ids(plural.body)).toEqual(expect.arrayContaining([c.fusion.postId, c.flyers.postId]));
    });

    it('finds a word regardless of accents and case', async () => {
      const res = await search(member, { q: 'GEMEENTEBELANGEN' });
      expect(ids(res.body)).toContain(c.fusion.postId);
    });
  });

  describe('query syntax', () => {
    it('matches a quoted phrase only in that order', async () => {
      expect(ids((await search(member, { q: '"historisch besluit"' })).body)).toEqual([c.fusionReply]);
      expect(ids((await search(member, { q: '"besluit historisch"' })).body)).toEqual([]);
    });

    it('excludes a -word', async () => {
      const res = await search(member, { q: 'fusie -ALV' });
      expect(ids(res.body)).toContain(c.fusion.postId);
      expect(ids(res.body)).not.toContain(c.fusionReply);
    });

    it('treats OF as or, and words without it as and', async () => {
      const either = await search(member, { q: 'flyeren OF kandidatenlijst' });
      expect(ids(either.body)).toEqual(expect.arrayContaining([c.flyers.postId, c.candidates.postId]));
      const both = await search(member, { q: 'flyeren kandidatenlijst' });
      expect(ids(both.body)).toEqual([]);
    });

    it('still finds the thread when a word has a typo', async () => {
      const res = await search(member, { q: 'kandidaatsteling' });
      expect(res.status).toBe(200);
      expect(ids(res.body)).toContain(c.candidates.postId);
      if (options.suggestions) expect(res.body.suggestion).toBe('kandidaatstelling');
    });
  });

  describe('filters', () => {
    it('by category', async () => {
      const res = await search(member, { q: 'fusie', category: 'campagne' });
      expect(ids(res.body)).toEqual([c.flyers.postId]);
      expect(res.body.hits[0]).toMatchObject({ categorySlug: 'campagne', title: 'Flyeren op de markt', threadId: c.flyers.threadId, author: { id: anna.id, displayName: 'Anna de Vries' } });
    });

    it('by author', async () => {
      const res = await search(member, { q: 'fusie', author: bert.id });
      expect(ids(res.body).sort()).toEqual([c.fusionReply, c.script.postId].sort());
    });

    it('within one thread', async () => {
      const res = await search(member, { q: 'fusie', thread: c.fusion.threadId });
      expect(ids(res.body).sort()).toEqual([c.fusion.postId, c.fusionReply].sort());
    });

    it('by period (to includes that day)', async () => {
      expect(ids((await search(member, { q: 'gemeenteraad', to: '2020-03-01' })).body)).toEqual([c.old.postId]);
      expect(ids((await search(member, { q: 'gemeenteraad', from: '2020-03-02' })).body)).toEqual([]);
      expect(ids((await search(member, { q: 'gemeenteraad', from: '2020-01-01', to: '2020-12-31T00:00:00Z' })).body)).toEqual([c.old.postId]);
    });
  });

  it('pages through many hits without repeats', async () => {
    const first = await search(member, { q: 'begroting' });
    expect(first.body.hits).toHaveLength(20);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await search(member, { q: 'begroting', cursor: first.body.nextCursor! });
    expect(second.body.hits).toHaveLength(5);
    expect(second.body.nextCursor).toBeNull();
    expect(new Set([...ids(first.body), ...ids(second.body)]).size).toBe(25);
  });

  it('ranks a title match above a body mention', async () => {
    const res = await search(member, { q: 'fusie' });
    const order = ids(res.body);
    expect(order.indexOf(c.fusion.postId)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(c.fusion.postId)).toBeLessThan(order.indexOf(c.flyers.postId));
  });

  describe('permissions', () => {
    it('never shows hidden or deleted posts, or posts of hidden threads, not even in snippets', async () => {
      for (const q of ['geheimwoord', 'verwijderdwoord', 'schuilwoord', 'verstopt']) {
        const res = await search(member, { q });
        expect(res.status).toBe(200);
        expect(res.body.hits, q).toEqual([]);
        expect(res.body.suggestion).toBeUndefined();
      }
      const all = await search(member, { q: 'fusie' });
      expect(ids(all.body)).not.toContain(c.hidden);
      expect(ids(all.body)).not.toContain(c.deleted);
      expect(ids(all.body)).not.toContain(c.hiddenThread.postId);
      expect(JSON.stringify(all.body)).not.toMatch(/geheimwoord|verwijderdwoord|schuilwoord|Verstopt/);
    });

    it('offers no suggestion that only a hidden post contains', async () => {
      const res = await search(member, { q: 'geheimwoordd' });
      expect(res.body.hits).toEqual([]);
      expect(res.body.suggestion).toBeUndefined();
    });

    it('drops a post hidden a moment ago even before the index heard of it', async () => {
      const post = await (await import('../../server/dev/factories.js')).makePost(t.db, anna, c.fusion.threadId, { body: 'Een zeldzaamwoord dat zo verdwijnt.' });
      await t.app.searchService.drainOutbox();
      expect(ids((await search(member, { q: 'zeldzaamwoord' })).body)).toEqual([post]);
      await hidePost(t, post);
      expect(ids((await search(member, { q: 'zeldzaamwoord' })).body)).toEqual([]);
      await t.app.searchService.drainOutbox();
      expect(ids((await search(member, { q: 'zeldzaamwoord' })).body)).toEqual([]);
    });

    it('answers 401 to guests and 403 to pending accounts', async () => {
      expect((await search(t.guest(), { q: 'fusie' })).status).toBe(401);
      const { client: pending } = await t.login({ status: 'pending' });
      expect((await search(pending, { q: 'fusie' })).status).toBe(403);
    });
  });

  it('escapes markup from posts in snippets and adds only <mark>', async () => {
    const res = await search(member, { q: 'vet fusie' });
    const hit = res.body.hits.find((h) => h.postId === c.script.postId);
    expect(hit).toBeDefined();
    expect(hit!.snippetHtml).toMatch(ONLY_MARKS);
    // PostgreSQL's headline drops what its parser takes for tags (<script>, <b>) but keeps the rest verbatim: escaping is what protects.
    expect(hit!.snippetHtml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hit!.snippetHtml).toContain('&amp;');
    expect(hit!.snippetHtml).not.toMatch(/<(script|b|img)/);
    expect(hit!.snippetHtml).toContain('<mark>');
    for (const h of (await search(member, { q: 'fusie' })).body.hits) expect(h.snippetHtml).toMatch(ONLY_MARKS);
  });

  describe('bad input', () => {
    it('refuses an empty, blank or 10,000-character query with 400', async () => {
      for (const q of ['', '   ', 'fusie '.repeat(2000)]) {
        const res = await search(member, { q });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ error: { code: 'invalid_input', field: 'q' } });
      }
      expect((await member.get('/api/search')).status).toBe(400);
    });

    it('answers operators or stop words alone with an empty result', async () => {
      for (const q of ['-', '""', 'OF', '- OF "" -', 'de het een', '!!! ???', '&|<->:*']) {
        const res = await search(member, { q });
        expect(res.status, q).toBe(200);
        expect(res.body.hits, q).toEqual([]);
      }
    });

    it('refuses an unknown category, a bad date and a bad cursor with 400', async () => {
      const cases: [Record<string, string | number>, string, string][] = [
        [{ q: 'fusie', category: 'bestaat-niet' }, 'unknown_category', 'category'],
        [{ q: 'fusie', from: 'gisteren-x' }, 'invalid_date', 'from'],
        [{ q: 'fusie', to: '2020-13-45' }, 'invalid_date', 'to'],
        [{ q: 'fusie', cursor: 'kapot' }, 'invalid_cursor', 'cursor'],
        [{ q: 'fusie', cursor: Buffer.from(JSON.stringify([99999, 0, ''])).toString('base64url') }, 'invalid_cursor', 'cursor'],
        [{ q: 'fusie', author: 'abc' }, 'invalid_input', 'author'],
      ];
      for (const [params, code, field] of cases) {
        const res = await search(member, params);
        expect(res.status, JSON.stringify(params)).toBe(400);
        expect(res.body).toMatchObject({ error: { code, field } });
      }
    });
  });
}

async function emailOf(t: TestApp, userId: number): Promise<string> {
  const { users } = await import('../../server/db/schema.js');
  const { eq } = await import('drizzle-orm');
  const [row] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row!.email;
}
