import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import type { TrainingAnswer } from '../../shared/api/trainings.js';
import { centreEvents, threadWatches } from '../../server/db/schema.js';
import { makePost } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { countFor, createTraining, HOUR, moveTraining, participantsOf, trainingOf } from './fixtures.js';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  staff = (await t.login({ centreTeam: true })).client;
});
afterAll(() => t.close());

const members = (n: number) => Promise.all(Array.from({ length: n }, () => t.login()));
const detail = trainingOf;
const participants = (id: number) => participantsOf(staff, id);
const kindsFor = (userId: number, kind: string) => countFor(t.db, 'notifications', userId, kind);
const mailsFor = (userId: number, kind: string) => countFor(t.db, 'mail_outbox', userId, kind);

describe(`signing up (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  it('gives places while there are any, then the waiting list in order; each sees her own place', async () => {
    const training = await createTraining(staff, t.db, { capacity: 2 });
    const [a, b, c, d] = await members(4);
    for (const m of [a!, b!, c!, d!]) expect((await m.client.post<TrainingAnswer>(`/api/trainings/${training.id}/signup`)).status).toBe(201);
    expect((await detail(a!.client, training.id)).mySignup).toEqual({ status: 'participant', position: null });
    expect((await detail(b!.client, training.id)).mySignup).toEqual({ status: 'participant', position: null });
    expect((await detail(c!.client, training.id)).mySignup).toEqual({ status: 'waiting', position: 1 });
    const dView = await detail(d!.client, training.id);
    expect(dView).toMatchObject({ participantCount: 2, waitingCount: 2, mySignup: { status: 'waiting', position: 2 } });
    expect((await detail(staff, training.id)).mySignup).toBeNull();

    const again = await a!.client.post<ErrorBody>(`/api/trainings/${training.id}/signup`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_signed_up');
    expect((await participants(training.id)).map((p) => [p.id, p.status, p.position])).toEqual([
      [a!.user.id, 'participant', null],
      [b!.user.id, 'participant', null],
      [c!.user.id, 'waiting', 1],
      [d!.user.id, 'waiting', 2],
    ]);
  });

  it('gives a freed place to the first waiting member, who is told by notification and mail', async () => {
    const training = await createTraining(staff, t.db, { capacity: 1, title: 'Omgaan met de pers' });
    const [a, b, c] = await members(3);
    for (const m of [a!, b!, c!]) await m.client.post(`/api/trainings/${training.id}/signup`);

    // A waiting member leaving moves nobody up into a place.
    const cLeaves = await c!.client.delete<TrainingAnswer>(`/api/trainings/${training.id}/signup`);
    expect(cLeaves.status).toBe(200);
    expect(cLeaves.body.training).toMatchObject({ participantCount: 1, waitingCount: 1, mySignup: null });
    await c!.client.post(`/api/trainings/${training.id}/signup`);
    expect((await detail(c!.client, training.id)).mySignup).toEqual({ status: 'waiting', position: 2 });

    const aLeaves = await a!.client.delete<TrainingAnswer>(`/api/trainings/${training.id}/signup`);
    expect(aLeaves.body.training).toMatchObject({ participantCount: 1, waitingCount: 1, mySignup: null });
    expect((await detail(b!.client, training.id)).mySignup).toEqual({ status: 'participant', position: null });
    expect((await detail(c!.client, training.id)).mySignup).toEqual({ status: 'waiting', position: 1 });
    expect(await kindsFor(b!.user.id, 'training_place')).toBe(1);
    expect(await mailsFor(b!.user.id, 'training_place')).toBe(1);
    expect(await kindsFor(c!.user.id, 'training_place')).toBe(0);
    const note = (await b!.client.get<NotificationList>('/api/notifications')).body.notifications.find((n) => n.kind === 'training_place');
    expect(note).toMatchObject({ message: 'Er is een plaats vrijgekomen: je doet mee aan „Omgaan met de pers”.', link: `/trainingen/${training.id}` });

    const notSigned = await a!.client.delete<ErrorBody>(`/api/trainings/${training.id}/signup`);
    expect(notSigned.status).toBe(404);
  });

  it('makes her follow the training’s thread, so a new post there notifies her', async () => {
    const training = await createTraining(staff, t.db);
    const [member, writer] = await members(2);
    await member!.client.post(`/api/trainings/${training.id}/signup`);
    const [watch] = await t.db
      .select({ level: threadWatches.level })
      .from(threadWatches)
      .where(and(eq(threadWatches.userId, member!.user.id), eq(threadWatches.threadId, training.threadId!)));
    expect(watch?.level).toBe('watching');
    await makePost(t.db, writer!.user, training.threadId!, { body: 'Is er ook koffie?' });
    await t.app.notifications.drain();
    const list = (await member!.client.get<NotificationList>('/api/notifications')).body.notifications;
    expect(list.some((n) => n.kind === 'thread_activity' && n.link?.startsWith(`/discussie/${training.threadId}`))).toBe(true);
  });

  it('is closed after the deadline, once started, and when called off; leaving is closed once started', async () => {
    const training = await createTraining(staff, t.db);
    const [early, late] = await members(2);
    await early!.client.post(`/api/trainings/${training.id}/signup`);

    await t.db.update(centreEvents).set({ signupDeadline: new Date(Date.now() - HOUR) }).where(eq(centreEvents.id, training.id));
    const afterDeadline = await late!.client.post<ErrorBody>(`/api/trainings/${training.id}/signup`);
    expect([afterDeadline.status, afterDeadline.body.error.code]).toEqual([409, 'signup_closed']);
    expect(afterDeadline.body.error.message).toMatch(/gesloten/);
    expect((await detail(late!.client, training.id)).signupOpen).toBe(false);

    await moveTraining(t.db, training.id, -HOUR);
    const running = await late!.client.post<ErrorBody>(`/api/trainings/${training.id}/signup`);
    expect([running.status, running.body.error.code]).toEqual([409, 'signup_closed']);
    const leave = await early!.client.delete<ErrorBody>(`/api/trainings/${training.id}/signup`);
    expect([leave.status, leave.body.error.code]).toEqual([409, 'training_started']);

    const other = await createTraining(staff, t.db);
    expect((await staff.post(`/api/trainings/${other.id}/cancel`)).status).toBe(200);
    const cancelled = await late!.client.post<ErrorBody>(`/api/trainings/${other.id}/signup`);
    expect([cancelled.status, cancelled.body.error.code]).toEqual([409, 'training_cancelled']);
    expect((await participants(other.id)).length).toBe(0);
  });
});
