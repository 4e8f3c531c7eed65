import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadPage } from '../../shared/api/forum.js';
import { MEMBER_DIRECTORY_PAGE, MEMBER_EXCERPT_MAX, type MemberDirectory, type MemberProfileBody } from '../../shared/api/members.js';
import type { User } from '../../shared/api/users.js';
import type { CurrentUser } from '../../server/auth/types.js';
import { makeCategory, makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { hide } from '../../server/forum/post-hiding.js';
import { hideThread } from '../../server/forum/thread-hiding.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

type ErrorBody = { error: { code: string; message: string; field?: string } };

/**
 * Members' pages and the directory (issue 14): what one member learns of another is the minimum, and only what the
 * asker may see herself. Anna writes in every kind of place below; members, a verified representative and a
 * moderator each read her page, and no number or list may tell them of a place closed to them or a removed post.
 */

let t: TestApp;
const ANNA_EMAIL = 'anna.page@example.nl';
const ANNA_PARTY = 'Zeeuwse Koers';
let anna: CurrentUser;
let annaClient: TestClient;
let bert: CurrentUser;
let bertClient: TestClient;
let rep: CurrentUser;
let repClient: TestClient;
let modClient: TestClient;
/** Ids of Anna's threads and posts, by what the test made them for. */
const ids = {} as Record<'open' | 'answer' | 'deleted' | 'hiddenAnswer' | 'repThread' | 'repThreadOpening' | 'repReply' | 'repAnswer' | 'modThread' | 'modOpening' | 'hiddenThread', number>;
let openingPost: number;

const page = (client: TestClient, id = anna.id) => client.get<MemberProfileBody>(`/api/members/${id}`);
const LONG_TEXT = `Wij zijn in ${'Middelburg en Vlissingen '.repeat(12)}samen opgetrokken bij de fusie van twee lokale partijen.`;

beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  ({ client: annaClient, user: anna } = await t.login({
    displayName: 'Anna Zeeuw',
    email: ANNA_EMAIL,
    party: ANNA_PARTY,
    municipality: 'Goes',
    representativeRole: 'raadslid',
    representativeVerified: true,
  }));
  ({ client: bertClient, user: bert } = await t.login({ displayName: 'Bert Vrager' }));
  ({ client: repClient, user: rep } = await t.login({ displayName: 'Rianne Raad', representativeVerified: true }));
  ({ client: modClient } = await t.login({ displayName: 'Mo Moderator', role: 'moderator' }));
  const { client: carlaClient } = await t.login({ displayName: 'Carla Lezer' });
  await makeCategory(t.db, { slug: 'alleen-raadsleden', access: 'representatives' });
  await makeCategory(t.db, { slug: 'alleen-moderatoren', access: 'moderators' });

  // Her own thread, open to every member, with a long opening post (the excerpt is cut).
  ({ threadId: ids.open, postId: openingPost } = await makeThread(t.db, anna, { title: 'Onze fusie in Zeeland', body: LONG_TEXT }));

  // Her reply, marked the best answer, thanked by Bert and found useful by Carla: 2 received.
  const { threadId: bertsQuestion } = await makeThread(t.db, bert, { title: 'Hoe fuseer je twee fracties?' });
  ids.answer = await makePost(t.db, anna, bertsQuestion, { body: 'Begin bij de leden: een gezamenlijke ALV.' });
  expect((await bertClient.put(`/api/threads/${bertsQuestion}/solution`, { postId: ids.answer })).status).toBe(200);
  expect((await bertClient.put(`/api/posts/${ids.answer}/reactions/thanks`)).status).toBe(200);
  expect((await carlaClient.put(`/api/posts/${ids.answer}/reactions/useful`)).status).toBe(200);

  // A reply she deleted herself after Bert thanked it: neither the post nor its thanks count.
  ids.deleted = await makePost(t.db, anna, bertsQuestion, { body: 'Dit trek ik in.' });
  expect((await bertClient.put(`/api/posts/${ids.deleted}/reactions/thanks`)).status).toBe(200);
  expect((await annaClient.delete(`/api/posts/${ids.deleted}`)).status).toBe(204);

  // A best answer, thanked, that moderation then hid: no post, no thanks, no best answer (nor solved) any more.
  const { threadId: otherQuestion } = await makeThread(t.db, bert, { title: 'Wie regelt de notaris?' });
  ids.hiddenAnswer = await makePost(t.db, anna, otherQuestion, { body: 'Bel mijn neef, die is notaris.' });
  expect((await bertClient.put(`/api/threads/${otherQuestion}/solution`, { postId: ids.hiddenAnswer })).status).toBe(200);
  expect((await bertClient.put(`/api/posts/${ids.hiddenAnswer}/reactions/thanks`)).status).toBe(200);
  await t.db.transaction((tx) => hide(tx, ids.hiddenAnswer, 'Reclame'));

  // In the representatives' category: her thread with a reply, and her best answer in Rianne's thread, thanked.
  ({ threadId: ids.repThread, postId: ids.repThreadOpening } = await makeThread(t.db, anna, { category: 'alleen-raadsleden', title: 'Vertrouwelijk: de coalitie' }));
  ids.repReply = await makePost(t.db, anna, ids.repThread, { body: 'Aanvulling voor de raadsleden.' });
  const { threadId: repsQuestion } = await makeThread(t.db, rep, { category: 'alleen-raadsleden', title: 'Moties samen indienen?' });
  ids.repAnswer = await makePost(t.db, anna, repsQuestion, { body: 'Ja, via het presidium.' });
  expect((await repClient.put(`/api/threads/${repsQuestion}/solution`, { postId: ids.repAnswer })).status).toBe(200);
  expect((await repClient.put(`/api/posts/${ids.repAnswer}/reactions/thanks`)).status).toBe(200);

  // In the moderators' category (made directly: a member could not post there), and a thread moderation hid.
  ({ threadId: ids.modThread, postId: ids.modOpening } = await makeThread(t.db, anna, { category: 'alleen-moderatoren', title: 'Alleen voor moderatoren' }));
  ({ threadId: ids.hiddenThread } = await makeThread(t.db, anna, { title: 'Een verborgen discussie' }));
  await t.db.transaction((tx) => hideThread(tx, ids.hiddenThread));
});
afterAll(() => t.close());

