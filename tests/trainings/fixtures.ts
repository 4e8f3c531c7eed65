import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CreateTrainingBody, TrainingAnswer, TrainingDetail, TrainingParticipantList } from '../../shared/api/trainings.js';
import { queryRows, type Db } from '../../server/db/client.js';
import { centreEvents } from '../../server/db/schema.js';
import { categoryId } from '../../server/dev/factories.js';
import type { TestClient } from '../helpers/client.js';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** A training a week from now, two hours long, in a place and online, in "algemeen" unless said otherwise. */
export async function trainingBody(db: Db, overrides: Partial<CreateTrainingBody> = {}): Promise<CreateTrainingBody> {
  const start = Date.now() + 7 * DAY;
  return {
    title: 'Begroting lezen voor raadsleden',
    description: 'We lopen samen door een **echte** begroting.',
    kind: 'training',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * HOUR).toISOString(),
    location: 'Stadhuis Utrecht, zaal 3',
    meetingUrl: 'https://meet.example.nl/begroting',
    linkVisibleMinutes: 30,
    capacity: 20,
    entryCriteria: 'Voor raads- en commissieleden.',
    categoryId: await categoryId(db, 'algemeen'),
    ...overrides,
  };
}

export async function createTraining(staff: TestClient, db: Db, overrides: Partial<CreateTrainingBody> = {}): Promise<TrainingDetail> {
  const res = await staff.post<TrainingAnswer>('/api/trainings', await trainingBody(db, overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.training;
}

/** Moves a training in time (the API accepts only a future start for a new one): `startInMs` from now, `lengthMs` long. */
export async function moveTraining(db: Db, id: number, startInMs: number, lengthMs = 2 * HOUR): Promise<void> {
  const startsAt = new Date(Date.now() + startInMs);
  await db
    .update(centreEvents)
    .set({ startsAt, endsAt: new Date(startsAt.getTime() + lengthMs), signupDeadline: null })
    .where(eq(centreEvents.id, id));
}

/** A training as this client sees it. */
export const trainingOf = async (client: TestClient, id: number) => (await client.get<TrainingAnswer>(`/api/trainings/${id}`)).body.training;

/** Participants, then the waiting list, as staff see them. */
export const participantsOf = async (staff: TestClient, id: number) =>
  (await staff.get<TrainingParticipantList>(`/api/trainings/${id}/participants`)).body.participants;

/** How many notifications, or mails waiting to go, of one kind a member has. */
export const countFor = async (db: Db, table: 'notifications' | 'mail_outbox', userId: number, kind: string) =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)} where user_id = ${userId} and kind = ${kind}`))[0]!.n;
