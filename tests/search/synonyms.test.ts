import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { SynonymGroup, SynonymList } from '../../shared/api/search.js';
import type { SynonymSet } from '../../server/search/analysis/types.js';
import { SearchUnavailableError } from '../../server/search/errors.js';
import type { SearchIndex } from '../../server/search/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { takeServerErrors } from '../helpers/log-capture.js';

const URL = '/api/admin/search-synonyms';

let t: TestApp;
let admin: TestClient;
let engine: SearchIndex;
/** What the engine was last given (each test reads what its own change sent). */
let sent: SynonymSet[][] = [];

/** The engine in use, with setSynonyms recorded and, when `down`, failing as an engine that is away does. */
function recordingEngine(real: SearchIndex, down: () => boolean): SearchIndex {
  return new Proxy(real, {
    get(target, key, receiver) {
      if (key === 'setSynonyms') {
        return async (sets: readonly SynonymSet[]) => {
          if (down()) throw new SearchUnavailableError('engine down');
          sent.push([...sets]);
          return target.setSynonyms(sets);
        };
      }
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

let engineDown = false;

beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  admin = (await t.login({ role: 'admin' })).client;
  engine = t.app.searchService.index;
  t.app.searchService.index = recordingEngine(engine, () => engineDown);
});
afterAll(() => t.close());
afterEach(() => {
  engineDown = false;
  sent = [];
});

const add = (client: TestClient, terms: unknown) => client.post<SynonymGroup & ErrorBody>(URL, { terms });
const change = (client: TestClient, id: number, terms: unknown) => client.request<SynonymGroup & ErrorBody>('PUT', `${URL}/${id}`, { terms });
const list = async () => (await admin.get<SynonymList>(URL)).body.groups;

describe('the synonym list for admins', () => {
  it('lists the seeded groups, adds, changes and deletes a group, and gives the engine the new list each time', async () => {
    const before = await list();
    expect(before.map((g) => g.terms)).toContainEqual(['alv', 'algemene ledenvergadering', 'ledenvergadering']);

    const added = await add(admin, ['  Kascommissie ', 'KASCONTROLE   commissie', 'kascommissie']);
    expect(added.status).toBe(201);
    expect(added.body.terms).toEqual(['kascommissie', 'kascontrole commissie']);
    expect(new Date(added.body.updatedAt).getTime()).not.toBeNaN();
    expect(sent.at(-1)).toContainEqual({ terms: ['kascommissie', 'kascontrole commissie'] });
    expect((await list()).find((g) => g.id === added.body.id)?.terms).toEqual(['kascommissie', 'kascontrole commissie']);
    // The search service reads the same list (the cache was dropped).
    expect(await t.app.searchService.synonyms.current()).toContainEqual({ terms: ['kascommissie', 'kascontrole commissie'] });

    const changed = await change(admin, added.body.id, ['kascommissie', 'kascontrolecommissie', 'Commissie van onderzoek']);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: added.body.id, terms: ['kascommissie', 'kascontrolecommissie', 'commissie van onderzoek'] });
    expect(sent.at(-1)).toContainEqual({ terms: ['kascommissie', 'kascontrolecommissie', 'commissie van onderzoek'] });
    expect(sent.at(-1)).not.toContainEqual({ terms: ['kascommissie', 'kascontrole commissie'] });

    const deleted = await admin.delete(`${URL}/${added.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await list()).some((g) => g.id === added.body.id)).toBe(false);
    expect(sent.at(-1)?.some((s) => s.terms.includes('kascommissie'))).toBe(false);
    expect(await t.app.searchService.synonyms.current()).not.toContainEqual({ terms: ['kascommissie', 'kascontrolecommissie', 'commissie van onderzoek'] });
  });

  it('refuses what cannot be a synonym group, in Dutch, and changes nothing', async () => {
    const before = await list();
    const refused = async (terms: unknown, field: string, code?: string) => {
      const res = await add(admin, terms);
      expect(res.status, JSON.stringify(terms)).toBe(400);
      expect(res.body.error.field).toBe(field);
      if (code) expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(/[a-z]/);
    };
    await refused(['raad', ' RAAD  '], 'terms', 'synonym_too_few');
    await refused(['raad'], 'terms');
    await refused([], 'terms');
    await refused('raad, gemeenteraad', 'terms');
    await refused(['raad', '   '], 'terms.1');
    await refused(['raad', 'x'.repeat(61)], 'terms.1');
    await refused(Array.from({ length: 11 }, (_, i) => `woord${i}`), 'terms');
    await refused(['raad', '"gemeenteraad"'], 'terms.1', 'synonym_quote');
    await refused(['auto’s', 'wagens'], 'terms.0', 'synonym_quote');
    await refused(['raad', '?!…'], 'terms.1', 'synonym_no_word');
    expect((await admin.post<ErrorBody>(URL, {})).body.error.field).toBe('terms');
    expect(await list()).toEqual(before);
    expect(sent).toEqual([]);

    const mine = await add(admin, ['wethouder', 'schepen']);
    const res = await change(admin, mine.body.id, ['wethouder', 'Wethouder']);
    expect(res.status).toBe(400);
    expect((await list()).find((g) => g.id === mine.body.id)?.terms).toEqual(['wethouder', 'schepen']);
    await admin.delete(`${URL}/${mine.body.id}`);
  });

  it('answers 404 for a group that does not exist, 400 for an id that cannot be one', async () => {
    const gone = await add(admin, ['griffie', 'griffier']);
    await admin.delete(`${URL}/${gone.body.id}`);
    const put = await change(admin, gone.body.id, ['griffie', 'griffier']);
    expect(put.status).toBe(404);
    expect(put.body.error.code).toBe('not_found');
    expect((await admin.delete<ErrorBody>(`${URL}/${gone.body.id}`)).status).toBe(404);
    expect((await admin.delete<ErrorBody>(`${URL}/abc`)).status).toBe(400);
    expect((await change(admin, 0, ['a1', 'b1'])).status).toBe(400);
  });

  it('lets only admins in: guests 401, members and moderators 403, suspended admins neither', async () => {
    const mine = await add(admin, ['motie', 'voorstel']);
    const guest = t.guest();
    expect((await guest.get<ErrorBody>(URL)).status).toBe(401);
    expect((await guest.post<ErrorBody>(URL, { terms: ['a1', 'b1'] })).status).toBe(401);
    for (const role of ['member', 'moderator'] as const) {
      const { client } = await t.login({ role });
      expect((await client.get<ErrorBody>(URL)).status, role).toBe(403);
      expect((await add(client, ['a1', 'b1'])).status, role).toBe(403);
      expect((await change(client, mine.body.id, ['a1', 'b1'])).status, role).toBe(403);
      expect((await client.delete(`${URL}/${mine.body.id}`)).status, role).toBe(403);
    }
    // An admin account that is suspended reads nothing here either.
    const suspended = await t.login({ role: 'admin', status: 'suspended' });
    expect((await suspended.client.get<ErrorBody>(URL)).status).toBe(403);
    expect((await suspended.client.delete(`${URL}/${mine.body.id}`)).status).toBe(403);
    expect((await list()).find((g) => g.id === mine.body.id)?.terms).toEqual(['motie', 'voorstel']);
    // Without the CSRF token, a logged-in admin's browser cannot be made to change the list.
    expect((await admin.post(URL, { terms: ['a1', 'b1'] }, { csrf: false })).status).toBe(403);
    await admin.delete(`${URL}/${mine.body.id}`);
  });

  it('keeps a change when the engine is away, and logs it instead of failing', async () => {
    engineDown = true;
    const res = await add(admin, ['begroting', 'programmabegroting']);
    expect(res.status).toBe(201);
    expect((await list()).find((g) => g.id === res.body.id)?.terms).toEqual(['begroting', 'programmabegroting']);
    // The engine gets it with the next change or at its next setup.
    engineDown = false;
    await admin.delete(`${URL}/${res.body.id}`);
    expect(sent).toHaveLength(1);
    expect(takeServerErrors()).toEqual([]);
  });
});