describe('GET /api/members/:id — her page', () => {
  it('counts and lists for a member only what every member reads in the categories open to members', async () => {
    const res = await page(bertClient);
    expect(res.status).toBe(200);
    expect(res.body.member).toEqual({
      id: anna.id,
      displayName: 'Anna Zeeuw',
      party: ANNA_PARTY,
      municipality: 'Goes',
      representativeRole: 'raadslid',
      representativeVerified: true,
      avatarUrl: null,
      memberSince: anna.createdAt.toISOString(),
    });
    expect(res.body.stats).toEqual({ threads: 1, posts: 2, bestAnswers: 1, thanksReceived: 2 });
    expect(res.body.threads.map((x) => x.id)).toEqual([ids.open]);
    expect(res.body.threads[0]).toMatchObject({ title: 'Onze fusie in Zeeland', categorySlug: 'algemeen', postCount: 1, solved: false });
    expect(res.body.posts.map((p) => p.id)).toEqual([ids.answer, openingPost]);
    expect(res.body.posts[0]).toMatchObject({ threadTitle: 'Hoe fuseer je twee fracties?', excerpt: 'Begin bij de leden: een gezamenlijke ALV.' });
    expect(res.body.bestAnswers.map((p) => p.id)).toEqual([ids.answer]);
    const text = JSON.stringify(res.body);
    for (const absent of ['Dit trek ik in', 'notaris', 'Vertrouwelijk', 'presidium', 'Alleen voor moderatoren', 'verborgen discussie', ANNA_EMAIL]) {
      expect(text, absent).not.toContain(absent);
    }
  });

  it('cuts the excerpt at a word, at most 200 characters, as plain text', async () => {
    const excerpt = (await page(bertClient)).body.posts.find((p) => p.id === openingPost)!.excerpt;
    expect(excerpt.length).toBeLessThanOrEqual(MEMBER_EXCERPT_MAX);
    expect(excerpt).toMatch(/^Wij zijn in Middelburg en Vlissingen .* …$/);
    expect(excerpt).not.toMatch(/[<>]/);
  });

  it('adds the representatives’ category for a verified representative, and the moderators’ for a moderator', async () => {
    const forRep = (await page(repClient)).body;
    expect(forRep.stats).toEqual({ threads: 2, posts: 5, bestAnswers: 2, thanksReceived: 3 });
    expect(forRep.threads.map((x) => x.id).sort()).toEqual([ids.open, ids.repThread].sort());
    expect(forRep.posts.map((p) => p.id)).toEqual([ids.repAnswer, ids.repReply, ids.repThreadOpening, ids.answer, openingPost]);
    expect(forRep.bestAnswers.map((p) => p.id)).toEqual([ids.repAnswer, ids.answer]);
    expect(JSON.stringify(forRep)).not.toContain('Alleen voor moderatoren');

    // Moderators enter every category, but her page never shows what moderation hid or she deleted, to anyone.
    const forMod = (await page(modClient)).body;
    expect(forMod.stats).toEqual({ threads: 3, posts: 6, bestAnswers: 2, thanksReceived: 3 });
    expect(forMod.threads.map((x) => x.id)).toContain(ids.modThread);
    expect(forMod.posts.map((p) => p.id)).toEqual([ids.modOpening, ids.repAnswer, ids.repReply, ids.repThreadOpening, ids.answer, openingPost]);
    const text = JSON.stringify(forMod);
    for (const absent of ['Dit trek ik in', 'notaris', 'verborgen discussie']) expect(text, absent).not.toContain(absent);
  });

  it('shows her the same as the others: not her own hidden or deleted posts either', async () => {
    const own = (await page(annaClient)).body;
    expect(own.stats).toEqual({ threads: 2, posts: 5, bestAnswers: 2, thanksReceived: 3 });
    expect(own.posts.map((p) => p.id)).not.toContain(ids.hiddenAnswer);
    expect(own.posts.map((p) => p.id)).not.toContain(ids.deleted);
  });

  it('counts a best answer only while her post is the solution of its thread', async () => {
    const { client: starter, user: starterUser } = await t.login();
    const { threadId } = await makeThread(t.db, starterUser, { title: 'Een vraag met een antwoord' });
    const reply = await makePost(t.db, anna, threadId, { body: 'Een tweede goed antwoord.' });
    expect((await starter.put(`/api/threads/${threadId}/solution`, { postId: reply })).status).toBe(200);
    expect((await page(bertClient)).body.stats.bestAnswers).toBe(2);
    // A thread that is no longer solved (its answer unmarked) counts no best answer.
    expect((await starter.delete(`/api/threads/${threadId}/solution`)).status).toBe(200);
    const after = (await page(bertClient)).body;
    expect(after.stats.bestAnswers).toBe(1);
    expect(after.stats.posts).toBe(3);
    expect(after.bestAnswers.map((p) => p.id)).toEqual([ids.answer]);
  });

  it('keeps to a fixed number of statements however much she wrote', async () => {
    const { user: quiet } = await t.login();
    await makeThread(t.db, quiet);
    const count = async (id: number) => {
      await page(bertClient, id); // a first request may write last_seen_at
      t.queries.length = 0;
      expect((await page(bertClient, id)).status).toBe(200);
      return t.queries.filter((q) => !/set last_seen_at/.test(q)).length;
    };
    const few = await count(quiet.id);
    const { threadId } = await makeThread(t.db, quiet);
    for (let i = 0; i < 12; i++) await makePost(t.db, quiet, threadId);
    expect(await count(quiet.id)).toBe(few);
    expect(await count(anna.id)).toBe(few);
    // The session with its user, the member, her counts and her three lists.
    expect(few).toBeLessThanOrEqual(6);
  });

  it('answers 404 for pending, suspended and rejected accounts and ids that do not exist, 400 for a bad id', async () => {
    for (const status of ['pending', 'suspended', 'rejected'] as const) {
      const other = await makeUser(t.db, { status });
      const res = await bertClient.get<ErrorBody>(`/api/members/${other.id}`);
      expect(res.status, status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found', message: 'Dit lid bestaat niet.' });
    }
    expect((await bertClient.get<ErrorBody>('/api/members/2147483647')).status).toBe(404);
    const bad = await bertClient.get<ErrorBody>('/api/members/nul');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'id', message: 'Vul bij „Nummer in het adres” een heel getal in.' });
  });
});

