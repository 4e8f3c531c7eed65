import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../shared/api/search.js';
import { makeCategory, makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { addLink, addSection } from './fixtures.js';

let t: TestApp;
let admin: TestClient;
let member: TestClient;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  admin = (await t.login({ role: 'admin' })).client;
  member = (await t.login()).client;
  const handreikingen = (await addSection(admin, 'Handreikingen')).id;
  const kiesraad = (await addSection(admin, 'Kiesraad')).id;
  await addLink(admin, handreikingen, 'Handreiking fuseren van lokale partijen', 'Wat besturen regelen als twee partijen samengaan.', 'https://example.nl/fuseren');
  await addLink(admin, handreikingen, 'De algemene ledenvergadering voorbereiden', 'Agenda, stukken en stemmen <b>vooraf</b> & op tijd.', 'https://example.nl/alv');
  await addLink(admin, kiesraad, 'Kandidatenlijst indienen', 'Modellen en termijnen voor de gemeenteraadsverkiezingen.', 'https://www.kiesraad.nl/kandidaatstelling');
  expect((await admin.post('/api/admin/search-synonyms', { terms: ['alv', 'algemene ledenvergadering'] })).status).toBe(201);
});
afterAll(() => t.close());

const search = async (q: string, extra = '') => {
  const res = await member.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, q).toBe(200);
  return res.body;
};
const titles = async (q: string, extra = '') => (await search(q, extra)).guideLinks.map((l) => l.title);

describe(`Wegwijzer links in search (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  it('finds a link by another form of a word, a part of a compound and a synonym, as the forum search does', async () => {
    // fusie and fuseren share a root; "fusies" is a plural.
    expect(await titles('fusie')).toEqual(['Handreiking fuseren van lokale partijen']);
    expect(await titles('fusies partij')).toEqual(['Handreiking fuseren van lokale partijen']);
    // Compounds: the parts of kandidatenlijst and gemeenteraadsverkiezingen.
    expect(await titles('lijst')).toEqual(['Kandidatenlijst indienen']);
    expect(await titles('kandidaten verkiezing')).toEqual(['Kandidatenlijst indienen']);
    // The admins' synonyms: alv means algemene ledenvergadering.
    expect(await titles('alv')).toEqual(['De algemene ledenvergadering voorbereiden']);
    // Every word must match; a word no link has finds none.
    expect(await titles('fusie kiesraad')).toEqual([]);
    expect(await titles('begroting')).toEqual([]);
  });

  it('answers the link with its section and an escaped snippet, beside the discussions', async () => {
    const author = await t.login();
    await makeCategory(t.db, { slug: 'verenigingszaken', name: 'Verenigingszaken' });
    const { threadId } = await makeThread(t.db, author.user, { title: 'Hoe bereid je een fusie voor?', category: 'verenigingszaken' });
    await t.app.searchService.drainOutbox();
    const body = await search('fusie');
    expect(body.hits.map((h) => h.threadId)).toEqual([threadId]);
    expect(body.guideLinks).toEqual([
      {
        id: expect.any(Number),
        title: 'Handreiking fuseren van lokale partijen',
        url: 'https://example.nl/fuseren',
        description: 'Wat besturen regelen als twee partijen samengaan.',
        sectionName: 'Handreikingen',
        snippetHtml: 'Wat besturen regelen als twee partijen samengaan.',
      },
    ]);
    const alv = (await search('stemmen')).guideLinks[0]!;
    expect(alv.snippetHtml).toBe('Agenda, stukken en <mark>stemmen</mark> &lt;b&gt;vooraf&lt;/b&gt; &amp; op tijd.');
  });

  it('leaves links out of a search with filters and of later pages: they have no category, author or date', async () => {
    expect(await titles('fusie', '&from=2020-01-01')).toEqual([]);
    expect(await titles('fusie', '&status=solved')).toEqual([]);
    expect(await titles('fusie', '&sort=newest')).toEqual(['Handreiking fuseren van lokale partijen']);
    const first = await search('raad', '&category=verenigingszaken');
    expect(first.guideLinks).toEqual([]);
  });

  it('finds links in PostgreSQL whichever engine searches the forum', async () => {
    const engine = t.app.searchService.index;
    // An outside engine that knows no posts: the discussions come from it, the links never do.
    t.app.searchService.index = { ...engine, name: 'meilisearch', search: () => Promise.resolve({ hits: [], hasMore: false }), corrections: () => Promise.resolve(new Map()) };
    try {
      const body = await search('alv');
      expect(body.hits).toEqual([]);
      expect(body.guideLinks.map((l) => l.title)).toEqual(['De algemene ledenvergadering voorbereiden']);
    } finally {
      t.app.searchService.index = engine;
    }
  });
});
