import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCategory, AdminCategoryList } from '../../shared/api/categories.js';
import type { ErrorBody } from '../../shared/api/common.js';
import type { CategoryList, Post, ThreadList, ThreadPage, ThreadWithPost } from '../../shared/api/forum.js';
import { CATEGORIES, CORE_CATEGORY_SLUGS } from '../../shared/constants.js';
import { moderationActions, threads } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { slugOf } from '../../server/forum/category-admin-routes.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { rowCounts } from '../helpers/row-counts.js';
import type { TestClient } from '../helpers/client.js';

/** Admins keep the categories (server/forum/category-admin-routes.ts); the members' side follows at once. */

let t: TestApp;
let admin: TestClient;
let member: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  ({ client: admin } = await t.login({ role: 'admin' }));
  ({ client: member } = await t.login());
});
afterAll(() => t.close());

const adminList = async () => (await admin.get<AdminCategoryList>('/api/admin/categories')).body.categories;
const bySlug = async (slug: string) => (await adminList()).find((c) => c.slug === slug)!;
const memberSlugs = async (client: TestClient = member) => (await client.get<CategoryList>('/api/categories')).body.categories.map((c) => c.slug);
const logOf = async (action: string) => (await t.db.select().from(moderationActions).where(eq(moderationActions.action, action))).map((a) => a.details);
const create = (body: Record<string, unknown>) =>
  admin.post<AdminCategoryList | ErrorBody>('/api/admin/categories', { description: '', color: 'groen', icon: null, access: 'members', ...body });