describe('showing her party and municipality: her choice', () => {
  it('is hers to read and change in her account, and only hers', async () => {
    expect((await annaClient.get<{ user: User }>('/api/me')).body.user.showAffiliation).toBe(true);
    const res = await annaClient.patch<{ user: User }>('/api/me', { showAffiliation: false });
    expect(res.status).toBe(200);
    // She still sees her own details.
    expect(res.body.user).toMatchObject({ showAffiliation: false, party: ANNA_PARTY, municipality: 'Goes' });
    expect((await annaClient.get<{ user: User }>('/api/me')).body.user.showAffiliation).toBe(false);
    try {
      const profile = await page(bertClient);
      expect(profile.body.member).not.toHaveProperty('party');
      expect(profile.body.member).not.toHaveProperty('municipality');
      expect(profile.body.member).not.toHaveProperty('showAffiliation');

      const thread = await bertClient.get<ThreadPage>(`/api/threads/${ids.open}`);
      expect(thread.status).toBe(200);
      const author = thread.body.posts[0]!.author;
      expect(author.id).toBe(anna.id);
      expect(author).not.toHaveProperty('party');
      expect(author).not.toHaveProperty('municipality');

      const directory = await bertClient.get<MemberDirectory>('/api/members?q=anna%20zeeuw');
      expect(directory.body.members.map((m) => m.id)).toEqual([anna.id]);
      expect(directory.body.members[0]).not.toHaveProperty('party');
      // Found by name, never by where she lives.
      for (const filter of ['municipality=Goes', 'province=Zeeland', 'municipality=Goes&q=anna']) {
        expect((await bertClient.get<MemberDirectory>(`/api/members?${filter}`)).body.members.map((m) => m.id), filter).not.toContain(anna.id);
      }
      for (const body of [profile.body, thread.body, directory.body]) {
        expect(JSON.stringify(body)).not.toContain(ANNA_PARTY);
        expect(JSON.stringify(body)).not.toContain('"Goes"');
      }
    } finally {
      expect((await annaClient.patch<{ user: User }>('/api/me', { showAffiliation: true })).body.user.showAffiliation).toBe(true);
    }
    expect((await page(bertClient)).body.member).toMatchObject({ party: ANNA_PARTY, municipality: 'Goes' });
    expect((await bertClient.get<MemberDirectory>('/api/members?province=Zeeland')).body.members.map((m) => m.id)).toContain(anna.id);
  });

  it('refuses a value that is not yes or no, in Dutch', async () => {
    const res = await annaClient.patch<ErrorBody>('/api/me', { showAffiliation: 'misschien' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', field: 'showAffiliation' });
    expect(res.body.error.message).toBe('Kies bij „Toon mijn partij en gemeente aan andere leden” ja of nee.');
  });

  it('never tells another member whether she hides them', async () => {
    expect(JSON.stringify((await page(bertClient)).body)).not.toContain('showAffiliation');
    expect(JSON.stringify((await bertClient.get<MemberDirectory>('/api/members?q=anna')).body)).not.toContain('showAffiliation');
  });
});

describe('GET /api/members — the directory', () => {
  let zeeland: CurrentUser[];
  beforeAll(async () => {
    zeeland = [
      await makeUser(t.db, { displayName: 'Dirk Fractie', municipality: 'Middelburg', representativeRole: 'raadslid' }),
      await makeUser(t.db, { displayName: 'Els Fractie', municipality: 'Vlissingen', representativeRole: 'wethouder' }),
      await makeUser(t.db, { displayName: 'Fleur Fractie', municipality: 'Goes', representativeRole: 'raadslid', email: 'fleur@example.nl' }),
    ];
    await makeUser(t.db, { displayName: 'Gijs Fractie', municipality: 'Utrecht', representativeRole: 'raadslid' });
    await makeUser(t.db, { displayName: 'Hanna Fractie', municipality: 'Middelburg', status: 'pending' });
    await makeUser(t.db, { displayName: 'Ids Fractie', municipality: 'Middelburg', status: 'suspended' });
    await makeUser(t.db, { displayName: 'Jet Fractie', municipality: 'Middelburg', status: 'rejected' });
  });

  const names = (res: { body: MemberDirectory }) => res.body.members.map((m) => m.displayName);

  it('is declared for members, and refuses guests and accounts that are not active', async () => {
    expect(t.app.accessTable).toContainEqual(expect.objectContaining({ method: 'GET', url: '/api/members', auth: 'member' }));
    expect((await t.guest().get('/api/members')).status).toBe(401);
    const { client: pending } = await t.login({ status: 'pending' });
    expect((await pending.get('/api/members')).status).toBe(403);
  });

  it('lists active members by name, filtered by part of the name, and never an account that is not active', async () => {
    const res = await bertClient.get<MemberDirectory>('/api/members?q=fractie');
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['Dirk Fractie', 'Els Fractie', 'Fleur Fractie', 'Gijs Fractie']);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.members[0]).toEqual({
      id: zeeland[0]!.id,
      displayName: 'Dirk Fractie',
      party: 'Lokaal Belang',
      municipality: 'Middelburg',
      representativeRole: 'raadslid',
      representativeVerified: false,
      avatarUrl: null,
    });
    expect(JSON.stringify(res.body)).not.toContain('@example.nl');
    // Case, accents and a leading @ do not matter, as in the @-autocomplete.
    expect(names(await bertClient.get<MemberDirectory>(`/api/members?q=${encodeURIComponent('@FRÁCTIE')}`))).toHaveLength(4);
  });

  it('filters by municipality, province and role: the fractie members in Zeeland find each other', async () => {
    expect(names(await bertClient.get<MemberDirectory>('/api/members?q=fractie&municipality=Middelburg'))).toEqual(['Dirk Fractie']);
    expect(names(await bertClient.get<MemberDirectory>('/api/members?q=fractie&province=Zeeland'))).toEqual(['Dirk Fractie', 'Els Fractie', 'Fleur Fractie']);
    expect(names(await bertClient.get<MemberDirectory>('/api/members?province=Zeeland&role=raadslid'))).toEqual(['Anna Zeeuw', 'Dirk Fractie', 'Fleur Fractie']);
    expect(names(await bertClient.get<MemberDirectory>('/api/members?q=fractie&role=wethouder'))).toEqual(['Els Fractie']);
    expect(names(await bertClient.get<MemberDirectory>(`/api/members?province=${encodeURIComponent('Noord-Brabant')}&q=fractie`))).toEqual([]);
  });

  it('pages through a long list without skipping or repeating anyone', async () => {
    const made: string[] = [];
    for (let i = 1; i <= MEMBER_DIRECTORY_PAGE + 3; i++) {
      const name = `Paginalid ${String(i).padStart(2, '0')}`;
      made.push(name);
      await makeUser(t.db, { displayName: name });
    }
    const first = await bertClient.get<MemberDirectory>('/api/members?q=paginalid');
    expect(names(first)).toEqual(made.slice(0, MEMBER_DIRECTORY_PAGE));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await bertClient.get<MemberDirectory>(`/api/members?q=paginalid&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
    expect(names(second)).toEqual(made.slice(MEMBER_DIRECTORY_PAGE));
    expect(second.body.nextCursor).toBeNull();
  });

  it('answers bad filters with a Dutch 400 that names the field', async () => {
    const cases: [string, string, string][] = [
      ['province=Atlantis', 'invalid_province', 'province'],
      ['role=keizer', 'invalid_role', 'role'],
      [`q=${'a'.repeat(61)}`, 'invalid_query', 'q'],
      [`municipality=${'x'.repeat(81)}`, 'invalid_municipality', 'municipality'],
      ['cursor=niet-een-cursor', 'invalid_cursor', 'cursor'],
      [`cursor=${Buffer.from(JSON.stringify(['a', 'b'])).toString('base64url')}`, 'invalid_cursor', 'cursor'],
      [`cursor=${'a'.repeat(201)}`, 'invalid_cursor', 'cursor'],
    ];
    const dutch = new Set(['Kies een van de twaalf provincies.', 'Kies een bestaande functie.', 'Zoek op hoogstens 60 tekens van een naam.', 'Deze gemeente bestaat niet.', 'De paginacursor is ongeldig.']);
    for (const [query, code, field] of cases) {
      const res = await bertClient.get<ErrorBody>(`/api/members?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error, query).toMatchObject({ code, field });
      expect(dutch.has(res.body.error.message), res.body.error.message).toBe(true);
    }
    // Empty filters are no filters.
    expect((await bertClient.get<MemberDirectory>('/api/members?q=%20&municipality=&province=&role=')).status).toBe(200);
  });
});
