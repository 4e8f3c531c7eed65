import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/auth/types.js';
import type { SearchIndex } from '../../server/search/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { hidePost, hideThread, makeCorpus, search, similar, type SearchResponseBody } from './fixtures.js';

export interface ContractOptions {
  /** Replaces the app's engine (e.g. Meilisearch on a test index); undefined keeps the configured one. */
  makeIndex?: (t: TestApp) => Promise<SearchIndex>;
  env?: Record<string, string>;
  /** The engine stems Dutch (fusie/fusies, kandidaat/kandidaten) rather than relying on typo tolerance. */
  dutchStemming: boolean;
  /**
   * Typos are corrected by the service from the engine's corrections (PostgreSQL: trigrams over known words): a typo
   * answers resultsFor = the corrected query. Meilisearch tolerates typos itself and answers for the typed words.
   */
  corrections: boolean;
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
  /** The threads found, in order. */
  const ids = (body: SearchResponseBody) => body.hits.map((h) => h.threadId);
  /** The best post of each thread found. */
  const posts = (body: SearchResponseBody) => body.hits.map((h) => h.postId);

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
        expect(ids(res.body), q).toContain(c.candidates.threadId);
      }
    });

    it.runIf(options.dutchStemming)('matches fusie and fusies both ways', async () => {
      const single = await search(member, { q: 'fusie' });
      expect(ids(single.body)).toEqual(expect.arrayContaining([c.fusion.threadId, c.flyers.threadId, c.script.threadId]));
      const plural = await search(member, { q: 'fusies' });
      expect(ids(plural.body)).toEqual(expect.arrayContaining([c.fusion.threadId, c.flyers.threadId]));
    });

    it('finds a word family: fuseren finds fusie and gefuseerd', async () => {
      const res = await search(member, { q: 'fuseren' });
      expect(res.body).toMatchObject({ query: 'fuseren', resultsFor: 'fuseren', match: 'all' });
      expect(ids(res.body)).toEqual(expect.arrayContaining([c.fusion.threadId, c.merged.threadId]));
      expect(res.body.suggestion).toBeUndefined();
    });

    it('finds a word regardless of accents and case', async () => {
      const res = await search(member, { q: 'GEMEENTEBELANGEN' });
      expect(ids(res.body)).toContain(c.fusion.threadId);
    });
  });

  describe('synonyms from the admins\' list', () => {
    it('finds "algemene ledenvergadering" for alv and ALV for "algemene ledenvergadering"', async () => {
      const short = await search(member, { q: 'alv' });
      expect(ids(short.body)).toEqual(expect.arrayContaining([c.fusion.threadId, c.assembly.threadId]));
      const long = await search(member, { q: 'algemene ledenvergadering' });
      expect(ids(long.body)).toEqual(expect.arrayContaining([c.fusion.threadId, c.assembly.threadId]));
      expect(short.body.resultsFor).toBe('alv');
    });
  });

  describe('results are threads', () => {
    it('shows a thread once, through a post whose own text matches, with the number of matching posts', async () => {
      const res = await search(member, { q: 'kascontrole' });
      expect(ids(res.body)).toEqual([c.audit.threadId]);
      const [hit] = res.body.hits;
      expect(hit!.matchingPosts).toBe(4);
      const saying = [c.auditReplies[0], c.auditReplies[2], c.auditReplies[3]];
      expect(saying).toContain(hit!.postId);
      expect(hit!.snippetHtml).toContain('<mark>');
      expect(hit).toMatchObject({ title: 'De kascontrole van dit jaar', categorySlug: 'algemeen' });
    });

    it('shows the opening post when only the title matches', async () => {
      const res = await search(member, { q: 'Jaarlijkse cijfers 7' });
      const hit = res.body.hits.find((h) => h.threadId === c.budget[7]!.threadId);
      expect(hit?.postId).toBe(c.budget[7]!.postId);
    });

    it('sorts by the newest matching post when asked', async () => {
      const res = await search(member, { q: 'fusie', sort: 'newest' });
      expect(ids(res.body)).toEqual([c.merged.threadId, c.script.threadId, c.flyers.threadId, c.fusion.threadId]);
      const relevance = await search(member, { q: 'fusie' });
      expect(ids(relevance.body)[0]).toBe(c.fusion.threadId);
    });
  });

  describe('query syntax', () => {
    it('matches a quoted phrase only in that order', async () => {
      const res = await search(member, { q: '"historisch besluit"' });
      expect(ids(res.body)).toEqual([c.fusion.threadId]);
      expect(posts(res.body)).toEqual([c.fusionReply]);
      expect(ids((await search(member, { q: '"besluit historisch"' })).body)).toEqual([]);
    });

    it('excludes a -word', async () => {
      const res = await search(member, { q: 'fusie -ALV' });
      const hit = res.body.hits.find((h) => h.threadId === c.fusion.threadId);
      // The thread's opening post matches; the reply that says ALV does not.
      expect(hit?.postId).toBe(c.fusion.postId);
      expect(posts(res.body)).not.toContain(c.fusionReply);
    });

    it('treats OF as or, and words without it as and', async () => {
      const either = await search(member, { q: 'flyeren OF kandidatenlijst' });
      expect(ids(either.body)).toEqual(expect.arrayContaining([c.flyers.threadId, c.candidates.threadId]));
      const both = await search(member, { q: 'flyeren kandidatenlijst' });
      expect(both.body.match === 'some' || both.body.hits.length === 0).toBe(true);
      expect(both.body.hits.every((h) => h.threadId !== c.script.threadId)).toBe(true);
    });

    it('still finds the thread when a word has a typo', async () => {
      const res = await search(member, { q: 'kandidaatsteling' });
      expect(res.status).toBe(200);
      expect(ids(res.body)).toContain(c.candidates.threadId);
    });

    it('never replaces a typed query silently: a typo that finds nothing answers for the correction, and says so', async () => {
      const res = await search(member, { q: 'gemeentebelagen' });
      expect(ids(res.body)).toContain(c.fusion.threadId);
      expect(res.body.query).toBe('gemeentebelagen');
      expect(res.body.resultsFor).toBe(options.corrections ? 'gemeentebelangen' : 'gemeentebelagen');
      expect(res.body.match).toBe('all');
      expect(res.body.suggestion).toBeUndefined();
    });

    it('never replaces a query that finds something', async () => {
      for (const q of ['flyeren', 'fuseren', 'markt']) {
        const res = await search(member, { q });
        expect(res.body.hits.length, q).toBeGreaterThan(0);
        expect(res.body.resultsFor, q).toBe(q);
        expect(res.body.match, q).toBe('all');
      }
    });

    it('answers the threads with most of the words when none has them all', async () => {
      const res = await search(member, { q: 'jongeren actief begroting' });
      expect(res.body).toMatchObject({ query: 'jongeren actief begroting', resultsFor: 'jongeren actief begroting', match: 'some' });
      expect(ids(res.body)[0]).toBe(c.youth.threadId);
    });
  });

  describe('filters', () => {
    it('by category', async () => {
      const res = await search(member, { q: 'fusie', category: 'campagne' });
      expect(ids(res.body)).toEqual([c.flyers.threadId]);
      expect(res.body.hits[0]).toMatchObject({
        categorySlug: 'campagne',
        title: 'Flyeren op de markt',
        postId: c.flyers.postId,
        matchingPosts: 1,
        author: { id: anna.id, displayName: 'Anna de Vries' },
      });
    });

    it('by author: only that author\'s posts count', async () => {
      const res = await search(member, { q: 'fusie', author: bert.id });
      expect(ids(res.body).sort()).toEqual([c.fusion.threadId, c.script.threadId, c.merged.threadId].sort());
      expect(posts(res.body).sort()).toEqual([c.fusionReply, c.script.postId, c.merged.postId].sort());
    });

    it('within one thread', async () => {
      const res = await search(member, { q: 'fusie', thread: c.fusion.threadId });
      expect(ids(res.body)).toEqual([c.fusion.threadId]);
      expect(res.body.hits[0]!.matchingPosts).toBe(2);
    });

    it('by period (to includes that day)', async () => {
      expect(ids((await search(member, { q: 'gemeenteraad', to: '2020-03-01' })).body)).toEqual([c.old.threadId]);
      expect(ids((await search(member, { q: 'gemeenteraad', from: '2020-03-02' })).body)).toEqual([]);
      expect(ids((await search(member, { q: 'gemeenteraad', from: '2020-01-01', to: '2020-12-31T00:00:00Z' })).body)).toEqual([c.old.threadId]);
    });
  });

  it('pages through many threads without repeats, continuing the same question', async () => {
    const first = await search(member, { q: 'begroting' });
    expect(first.body.hits).toHaveLength(20);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await search(member, { q: 'begroting', cursor: first.body.nextCursor! });
    expect(second.body.hits).toHaveLength(5);
    expect(second.body.nextCursor).toBeNull();
    expect(new Set([...ids(first.body), ...ids(second.body)])).toEqual(new Set(c.budget.map((b) => b.threadId)));
    for (const sort of ['newest', 'relevance']) {
      const a = await search(member, { q: 'begroting', sort });
      const b = await search(member, { q: 'begroting', sort, cursor: a.body.nextCursor! });
      expect(new Set([...ids(a.body), ...ids(b.body)]).size, sort).toBe(25);
    }
  });

  it('ranks a title match above a body mention', async () => {
    const order = ids((await search(member, { q: 'fusie' })).body);
    expect(order.indexOf(c.fusion.threadId)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(c.fusion.threadId)).toBeLessThan(order.indexOf(c.flyers.threadId));
  });

  describe('permissions', () => {
    it('never shows hidden or deleted posts, or posts of hidden threads, not even in snippets', async () => {
      const secret = /geheimwoord|verwijderdwoord|schuilwoord|Verstopt/;
      const hiddenPosts = [c.hidden, c.deleted, c.hiddenThread.postId];
      for (const q of ['geheimwoord', 'verwijderdwoord', 'schuilwoord', 'verstopt']) {
        const res = await search(member, { q });
        expect(res.status).toBe(200);
        // A correction to another, visible word may answer (under its own heading); nothing hidden may.
        if (res.body.resultsFor === q) expect(res.body.hits, q).toEqual([]);
        expect(posts(res.body).some((id) => hiddenPosts.includes(id)), q).toBe(false);
        expect(withoutTyped(res.body, q), q).not.toMatch(secret);
        expect(res.body.suggestion).toBeUndefined();
      }
      const all = await search(member, { q: 'fusie' });
      expect(posts(all.body)).not.toContain(c.hidden);
      expect(posts(all.body)).not.toContain(c.deleted);
      expect(ids(all.body)).not.toContain(c.hiddenThread.threadId);
      expect(JSON.stringify(all.body)).not.toMatch(/geheimwoord|verwijderdwoord|schuilwoord|Verstopt/);
      // The candidates thread says "fusie" only in its hidden and deleted posts.
      expect(ids(all.body)).not.toContain(c.candidates.threadId);
    });

    it('offers no correction or suggestion that only a hidden post contains', async () => {
      for (const q of ['geheimwoordd', 'schuilwoordd']) {
        const res = await search(member, { q });
        expect(res.body.suggestion).toBeUndefined();
        expect(withoutTyped(res.body, q), q).not.toMatch(/geheimwoord|schuilwoord/);
      }
    });

    it('drops a post hidden a moment ago even before the index heard of it', async () => {
      const post = await (await import('../../server/dev/factories.js')).makePost(t.db, anna, c.fusion.threadId, { body: 'Een zeldzaamwoord dat zo verdwijnt.' });
      await t.app.searchService.drainOutbox();
      expect(posts((await search(member, { q: 'zeldzaamwoord' })).body)).toEqual([post]);
      await hidePost(t, post);
      expect(ids((await search(member, { q: 'zeldzaamwoord' })).body)).toEqual([]);
      await t.app.searchService.drainOutbox();
      expect(ids((await search(member, { q: 'zeldzaamwoord' })).body)).toEqual([]);
    });

    it('still finds a thread whose opening post is hidden, by its replies and its title, showing a reply; nothing of that post', async () => {
      const { makePost, makeThread } = await import('../../server/dev/factories.js');
      const thread = await makeThread(t.db, anna, { category: 'campagne', title: 'Aanplakzuilen in Zwolle', body: 'Wie heeft de sleutel van de lijmemmer?' });
      const reply = await makePost(t.db, bert, thread.threadId, { body: 'De plakkwast ligt in het partijlokaal.' });
      await t.app.searchService.drainOutbox();
      expect(posts((await search(member, { q: 'lijmemmer' })).body)).toEqual([thread.postId]);

      await hidePost(t, thread.postId);
      // Nothing of the hidden post shows, before the index heard of it and after.
      for (const indexed of [false, true]) {
        if (indexed) await t.app.searchService.drainOutbox();
        const hidden = await search(member, { q: 'lijmemmer' });
        expect(hidden.status).toBe(200);
        // A correction to another, visible word may answer (under its own heading); the hidden post may not.
        if (hidden.body.resultsFor === 'lijmemmer') expect(hidden.body.hits, `${indexed}`).toEqual([]);
        expect(posts(hidden.body), `${indexed}`).not.toContain(thread.postId);
        expect(withoutTyped(hidden.body, 'lijmemmer'), `${indexed}`).not.toMatch(/lijmemmer|sleutel/);
        for (const q of ['plakkwast', 'aanplakzuilen']) {
          const res = await search(member, { q });
          expect(posts(res.body), `${q} ${indexed}`).not.toContain(thread.postId);
          expect(JSON.stringify(res.body), `${q} ${indexed}`).not.toMatch(/lijmemmer|sleutel/);
        }
      }
      // The thread is found by a reply's words and by its title (every post carries it): the hit shows the reply.
      for (const q of ['plakkwast', 'aanplakzuilen']) {
        const found = await search(member, { q });
        expect(ids(found.body), q).toEqual([thread.threadId]);
        expect(found.body.hits[0], q).toMatchObject({ postId: reply, title: 'Aanplakzuilen in Zwolle', author: { id: bert.id }, matchingPosts: 1 });
      }
      // Members still see the thread, so "Vergelijkbare discussies" still offers it.
      expect((await similar(member, { title: 'Aanplakzuilen in Zwolle?' })).body.threads.map((th) => th.threadId)).toContain(thread.threadId);
    });

    it('finds nothing of a hidden thread: not its title, its opening post or its replies', async () => {
      const { makePost, makeThread } = await import('../../server/dev/factories.js');
      const thread = await makeThread(t.db, anna, { category: 'campagne', title: 'Stickerplan voor Deventer', body: 'Een stapel sluitzegels ligt klaar.' });
      await makePost(t.db, bert, thread.threadId, { body: 'Ik breng de rolmaat.' });
      await t.app.searchService.drainOutbox();
      const words = ['stickerplan', 'sluitzegels', 'rolmaat'];
      for (const q of words) expect(ids((await search(member, { q })).body), q).toEqual([thread.threadId]);

      await hideThread(t, thread.threadId);
      // Before the index heard of it, and after.
      for (const indexed of [false, true]) {
        if (indexed) await t.app.searchService.drainOutbox();
        for (const q of words) {
          const res = await search(member, { q });
          expect(res.status).toBe(200);
          if (res.body.resultsFor === q) expect(res.body.hits, `${q} ${indexed}`).toEqual([]);
          expect(ids(res.body), `${q} ${indexed}`).not.toContain(thread.threadId);
          expect(withoutTyped(res.body, q), `${q} ${indexed}`).not.toMatch(/stickerplan|sluitzegels|rolmaat|Deventer/i);
        }
        expect((await similar(member, { title: 'Stickerplan voor Deventer?' })).body.threads.map((th) => th.threadId), `${indexed}`).not.toContain(thread.threadId);
      }
    });

    it('answers 401 to guests and 403 to pending accounts', async () => {
      expect((await search(t.guest(), { q: 'fusie' })).status).toBe(401);
      const { client: pending } = await t.login({ status: 'pending' });
      expect((await search(pending, { q: 'fusie' })).status).toBe(403);
    });
  });

  describe('similar threads ("Vergelijkbare discussies")', () => {
    it('finds threads like the title being typed, at most five, never a hidden one', async () => {
      const res = await similar(member, { title: 'Een fusie met een andere partij?' });
      expect(res.status).toBe(200);
      const found = res.body.threads.map((th) => th.threadId);
      expect(found).toContain(c.fusion.threadId);
      expect(found).not.toContain(c.hiddenThread.threadId);
      expect(found).not.toContain(c.candidates.threadId);
      expect(found.length).toBeLessThanOrEqual(5);
      expect(res.body.threads.find((th) => th.threadId === c.fusion.threadId)).toMatchObject({
        title: 'Fusie met Gemeentebelangen',
        categorySlug: 'fuseren',
        postCount: expect.any(Number),
        lastPostAt: expect.any(String),
      });
    });

    it('finds a thread with most of the words, and keeps to a category when given', async () => {
      const res = await similar(member, { title: 'Hoe worden jongeren actief lid?' });
      expect(res.body.threads.map((th) => th.threadId)).toContain(c.youth.threadId);
      const elsewhere = await similar(member, { title: 'Een fusie met een andere partij?', category: 'campagne' });
      expect(elsewhere.body.threads.map((th) => th.threadId)).not.toContain(c.fusion.threadId);
      expect((await similar(member, { title: 'de het een' })).body.threads).toEqual([]);
    });

    it('answers 401 to guests, 403 to pending accounts, and a Dutch 400 to bad input', async () => {
      expect((await similar(t.guest(), { title: 'fusie' })).status).toBe(401);
      const { client: pending } = await t.login({ status: 'pending' });
      expect((await similar(pending, { title: 'fusie' })).status).toBe(403);
      const cases: [Record<string, string>, string, string][] = [
        [{}, 'invalid_input', 'title'],
        [{ title: '' }, 'invalid_input', 'title'],
        [{ title: 'x'.repeat(201) }, 'invalid_input', 'title'],
        [{ title: 'fusie', category: 'bestaat-niet' }, 'unknown_category', 'category'],
      ];
      for (const [params, code, field] of cases) {
        const res = await similar(member, params);
        expect(res.status, JSON.stringify(params)).toBe(400);
        expect(res.body).toMatchObject({ error: { code, field, message: expect.stringMatching(/[a-z]/) } });
      }
    });
  });

  it('escapes markup from posts in snippets and adds only <mark>', async () => {
    const res = await search(member, { q: 'vet fusie' });
    const hit = res.body.hits.find((h) => h.postId === c.script.postId);
    expect(hit).toBeDefined();
    expect(hit!.snippetHtml).toMatch(ONLY_MARKS);
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
        [{ q: 'fusie', cursor: Buffer.from(JSON.stringify([99999, 0, 'fusie', 'all'])).toString('base64url') }, 'invalid_cursor', 'cursor'],
        [{ q: 'fusie', cursor: Buffer.from(JSON.stringify([20, 0, 'fusie', 'anders'])).toString('base64url') }, 'invalid_cursor', 'cursor'],
        [{ q: 'fusie', cursor: Buffer.from(JSON.stringify([20, 0, ' ', 'all'])).toString('base64url') }, 'invalid_cursor', 'cursor'],
        [{ q: 'fusie', sort: 'oudste' }, 'invalid_input', 'sort'],
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

/** The answer without the words the member typed, which it may echo. */
function withoutTyped(body: SearchResponseBody, q: string): string {
  return JSON.stringify({ ...body, query: '', resultsFor: body.resultsFor === q ? '' : body.resultsFor });
}

async function emailOf(t: TestApp, userId: number): Promise<string> {
  const { users } = await import('../../server/db/schema.js');
  const { eq } = await import('drizzle-orm');
  const [row] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row!.email;
}