describe('categories as data', () => {
  it('start as the standard list, in order, with a colour and an icon; seeding again changes nothing an admin changed', async () => {
    const list = await adminList();
    expect(list.map((c) => c.slug)).toEqual(CATEGORIES.map((c) => c.slug));
    expect(list.find((c) => c.slug === 'fuseren')).toMatchObject({ name: 'Fuseren', color: 'paars', icon: 'fusie', access: 'members', archived: false, core: true });
    expect(list.filter((c) => c.core).map((c) => c.slug)).toEqual(CORE_CATEGORY_SLUGS);
  });

  it('an admin creates one: the address comes from the name, it goes last, members see it at once, and the log says so', async () => {
    const res = await create({ name: '  Wethouders & Raadsleden ', description: 'Voor wie in het college zit.', color: 'oranje', icon: 'vergadering' });
    expect(res.status).toBe(201);
    const made = (res.body as AdminCategoryList).categories.at(-1)!;
    expect(made).toMatchObject({ slug: 'wethouders-raadsleden', name: 'Wethouders & Raadsleden', color: 'oranje', icon: 'vergadering', threadCount: 0, threadsTotal: 0, core: false });
    expect(await memberSlugs()).toContain('wethouders-raadsleden');
    expect(await logOf('create_category')).toContainEqual({ slug: 'wethouders-raadsleden', name: 'Wethouders & Raadsleden', access: 'members' });
    // A member can start a thread in it straight away.
    const thread = await member.post<ThreadWithPost>('/api/threads', { categorySlug: 'wethouders-raadsleden', title: 'Eerste vraag hier', body: 'Hallo allemaal.' });
    expect(thread.status).toBe(201);
  });

  it('refuses a name that is taken (case and accents aside), an empty one, an unknown colour or icon, and changes nothing', async () => {
    const before = await adminList();
    for (const [body, status, code] of [
      [{ name: 'FUSÉREN' }, 409, 'category_exists'],
      [{ name: '!!' }, 400, 'invalid_name'],
      [{ name: '   ' }, 400, undefined],
      [{ name: 'Kleuren', color: 'roze' }, 400, undefined],
      [{ name: 'Iconen', icon: 'raket' }, 400, undefined],
      [{ name: 'Toegang', access: 'iedereen' }, 400, undefined],
    ] as const) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (code) expect((res.body as ErrorBody).error.code).toBe(code);
      expect((res.body as ErrorBody).error.message).toMatch(/\S/);
    }
    expect(await adminList()).toEqual(before);
  });

  it('renames, describes, colours and orders; the three themes can be renamed but never deleted', async () => {
    const fuseren = await bySlug('fuseren');
    const res = await admin.patch<AdminCategoryList>(`/api/admin/categories/${fuseren.id}`, { name: 'Fuseren en samenwerken', description: 'Nieuw.', color: 'rood' });
    expect(res.status).toBe(200);
    expect(await bySlug('fuseren')).toMatchObject({ name: 'Fuseren en samenwerken', description: 'Nieuw.', color: 'rood' });
    expect(await logOf('update_category')).toContainEqual({
      slug: 'fuseren',
      changes: { name: { from: 'Fuseren', to: 'Fuseren en samenwerken' }, description: { from: fuseren.description, to: 'Nieuw.' }, color: { from: 'paars', to: 'rood' } },
    });
    // The name another category has is refused.
    const taken = await admin.patch<ErrorBody>(`/api/admin/categories/${fuseren.id}`, { name: 'Campagne' });
    expect(taken.status).toBe(409);

    for (const slug of CORE_CATEGORY_SLUGS) {
      const core = await bySlug(slug);
      const del = await admin.request<ErrorBody>('DELETE', `/api/admin/categories/${core.id}`);
      expect(del.status).toBe(409);
      expect(del.body.error.code).toBe('core_category');
    }

    const ids = (await adminList()).map((c) => c.id);
    const reversed = [...ids].reverse();
    const ordered = await admin.put<AdminCategoryList>('/api/admin/categories/order', { ids: reversed });
    expect(ordered.status).toBe(200);
    expect(ordered.body.categories.map((c) => c.id)).toEqual(reversed);
    expect((await member.get<CategoryList>('/api/categories')).body.categories.map((c) => c.id)).toEqual(reversed);
    // An order that leaves one out, or names one twice, is refused.
    expect((await admin.put<ErrorBody>('/api/admin/categories/order', { ids: ids.slice(1) })).status).toBe(400);
    expect((await admin.put<ErrorBody>('/api/admin/categories/order', { ids: [ids[0], ...ids.slice(0, -1)] })).status).toBe(400);
    await admin.put('/api/admin/categories/order', { ids });
  });

  it('deletes a category only when it holds no thread (hidden ones counted); deleted threads stay on record elsewhere', async () => {
    const made = await create({ name: 'Tijdelijk' });
    const temp = (made.body as AdminCategoryList).categories.find((c) => c.slug === 'tijdelijk')!;
    const author = (await t.login()).user;
    const { threadId } = await makeThread(t.db, author, { category: 'tijdelijk' });
    await t.db.update(threads).set({ hiddenAt: new Date() }).where(eq(threads.id, threadId));
    const refused = await admin.request<ErrorBody>('DELETE', `/api/admin/categories/${temp.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'category_not_empty', message: expect.stringContaining('1 discussie') });
    expect((await bySlug('tijdelijk')).threadsTotal).toBe(1);

    await t.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, threadId));
    expect((await admin.request('DELETE', `/api/admin/categories/${temp.id}`)).status).toBe(204);
    expect((await adminList()).some((c) => c.slug === 'tijdelijk')).toBe(false);
    const [kept] = await t.db.select({ categoryId: threads.categoryId }).from(threads).where(eq(threads.id, threadId));
    expect(kept!.categoryId).toBe((await adminList())[0]!.id);
    expect(await logOf('delete_category')).toContainEqual({ slug: 'tijdelijk', name: 'Tijdelijk' });
    expect((await admin.request('DELETE', `/api/admin/categories/${temp.id}`)).status).toBe(404);
  });

  it('is for admins only: moderators and members are refused', async () => {
    const { client: mod } = await t.login({ role: 'moderator' });
    for (const client of [mod, member]) {
      expect((await client.get('/api/admin/categories')).status).toBe(403);
      expect((await client.post('/api/admin/categories', { name: 'Stiekem', description: '', color: 'groen', icon: null, access: 'members' })).status).toBe(403);
    }
    expect(await memberSlugs()).not.toContain('stiekem');
  });

  it('slugOf keeps letters and digits, drops accents and the rest', () => {
    expect(slugOf('Fractie & Raadswerk')).toBe('fractie-raadswerk');
    expect(slugOf('Financiën 2026')).toBe('financien-2026');
    expect(slugOf('  --  ')).toBe('');
  });
});

describe('an archived category', () => {
  it('is read-only: no new thread, reply or edit, for moderators too; its threads stay readable; an author may still delete her post', async () => {
    const made = await create({ name: 'Verkiezingen 2022' });
    const category = (made.body as AdminCategoryList).categories.find((c) => c.slug === 'verkiezingen-2022')!;
    const { user: author, client: authorClient } = await t.login();
    const { threadId, postId } = await makeThread(t.db, author, { category: 'verkiezingen-2022' });
    const { client: mod } = await t.login({ role: 'moderator' });

    expect((await admin.patch(`/api/admin/categories/${category.id}`, { archived: true })).status).toBe(200);
    expect((await member.get<CategoryList>('/api/categories')).body.categories.find((c) => c.id === category.id)).toMatchObject({ archived: true });
    const page = await member.get<ThreadPage>(`/api/threads/${threadId}`);
    expect(page.status).toBe(200);
    expect(page.body.thread.archived).toBe(true);

    const archived = (res: { status: number; body: unknown }) => {
      expect(res.status).toBe(409);
      expect((res.body as ErrorBody).error.code).toBe('category_archived');
    };
    archived(await member.post('/api/threads', { categorySlug: 'verkiezingen-2022', title: 'Nog een vraag', body: 'Mag dit?' }));
    archived(await member.post(`/api/threads/${threadId}/posts`, { body: 'Een reactie.' }));
    archived(await mod.post(`/api/threads/${threadId}/posts`, { body: 'Een reactie van de moderator.' }));
    archived(await authorClient.patch(`/api/posts/${postId}`, { body: 'Gewijzigd.' }));
    const reply = await makePost(t.db, author, threadId);
    expect((await authorClient.request('DELETE', `/api/posts/${reply}`)).status).toBe(204);

    expect((await admin.patch(`/api/admin/categories/${category.id}`, { archived: false })).status).toBe(200);
    expect((await member.post<{ post: Post }>(`/api/threads/${threadId}/posts`, { body: 'Weer open.' })).status).toBe(201);
    expect(await logOf('update_category')).toContainEqual({ slug: 'verkiezingen-2022', changes: { archived: { from: false, to: true } } });
  });
});

describe('a category restricted to verified volksvertegenwoordigers', () => {
  let restricted: AdminCategory;
  let representative: TestClient;
  let threadId: number;
  let postId: number;

  beforeAll(async () => {
    const made = await create({ name: 'Alleen raadsleden', access: 'representatives', icon: 'slot' });
    restricted = (made.body as AdminCategoryList).categories.find((c) => c.slug === 'alleen-raadsleden')!;
    const rep = await t.login({ representativeVerified: true });
    representative = rep.client;
    ({ threadId, postId } = await makeThread(t.db, rep.user, { category: 'alleen-raadsleden', title: 'Vertrouwelijk overleg', body: 'Over de coalitie.' }));
  });

  it('is listed, opened and written in only by them and the moderators; to other members it does not exist', async () => {
    const { client: mod } = await t.login({ role: 'moderator' });
    expect(await memberSlugs(representative)).toContain('alleen-raadsleden');
    expect(await memberSlugs(mod)).toContain('alleen-raadsleden');
    expect(await memberSlugs(member)).not.toContain('alleen-raadsleden');

    expect((await representative.get<ThreadList>('/api/categories/alleen-raadsleden/threads')).body.threads.map((th) => th.id)).toEqual([threadId]);
    expect((await representative.get(`/api/threads/${threadId}`)).status).toBe(200);
    expect((await representative.post(`/api/threads/${threadId}/posts`, { body: 'Eens.' })).status).toBe(201);

    const before = await rowCounts(t.db);
    const notFound = (res: { status: number }) => expect(res.status).toBe(404);
    notFound(await member.get('/api/categories/alleen-raadsleden/threads'));
    notFound(await member.get(`/api/threads/${threadId}`));
    notFound(await member.post(`/api/threads/${threadId}/posts`, { body: 'Mag ik meedoen?' }));
    notFound(await member.get(`/api/posts/${postId}/revisions`));
    notFound(await member.post(`/api/posts/${postId}/reports`, { reason: 'spam' }));
    notFound(await member.put(`/api/threads/${threadId}/watch`, { level: 'watching' }));
    notFound(await member.put('/api/categories/alleen-raadsleden/watch', { level: 'watching' }));
    notFound(await member.get(`/api/members/suggest?q=a&threadId=${threadId}`));
    const start = await member.post<ErrorBody>('/api/threads', { categorySlug: 'alleen-raadsleden', title: 'Ik probeer het', body: 'Toch?' });
    expect(start.status).toBe(400);
    expect(start.body.error.code).toBe('unknown_category');
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('is not found by search, nor offered as similar, except to those who may enter it', async () => {
    await t.app.searchService.drainOutbox();
    const hits = async (client: TestClient, query = 'coalitie') => (await client.get<{ hits: { threadId: number }[] }>(`/api/search?q=${query}`)).body.hits.map((h) => h.threadId);
    expect(await hits(representative)).toContain(threadId);
    expect(await hits(member)).not.toContain(threadId);
    const filtered = await member.get<ErrorBody>('/api/search?q=coalitie&category=alleen-raadsleden');
    expect(filtered.status).toBe(400);
    expect(filtered.body.error.code).toBe('unknown_category');
    const similar = async (client: TestClient) =>
      (await client.get<{ threads: { threadId: number }[] }>('/api/search/similar?title=Vertrouwelijk%20overleg')).body.threads.map((th) => th.threadId);
    expect(await similar(representative)).toContain(threadId);
    expect(await similar(member)).not.toContain(threadId);
  });

  it('notifies only members who may enter it: a mention of anyone else reaches nobody, and is not suggested', async () => {
    const { user: outsider, client: outsiderClient } = await t.login({ displayName: 'Buiten Staander' });
    const { user: insider, client: insiderClient } = await t.login({ displayName: 'Binnen Staander', representativeVerified: true });
    const writer = (await t.login({ representativeVerified: true })).user;
    const mention = await makePost(t.db, writer, threadId, { body: `Wat vinden @${outsider.displayName} en @${insider.displayName}?` });
    await t.app.notifications.drain();
    const links = async (client: TestClient) => (await client.get<{ notifications: { link: string | null }[] }>('/api/notifications')).body.notifications.map((n) => n.link);
    expect(await links(insiderClient)).toContain(`/discussie/${threadId}#bericht-${mention}`);
    expect(await links(outsiderClient)).not.toContain(`/discussie/${threadId}#bericht-${mention}`);
    const suggested = await representative.get<{ members: { id: number }[] }>(`/api/members/suggest?q=Staander&threadId=${threadId}`);
    expect(suggested.body.members.map((m) => m.id)).toEqual([insider.id]);
  });

  it('takes back what a member had when a category is restricted later: its threads, its notifications', async () => {
    const made = await create({ name: 'Later besloten' });
    const later = (made.body as AdminCategoryList).categories.find((c) => c.slug === 'later-besloten')!;
    const { user: reader, client: readerClient } = await t.login();
    const writer = (await t.login()).user;
    const { threadId: laterThread } = await makeThread(t.db, reader, { category: 'later-besloten' });
    await makePost(t.db, writer, laterThread);
    await t.app.notifications.drain();
    const count = async () => (await readerClient.get<{ notifications: { link: string | null }[] }>('/api/notifications')).body.notifications.filter((n) => n.link?.startsWith(`/discussie/${laterThread}#`)).length;
    expect(await count()).toBe(1);

    expect((await admin.patch(`/api/admin/categories/${later.id}`, { access: 'moderators' })).status).toBe(200);
    expect((await readerClient.get(`/api/threads/${laterThread}`)).status).toBe(404);
    expect(await count()).toBe(0);
    expect(await memberSlugs(representative)).not.toContain('later-besloten');
  });

  it('a thread moved into it: its starter is told it moved, without the name of a category she cannot enter', async () => {
    const { user: starter, client: starterClient } = await t.login();
    const { client: mod } = await t.login({ role: 'moderator' });
    const { threadId: moved } = await makeThread(t.db, starter, { category: 'algemeen', title: 'Hoort eigenlijk elders' });
    const res = await mod.patch(`/api/moderation/threads/${moved}`, { categorySlug: restricted.slug, reason: 'Hoort bij de raadsleden.' });
    expect(res.status).toBe(200);
    const told = (await starterClient.get<{ notifications: { kind: string; message: string }[] }>('/api/notifications')).body.notifications.find((n) => n.kind === 'thread_moved');
    expect(told?.message).toBe('Je discussie „Hoort eigenlijk elders” is verplaatst naar een categorie die alleen voor bepaalde leden open is. Reden: Hoort bij de raadsleden.');
    expect(told?.message).not.toContain(restricted.name);
  });
});
