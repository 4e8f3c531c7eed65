import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingParticipantList } from '../../shared/api/trainings.js';
import { queryRows } from '../../server/db/client.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { createTraining } from './fixtures.js';

/**
 * Sign-ups racing for the last places, on a real server where the requests run on separate pool connections at the
 * same time (PGlite has one connection: everything there is one after the other, so the race cannot happen).
 */
describe.skipIf(!usingRealPostgres)('sign-ups and cancellations at the same moment (real PostgreSQL)', () => {
  let t: TestApp;
  let staff: TestClient;
  beforeAll(async () => {
    t = await buildTestApp({ searchWorker: false });
    staff = (await t.login({ centreTeam: true })).client;
  });
  afterAll(() => t.close());

  const signups = (id: number) =>
    queryRows<{ id: number; user_id: number; status: string }>(t.db, sql`select id::int, user_id, status from centre_event_signups where event_id = ${id} order by id`);
  const promotedTimes = (id: number) =>
    queryRows<{ user_id: number; n: number }>(
      t.db,
      sql`select user_id, count(*)::int as n from notifications where kind = 'training_place' and (data->>'trainingId')::int = ${id} group by user_id`,
    );

  it('50 members for 20 places: exactly 20 participants and 30 waiting, in sign-up order; cancellations move the list up once each', async () => {
    const training = await createTraining(staff, t.db, { capacity: 20 });
    const members: { client: TestClient; user: { id: number } }[] = [];
    for (let i = 0; i < 50; i++) members.push(await t.login());
    const answers = await Promise.all(members.map((m) => m.client.post(`/api/trainings/${training.id}/signup`)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));

    const rows = await signups(training.id);
    expect(rows).toHaveLength(50);
    // Sign-up order is the order of the ids, handed out under the training's lock: the first 20 have the places.
    expect(rows.map((r) => r.status)).toEqual([...Array(20).fill('participant'), ...Array(30).fill('waiting')]);
    const list = (await staff.get<TrainingParticipantList>(`/api/trainings/${training.id}/participants`)).body.participants;
    expect(list.map((p) => p.id)).toEqual(rows.map((r) => r.user_id));
    expect(list.filter((p) => p.status === 'waiting').map((p) => p.position)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    // Ten participants and five waiting members leave at once: the first ten still waiting get the places, each once.
    const leavingParticipants = rows.slice(0, 10).map((r) => r.user_id);
    const leavingWaiting = rows.slice(25, 30).map((r) => r.user_id);
    const leaving = new Set([...leavingParticipants, ...leavingWaiting]);
    const byId = new Map(members.map((m) => [m.user.id, m]));
    const left = await Promise.all([...leaving].map((id) => byId.get(id)!.client.delete(`/api/trainings/${training.id}/signup`)));
    expect(left.map((a) => a.status)).toEqual(Array(15).fill(200));

    const after = await signups(training.id);
    const remaining = rows.filter((r) => !leaving.has(r.user_id));
    expect(after.map((r) => r.user_id)).toEqual(remaining.map((r) => r.user_id));
    expect(after.filter((r) => r.status === 'participant')).toHaveLength(20);
    expect(after.map((r) => r.status)).toEqual([...Array(20).fill('participant'), ...Array(15).fill('waiting')]);
    const promoted = rows.slice(20, 25).concat(rows.slice(30, 35)).map((r) => r.user_id);
    expect(after.filter((r) => r.status === 'participant').map((r) => r.user_id).slice(10)).toEqual(promoted);
    // Told once each; a waiting member who left may have had a place for a moment first (then she was told too, and
    // her place went on to the next one).
    const told = await promotedTimes(training.id);
    expect(told.every((r) => r.n === 1)).toBe(true);
    const toldIds = told.map((r) => r.user_id);
    expect(toldIds).toEqual(expect.arrayContaining(promoted));
    expect(toldIds.every((id) => promoted.includes(id) || leavingWaiting.includes(id))).toBe(true);
  });

  it('the same member signing up twice at once gets one sign-up and one refusal', async () => {
    const training = await createTraining(staff, t.db, { capacity: 5 });
    const member = await t.login();
    const answers = await Promise.all([1, 2, 3].map(() => member.client.post(`/api/trainings/${training.id}/signup`)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(await signups(training.id)).toHaveLength(1);
  });

  it('a capacity raise racing with cancellations still fills every place once', async () => {
    const training = await createTraining(staff, t.db, { capacity: 5 });
    const members: { client: TestClient; user: { id: number } }[] = [];
    for (let i = 0; i < 15; i++) members.push(await t.login());
    for (const m of members) await m.client.post(`/api/trainings/${training.id}/signup`);
    const [raise, ...leaves] = await Promise.all([
      staff.patch(`/api/trainings/${training.id}`, { capacity: 8 }),
      ...members.slice(0, 3).map((m) => m.client.delete(`/api/trainings/${training.id}/signup`)),
    ]);
    expect(raise!.status).toBe(200);
    expect(leaves.map((l) => l.status)).toEqual([200, 200, 200]);
    const after = await signups(training.id);
    expect(after.map((r) => r.status)).toEqual([...Array(8).fill('participant'), ...Array(4).fill('waiting')]);
    expect(after.map((r) => r.user_id)).toEqual(members.slice(3).map((m) => m.user.id));
    expect((await promotedTimes(training.id)).every((r) => r.n === 1)).toBe(true);
    expect(await promotedTimes(training.id)).toHaveLength(6);
  });
});
