import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { CreateTrainingBody, TrainingAnswer, TrainingList } from '../../shared/api/trainings.js';
import { queryRows } from '../../server/db/client.js';
import { makeCategory } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { createTraining, DAY, HOUR, moveTraining, trainingBody, trainingOf } from './fixtures.js';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  staff = (await t.login({ centreTeam: true })).client;
});
afterAll(() => t.close());

const detail = trainingOf;
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
const iso = (ms: number) => new Date(ms).toISOString();

describe(`announcing a training (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  it('opens its discussion thread in the category, written by the staff member, with time, place, link and description', async () => {
    const body = await trainingBody(t.db, { title: 'Kennisuitwisseling: de eerste begroting', kind: 'kennisuitwisseling', description: 'Neem je **eigen** begroting mee.' });
    const res = await staff.post<TrainingAnswer>('/api/trainings', body);
    expect(res.status).toBe(201);
    const training = res.body.training;
    expect(training).toMatchObject({
      title: 'Kennisuitwisseling: de eerste begroting',
      kind: 'kennisuitwisseling',
      online: true,
      location: 'Stadhuis Utrecht, zaal 3',
      capacity: 20,
      participantCount: 0,
      waitingCount: 0,
      signupOpen: true,
      cancelled: false,
      category: { slug: 'algemeen', name: 'Algemeen' },
      mySignup: null,
      descriptionHtml: '<p>Neem je <strong>eigen</strong> begroting mee.</p>',
      description: 'Neem je **eigen** begroting mee.',
      entryCriteria: 'Voor raads- en commissieleden.',
      linkVisibleMinutes: 30,
      linkOpensAt: iso(Date.parse(body.startsAt) - 30 * 60_000),
      meetingUrl: 'https://meet.example.nl/begroting',
    });
    const page = (await staff.get<{ thread: { title: string; categorySlug: string; author: { displayName: string } }; posts: { bodyHtml: string }[] }>(`/api/threads/${training.threadId}`)).body;
    expect(page.thread).toMatchObject({ title: 'Kennisuitwisseling: de eerste begroting', categorySlug: 'algemeen' });
    const opening = page.posts[0]!.bodyHtml;
    expect(opening).toContain('<strong>Wanneer:</strong>');
    expect(opening).toContain('Stadhuis Utrecht, zaal 3 en online');
    expect(opening).toContain(`<a href="/trainingen/${training.id}">`);
    expect(opening).toContain('Neem je <strong>eigen</strong> begroting mee.');
    expect(opening).not.toContain('meet.example.nl');

    // A member reads it without the Markdown source and, not signed up, without the link.
    const member = (await t.login()).client;
    const seen = await detail(member, training.id);
    expect(seen.meetingUrl).toBeNull();
    expect(seen).not.toHaveProperty('description');
  });

  it('refuses every bad field with a Dutch message on that field, and makes nothing', async () => {
    const archived = await makeCategory(t.db, { slug: 'oud-archief', archived: true });
    const soon = Date.now() + 3 * DAY;
    const cases: [Partial<CreateTrainingBody>, string, string][] = [
      [{ title: '   ab   ' }, 'title', 'invalid_title'],
      [{ endsAt: iso(soon - HOUR), startsAt: iso(soon) }, 'endsAt', 'ends_before_start'],
      [{ startsAt: iso(soon), endsAt: iso(soon) }, 'endsAt', 'ends_before_start'],
      [{ startsAt: iso(Date.now() - HOUR), endsAt: iso(Date.now() + HOUR) }, 'startsAt', 'starts_in_past'],
      [{ location: '  ', meetingUrl: null }, 'location', 'no_place'],
      [{ location: null, meetingUrl: 'http://meet.example.nl/x' }, 'meetingUrl', 'invalid_meeting_url'],
      [{ meetingUrl: 'javascript:alert(1)' }, 'meetingUrl', 'invalid_meeting_url'],
      [{ meetingUrl: 'meet.example.nl' }, 'meetingUrl', 'invalid_meeting_url'],
      [{ signupDeadline: iso(Date.now() + 30 * DAY) }, 'signupDeadline', 'deadline_after_start'],
      [{ capacity: 0 }, 'capacity', 'invalid_input'],
      [{ capacity: 1001 }, 'capacity', 'invalid_input'],
      [{ kind: 'borrel' as never }, 'kind', 'invalid_input'],
      [{ categoryId: 999_999 }, 'categoryId', 'unknown_category'],
      [{ categoryId: archived }, 'categoryId', 'category_archived'],
      [{ linkVisibleMinutes: -5 }, 'linkVisibleMinutes', 'invalid_input'],
      [{ startsAt: 'morgen' }, 'startsAt', 'invalid_input'],
    ];
    const before = [await count('centre_events'), await count('threads')];
    for (const [overrides, field, code] of cases) {
      const res = await staff.post<ErrorBody>('/api/trainings', await trainingBody(t.db, overrides));
      expect([res.status, res.body.error.field, res.body.error.code], JSON.stringify(overrides)).toEqual([400, field, code]);
      expect(res.body.error.message).toMatch(/^[A-Z„].+[a-z.)”]$/);
    }
    expect([await count('centre_events'), await count('threads')]).toEqual(before);
  });
});

describe('the meeting link', () => {
  it('reaches a participant only from linkOpensAt until the end; never a waiting member or anyone else; staff always', async () => {
    const training = await createTraining(staff, t.db, { capacity: 1, linkVisibleMinutes: 30 });
    const participant = (await t.login()).client;
    const waiting = (await t.login()).client;
    const outsider = (await t.login()).client;
    const admin = (await t.login({ role: 'admin' })).client;
    const moderator = (await t.login({ role: 'moderator' })).client;
    await participant.post(`/api/trainings/${training.id}/signup`);
    await waiting.post(`/api/trainings/${training.id}/signup`);
    const link = 'https://meet.example.nl/begroting';
    const urls = async () => Promise.all([participant, waiting, outsider, moderator, staff, admin].map(async (c) => (await detail(c, training.id)).meetingUrl));

    // A week ahead: only staff.
    expect(await urls()).toEqual([null, null, null, null, link, link]);
    // 40 minutes before the start the link is still closed; 20 minutes before it is open for the participant.
    await moveTraining(t.db, training.id, 40 * 60_000);
    expect(await urls()).toEqual([null, null, null, null, link, link]);
    await moveTraining(t.db, training.id, 20 * 60_000);
    expect(await urls()).toEqual([link, null, null, null, link, link]);
    // Running: still.
    await moveTraining(t.db, training.id, -HOUR, 2 * HOUR);
    expect(await urls()).toEqual([link, null, null, null, link, link]);
    // Over: gone again, except for staff.
    await moveTraining(t.db, training.id, -3 * HOUR, 2 * HOUR);
    expect(await urls()).toEqual([null, null, null, null, link, link]);

    // Never in a list, whoever asks.
    for (const c of [participant, staff]) {
      for (const period of ['upcoming', 'past']) expect(JSON.stringify((await c.get(`/api/trainings?period=${period}`)).body)).not.toContain('meet.example.nl');
    }
  });

  it('is not shown before linkOpensAt with a longer lead time, and a place-only training has none', async () => {
    const training = await createTraining(staff, t.db, { linkVisibleMinutes: 120 });
    const member = (await t.login()).client;
    await member.post(`/api/trainings/${training.id}/signup`);
    await moveTraining(t.db, training.id, 90 * 60_000);
    expect((await detail(member, training.id)).meetingUrl).toBe('https://meet.example.nl/begroting');
    await moveTraining(t.db, training.id, 150 * 60_000);
    expect((await detail(member, training.id)).meetingUrl).toBeNull();

    const inPerson = await createTraining(staff, t.db, { meetingUrl: null });
    expect(inPerson).toMatchObject({ online: false, linkOpensAt: null, meetingUrl: null });
  });
});

describe('the lists', () => {
  it('upcoming: soonest first with running ones until their end; past: latest first; pages; the start page takes 3', async () => {
    const own = await makeCategory(t.db, { slug: 'lijst-test' });
    const viewer = (await t.login()).client;
    const made: Record<string, number> = {};
    for (const [name, start] of [
      ['later', 5 * DAY],
      ['soon', 1 * DAY],
      ['running', -HOUR],
      ['middle', 3 * DAY],
      ['yesterday', -DAY],
      ['last week', -7 * DAY],
    ] as const) {
      const tr = await createTraining(staff, t.db, { categoryId: own, title: `Training ${name}` });
      await moveTraining(t.db, tr.id, start, 2 * HOUR);
      made[name] = tr.id;
    }
    const mine = (items: { id: number }[]) => items.map((i) => i.id).filter((id) => Object.values(made).includes(id));
    const upcoming = (await viewer.get<TrainingList>('/api/trainings?period=upcoming&limit=100')).body;
    expect(mine(upcoming.items)).toEqual([made.running, made.soon, made.middle, made.later]);
    const past = (await viewer.get<TrainingList>('/api/trainings?period=past&limit=100')).body;
    expect(mine(past.items)).toEqual([made.yesterday, made['last week']]);
    expect(past.items.every((i) => i.signupOpen === false)).toBe(true);
    // The default is upcoming.
    expect((await viewer.get<TrainingList>('/api/trainings?limit=100')).body).toEqual(upcoming);

    // Page by page, three at a time, the same order with nothing twice.
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/trainings?period=upcoming&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: TrainingList = (await viewer.get<TrainingList>(url)).body;
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(upcoming.items.map((i) => i.id));

    // One statement for a page, however many trainings and sign-ups it shows.
    t.queries.length = 0;
    await viewer.get('/api/trainings?period=upcoming&limit=1');
    const forOne = t.queries.length;
    t.queries.length = 0;
    await viewer.get('/api/trainings?period=upcoming&limit=100');
    expect(t.queries.length).toBe(forOne);

    const bad = await viewer.get<ErrorBody>('/api/trainings?cursor=nonsense');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_cursor']);
    expect((await viewer.get<ErrorBody>('/api/trainings?period=later')).status).toBe(400);
  });
});
