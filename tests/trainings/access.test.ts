import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { TrainingAnswer, TrainingList } from '../../shared/api/trainings.js';
import { queryRows } from '../../server/db/client.js';
import { makeCategory } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient, TestResponse } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { createTraining, trainingBody } from './fixtures.js';

let t: TestApp;
let admin: TestClient;
let representativesId: number;
let algemeen: number;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  admin = (await t.login({ role: 'admin' })).client;
  algemeen = (await trainingBody(t.db)).categoryId;
  representativesId = await makeCategory(t.db, { slug: 'alleen-volksvertegenwoordigers', access: 'representatives' });
});
afterAll(() => t.close());

type Call = (c: TestClient) => Promise<TestResponse>;
type RouteName = 'list' | 'detail' | 'calendar' | 'signup' | 'withdraw' | 'participants' | 'csv' | 'create' | 'update' | 'cancel';

/** Every route of the concern, called on training `id`, in an order that works for one who may do everything. */
function routes(id: number, categoryId: number): [RouteName, Call][] {
  return [
    ['list', (c) => c.get('/api/trainings')],
    ['detail', (c) => c.get(`/api/trainings/${id}`)],
    ['calendar', (c) => c.get(`/api/trainings/${id}/calendar.ics`)],
    ['signup', (c) => c.post(`/api/trainings/${id}/signup`)],
    ['withdraw', (c) => c.delete(`/api/trainings/${id}/signup`)],
    ['participants', (c) => c.get(`/api/trainings/${id}/participants`)],
    ['csv', (c) => c.get(`/api/trainings/${id}/participants.csv`)],
    ['create', async (c) => c.post('/api/trainings', await trainingBody(t.db, { categoryId }))],
    ['update', (c) => c.patch(`/api/trainings/${id}`, { capacity: 30 })],
    ['cancel', (c) => c.post(`/api/trainings/${id}/cancel`)],
  ];
}

const OK: Record<RouteName, number> = { list: 200, detail: 200, calendar: 200, signup: 201, withdraw: 200, participants: 200, csv: 200, create: 201, update: 200, cancel: 200 };
const STAFF_ROUTES: RouteName[] = ['participants', 'csv', 'create', 'update', 'cancel'];
const expectAll = (status: number) => Object.fromEntries(Object.keys(OK).map((k) => [k, status])) as Record<RouteName, number>;
/** A member: the member routes work, the staff routes are refused. */
const memberOnly = { ...OK, ...Object.fromEntries(STAFF_ROUTES.map((k) => [k, 403])) } as Record<RouteName, number>;

/** Everything a denied call could have changed. */
const snapshot = async () => ({
  events: await queryRows(t.db, sql`select id, title, capacity, cancelled_at from centre_events order by id`),
  signups: await queryRows(t.db, sql`select event_id, user_id, status from centre_event_signups order by id`),
  threads: await queryRows(t.db, sql`select count(*)::int as n from threads`),
});

async function walk(client: TestClient, id: number, categoryId: number, expected: Record<RouteName, number>, who: string) {
  for (const [name, call] of routes(id, categoryId)) {
    const res = await call(client);
    expect(res.status, `${who}: ${name} ${JSON.stringify(res.body).slice(0, 200)}`).toBe(expected[name]);
  }
}

describe(`trainings: who may call which route (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  it('refuses guests, waiting and suspended accounts everything, and members the staff routes, changing nothing', async () => {
    const training = await createTraining(admin, t.db);
    const before = await snapshot();
    const denied: [string, TestClient, Record<RouteName, number>][] = [
      ['guest', t.guest(), expectAll(401)],
      ['pending', (await t.login({ status: 'pending' })).client, expectAll(403)],
      ['suspended', (await t.login({ status: 'suspended' })).client, expectAll(403)],
      ['suspended team member', (await t.login({ status: 'suspended', centreTeam: true })).client, expectAll(403)],
      ['suspended admin', (await t.login({ status: 'suspended', role: 'admin' })).client, expectAll(403)],
    ];
    for (const [who, client, expected] of denied) await walk(client, training.id, algemeen, expected, who);
    const member = (await t.login()).client;
    const moderator = (await t.login({ role: 'moderator' })).client;
    for (const [who, client] of [['member', member], ['moderator not in the team', moderator]] as const) {
      for (const name of STAFF_ROUTES) {
        const res = await routes(training.id, algemeen).find(([n]) => n === name)![1](client);
        expect([res.status, (res.body as ErrorBody).error.code], `${who}: ${name}`).toEqual([403, 'not_allowed']);
      }
    }
    expect(await snapshot()).toEqual(before);
    // A staff member's browser cannot be made to act without the CSRF token.
    expect((await admin.post(`/api/trainings/${training.id}/cancel`, {}, { csrf: false })).status).toBe(403);
    expect((await member.post(`/api/trainings/${training.id}/signup`, {}, { csrf: false })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('members and moderators outside the team use the member routes', async () => {
    for (const [who, options] of [['member', {}], ['moderator not in the team', { role: 'moderator' as const }]] as const) {
      const training = await createTraining(admin, t.db);
      const { client } = await t.login(options);
      await walk(client, training.id, algemeen, memberOnly, who);
    }
  });

  it('the centre team and admins use every route', async () => {
    for (const [who, options] of [['centre team member', { centreTeam: true }], ['admin', { role: 'admin' as const }]] as const) {
      const training = await createTraining(admin, t.db);
      const { client } = await t.login(options);
      await walk(client, training.id, algemeen, OK, who);
    }
  });

  it('a training in a category she may not enter does not exist for her, staff included', async () => {
    const hidden = await createTraining(admin, t.db, { categoryId: representativesId, title: 'Alleen voor volksvertegenwoordigers' });
    const member = (await t.login()).client;
    const team = (await t.login({ centreTeam: true })).client;
    const before = await snapshot();
    await walk(member, hidden.id, algemeen, { ...memberOnly, detail: 404, calendar: 404, signup: 404, withdraw: 404 }, 'member without access');
    expect((await member.get<TrainingList>('/api/trainings')).body.items.map((i) => i.id)).not.toContain(hidden.id);
    const staffDenied = { ...OK, detail: 404, calendar: 404, signup: 404, withdraw: 404, participants: 404, csv: 404, update: 404, cancel: 404 };
    await walk(team, hidden.id, algemeen, staffDenied, 'team member without access');
    // …nor can she put one there.
    const into = await team.post<ErrorBody>('/api/trainings', await trainingBody(t.db, { categoryId: representativesId }));
    expect([into.status, into.body.error.code, into.body.error.field]).toEqual([400, 'unknown_category', 'categoryId']);
    const after = await snapshot();
    // Only the one training the team member made in "algemeen" was added.
    expect(after.events.length).toBe(before.events.length + 1);
    expect(after.signups).toEqual(before.signups);

    // A verified volksvertegenwoordiger and a moderator see it.
    const representative = (await t.login({ representativeRole: 'raadslid', representativeVerified: true })).client;
    expect((await representative.get<TrainingAnswer>(`/api/trainings/${hidden.id}`)).status).toBe(200);
    expect((await representative.post(`/api/trainings/${hidden.id}/signup`)).status).toBe(201);
    expect((await (await t.login({ role: 'moderator' })).client.get(`/api/trainings/${hidden.id}`)).status).toBe(200);
  });
});
