import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/auth/types.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { hide } from '../../server/forum/post-hiding.js';
import { hideThread } from '../../server/forum/thread-hiding.js';
import { SUGGESTIONS } from '../../server/members/suggest.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

type Suggestions = { members: { id: number; displayName: string }[] };
type ErrorBody = { error: { code: string; message: string; field?: string } };

const URL = '/api/members/suggest';

let t: TestApp;
let member: TestClient;
let fatima: CurrentUser;
let fatimaB: CurrentUser;
let vanDerFat: CurrentUser;
let defat: CurrentUser;

beforeAll(async () => {
  t = await buildTestApp();
  ({ client: member } = await t.login({ displayName: 'Vrager' }));
  // Made in an order that is not the answer's order.
  defat = await makeUser(t.db, { displayName: 'Ondefatsoenlijk', email: 'defat@example.nl' });
  vanDerFat = await makeUser(t.db, { displayName: 'Jan van der Fats' });
  fatimaB = await makeUser(t.db, { displayName: 'Fatima Bakkali' });
  fatima = await makeUser(t.db, { displayName: 'Fátima Achahbar', email: 'fatima@example.nl' });
  await makeUser(t.db, { displayName: 'Fatou Wachtend', status: 'pending' });
  await makeUser(t.db, { displayName: 'Fatih Geschorst', status: 'suspended' });
  await makeUser(t.db, { displayName: 'Fats Afgewezen', status: 'rejected' });
});
afterAll(() => t.close());

const names = (res: { body: Suggestions }) => res.body.members.map((m) => m.displayName);

describe('GET /api/members/suggest', () => {
  it('is declared for members', () => {
    expect(t.app.accessTable).toContainEqual(expect.objectContaining({ method: 'GET', url: URL, auth: 'member' }));
  });

  it('offers active members: names that start with the text first, then a word that does, then the rest', async () => {
    const res = await member.get<Suggestions>(`${URL}?q=fat`);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['Fátima Achahbar', 'Fatima Bakkali', 'Jan van der Fats', 'Ondefatsoenlijk']);
    expect(res.body.members[0]).toEqual({ id: fatima.id, displayName: 'Fátima Achahbar' });
  });

  it('ignores case, accents and a leading @', async () => {
    expect(names(await member.get<Suggestions>(`${URL}?q=${encodeURIComponent('@FÁTIMA a')}`))).toEqual(['Fátima Achahbar']);
  });

  it('never offers pending, suspended or rejected accounts, nor anything but id and name', async () => {
    const res = await member.get<Suggestions>(`${URL}?q=f`);
    expect(names(res)).not.toEqual(expect.arrayContaining(['Fatou Wachtend']));
    for (const hidden of ['Fatou Wachtend', 'Fatih Geschorst', 'Fats Afgewezen']) expect(names(res)).not.toContain(hidden);
    for (const m of res.body.members) expect(Object.keys(m).sort()).toEqual(['displayName', 'id']);
    expect(JSON.stringify(res.body)).not.toContain('@example.nl');
    // An address is no name: searching one finds nobody.
    expect(names(await member.get<Suggestions>(`${URL}?q=fatima%40example`))).toEqual([]);
  });

  it(`answers at most ${SUGGESTIONS}`, async () => {
    for (let i = 0; i < SUGGESTIONS + 2; i++) await makeUser(t.db, { displayName: `Zeventig ${i}` });
    expect(names(await member.get<Suggestions>(`${URL}?q=zeventig`))).toHaveLength(SUGGESTIONS);
  });

  it("puts the thread's writers first, counting only posts the asker may see", async () => {
    const { threadId } = await makeThread(t.db, defat, { body: 'Wie schrijft er mee?' });
    await makePost(t.db, vanDerFat, threadId, { body: 'Ik!' });
    const hiddenReply = await makePost(t.db, fatimaB, threadId, { body: 'Ik ook, maar verborgen' });
    await t.db.transaction((tx) => hide(tx, hiddenReply, 'Test'));
    const res = await member.get<Suggestions>(`${URL}?q=fat&threadId=${threadId}`);
    expect(names(res)).toEqual(['Jan van der Fats', 'Ondefatsoenlijk', 'Fátima Achahbar', 'Fatima Bakkali']);
    // A moderator sees the hidden reply, so its writer counts for her.
    const { client: moderator } = await t.login({ role: 'moderator' });
    expect(names(await moderator.get<Suggestions>(`${URL}?q=fat&threadId=${threadId}`)).slice(0, 3)).toEqual([
      'Fatima Bakkali',
      'Jan van der Fats',
      'Ondefatsoenlijk',
    ]);
  });

  it('answers 404 for a thread the asker may not see, or that does not exist', async () => {
    const { threadId } = await makeThread(t.db, vanDerFat, { body: 'Dit wordt verborgen' });
    await t.db.transaction((tx) => hideThread(tx, threadId));
    for (const id of [threadId, 999_999]) {
      const res = await member.get<ErrorBody>(`${URL}?q=fat&threadId=${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('refuses guests (401), pending and suspended accounts (403)', async () => {
    expect((await t.guest().get<ErrorBody>(`${URL}?q=fat`)).status).toBe(401);
    const { client: pending } = await t.login({ status: 'pending' });
    const asPending = await pending.get<ErrorBody>(`${URL}?q=fat`);
    expect(asPending.status).toBe(403);
    expect(asPending.body.error.code).toBe('account_pending');
    const { client: suspended } = await t.login({ status: 'suspended' });
    expect((await suspended.get<ErrorBody>(`${URL}?q=fat`)).status).toBe(403);
  });

  it('refuses an empty, too long or malformed query with a Dutch 400', async () => {
    for (const query of ['', 'q=', `q=${'a'.repeat(61)}`, 'q=fat&threadId=0', 'q=fat&threadId=abc']) {
      const res = await member.get<ErrorBody>(`${URL}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    // Only invisible characters: no name holds nothing.
    expect(names(await member.get<Suggestions>(`${URL}?q=%E2%80%8B`))).toEqual([]);
  });
});
