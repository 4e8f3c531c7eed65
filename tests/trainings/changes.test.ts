import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import type { TrainingAnswer, TrainingList } from '../../shared/api/trainings.js';
import { makeCategory } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { countFor, createTraining, DAY, HOUR, moveTraining, participantsOf, trainingOf } from './fixtures.js';

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

describe(`changing and calling off (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  it('raising the capacity moves waiting members up in order; lowering it below the participants is refused', async () => {
    const training = await createTraining(staff, t.db, { capacity: 1 });
    const [a, b, c, d] = await members(4);
    for (const m of [a!, b!, c!, d!]) await m.client.post(`/api/trainings/${training.id}/signup`);
    const raised = await staff.patch<TrainingAnswer>(`/api/trainings/${training.id}`, { capacity: 3 });
    expect(raised.status).toBe(200);
    expect(raised.body.training).toMatchObject({ capacity: 3, participantCount: 3, waitingCount: 1 });
    expect((await participants(training.id)).map((p) => [p.id, p.status])).toEqual([
      [a!.user.id, 'participant'],
      [b!.user.id, 'participant'],
      [c!.user.id, 'participant'],
      [d!.user.id, 'waiting'],
    ]);
    expect(await kindsFor(b!.user.id, 'training_place')).toBe(1);
    expect(await kindsFor(c!.user.id, 'training_place')).toBe(1);
    expect(await kindsFor(d!.user.id, 'training_place')).toBe(0);

    const lower = await staff.patch<ErrorBody>(`/api/trainings/${training.id}`, { capacity: 2 });
    expect([lower.status, lower.body.error.code]).toEqual([409, 'capacity_below_participants']);
    expect(lower.body.error.message).toContain('3');
    expect((await detail(staff, training.id)).capacity).toBe(3);
  });

  it('keeps the thread in step: a new title renames it, a new time rewrites its opening post', async () => {
    const training = await createTraining(staff, t.db);
    const start = new Date(Date.now() + 10 * DAY);
    const res = await staff.patch<TrainingAnswer>(`/api/trainings/${training.id}`, {
      title: 'Begroting lezen, deel twee',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + HOUR).toISOString(),
      location: null,
    });
    expect(res.status).toBe(200);
    expect(res.body.training).toMatchObject({ title: 'Begroting lezen, deel twee', location: null, online: true, startsAt: start.toISOString() });
    const page = (await staff.get<{ thread: { title: string }; posts: { bodyHtml: string }[] }>(`/api/threads/${training.threadId}`)).body;
    expect(page.thread.title).toBe('Begroting lezen, deel twee');
    expect(page.posts[0]!.bodyHtml).toContain('Online');
    expect(page.posts[0]!.bodyHtml).not.toContain('Stadhuis');
    expect(page.posts[0]!.bodyHtml).not.toContain('meet.example.nl');

    // A patch is checked against the whole training: now without a meeting link there would be no place at all.
    const nowhere = await staff.patch<ErrorBody>(`/api/trainings/${training.id}`, { meetingUrl: '' });
    expect([nowhere.status, nowhere.body.error.field]).toEqual([400, 'location']);
    const backwards = await staff.patch<ErrorBody>(`/api/trainings/${training.id}`, { endsAt: new Date(start.getTime() - HOUR).toISOString() });
    expect([backwards.status, backwards.body.error.field]).toEqual([400, 'endsAt']);
    expect((await detail(staff, training.id)).meetingUrl).toBe('https://meet.example.nl/begroting');

    // Another category takes its thread along.
    const other = await makeCategory(t.db, { slug: 'scholing' });
    const moved = await staff.patch<TrainingAnswer>(`/api/trainings/${training.id}`, { categoryId: other });
    expect(moved.body.training.category.slug).toBe('scholing');
    expect((await staff.get<{ thread: { categorySlug: string } }>(`/api/threads/${training.threadId}`)).body.thread.categorySlug).toBe('scholing');
    const archived = await makeCategory(t.db, { slug: 'scholing-oud', archived: true });
    const refused = await staff.patch<ErrorBody>(`/api/trainings/${training.id}`, { categoryId: archived });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'category_archived']);
  });

  it('a new time or place is told to everyone signed up, in one mail however often it changes', async () => {
    const training = await createTraining(staff, t.db, { capacity: 1, title: 'Het raadsvoorstel' });
    const [a, b, outsider] = await members(3);
    await a!.client.post(`/api/trainings/${training.id}/signup`);
    await b!.client.post(`/api/trainings/${training.id}/signup`);
    // Only words: nobody is bothered.
    await staff.patch(`/api/trainings/${training.id}`, { description: 'Nieuwe omschrijving.', entryCriteria: 'Iedereen.' });
    expect(await kindsFor(a!.user.id, 'training_changed')).toBe(0);

    await staff.patch(`/api/trainings/${training.id}`, { location: 'Provinciehuis, zaal 2' });
    await staff.patch(`/api/trainings/${training.id}`, { location: 'Provinciehuis, zaal 4' });
    for (const m of [a!, b!]) {
      expect(await kindsFor(m.user.id, 'training_changed')).toBe(2);
      expect(await mailsFor(m.user.id, 'training_changed')).toBe(1);
    }
    expect(await kindsFor(outsider!.user.id, 'training_changed')).toBe(0);
    const note = (await a!.client.get<NotificationList>('/api/notifications')).body.notifications.find((n) => n.kind === 'training_changed');
    expect(note).toMatchObject({ link: `/trainingen/${training.id}` });
    expect(note!.message).toMatch(/^„Het raadsvoorstel” is gewijzigd: .+, Provinciehuis, zaal 4 en online\.$/);
  });

  it('calling off closes sign-up, keeps it listed, and tells participants and waiting members', async () => {
    const training = await createTraining(staff, t.db, { capacity: 1, title: 'Moties schrijven' });
    const [a, b] = await members(2);
    await a!.client.post(`/api/trainings/${training.id}/signup`);
    await b!.client.post(`/api/trainings/${training.id}/signup`);
    const res = await staff.post<TrainingAnswer>(`/api/trainings/${training.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.training).toMatchObject({ cancelled: true, signupOpen: false });
    for (const m of [a!, b!]) {
      expect(await kindsFor(m.user.id, 'training_cancelled')).toBe(1);
      expect(await mailsFor(m.user.id, 'training_cancelled')).toBe(1);
      const note = (await m.client.get<NotificationList>('/api/notifications')).body.notifications.find((n) => n.kind === 'training_cancelled');
      expect(note?.message).toMatch(/^„Moties schrijven” \(.+\) gaat niet door\.$/);
    }
    expect((await a!.client.get<TrainingList>('/api/trainings')).body.items.find((i) => i.id === training.id)).toMatchObject({ cancelled: true });
    // Her place no longer gives her the meeting link, even when it would have opened.
    await moveTraining(t.db, training.id, 10 * 60_000);
    expect((await detail(a!.client, training.id)).meetingUrl).toBeNull();
    const twice = await staff.post<ErrorBody>(`/api/trainings/${training.id}/cancel`);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'training_cancelled']);
    const edit = await staff.patch<ErrorBody>(`/api/trainings/${training.id}`, { capacity: 5 });
    expect(edit.status).toBe(409);
  });
});
