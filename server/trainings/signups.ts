import { and, asc, count, eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/types.js';
import type { Db, Tx } from '../db/client.js';
import { centreEvents, centreEventSignups } from '../db/schema.js';
import { conflict, notFound } from '../http/errors.js';
import { enqueueMail } from '../mail/outbox.js';
import { notifyUser } from '../notifications/notify.js';
import { setThreadWatch } from '../notifications/watches.js';
import { signupOpen } from './queries.js';

/**
 * Signing up and cancelling. Every change to a training's sign-ups first locks its row (SELECT … FOR UPDATE), so
 * they happen one after the other per training, whatever the number of processes: the count of participants a
 * sign-up reads is the count it inserts against, and a place that comes free goes to exactly one waiting member.
 */

export type TrainingEvent = typeof centreEvents.$inferSelect;

/** The training's row, locked until the transaction ends; a training that is gone is a 404. */
export async function lockTraining(tx: Tx, id: number): Promise<TrainingEvent> {
  const [event] = await tx.select().from(centreEvents).where(eq(centreEvents.id, id)).for('update');
  if (!event) throw notFound('Deze training bestaat niet (meer).');
  return event;
}

export async function participantCount(tx: Tx, eventId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(centreEventSignups)
    .where(and(eq(centreEventSignups.eventId, eventId), eq(centreEventSignups.status, 'participant')));
  return row!.n;
}

/**
 * Gives every free place to the first waiting members (in sign-up order) and tells each: a notification and a
 * mail. The caller holds the training's lock.
 */
export async function fillPlaces(tx: Tx, event: TrainingEvent): Promise<number[]> {
  if (event.cancelledAt) return [];
  const free = event.capacity - (await participantCount(tx, event.id));
  if (free <= 0) return [];
  const waiting = await tx
    .select({ id: centreEventSignups.id, userId: centreEventSignups.userId })
    .from(centreEventSignups)
    .where(and(eq(centreEventSignups.eventId, event.id), eq(centreEventSignups.status, 'waiting')))
    .orderBy(asc(centreEventSignups.id))
    .limit(free);
  const promoted: number[] = [];
  for (const signup of waiting) {
    await tx.update(centreEventSignups).set({ status: 'participant', promotedAt: new Date() }).where(eq(centreEventSignups.id, signup.id));
    await notifyUser(tx, signup.userId, 'training_place', `Er is een plaats vrijgekomen: je doet mee aan „${event.title}”.`, { trainingId: event.id });
    await enqueueMail(tx, { userId: signup.userId, kind: 'training_place', data: { trainingId: event.id } });
    promoted.push(signup.userId);
  }
  return promoted;
}

/**
 * Signs her up: a participant while places are free, otherwise on the waiting list. She follows the training's
 * thread from then on (every new post there notifies her). Refused when sign-up is closed or she is signed up.
 */
export async function signUp(db: Db, id: number, user: CurrentUser, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const event = await lockTraining(tx, id);
    if (event.cancelledAt) throw conflict('training_cancelled', 'Deze training gaat niet door: aanmelden kan niet meer.');
    if (!signupOpen(event, now)) throw conflict('signup_closed', 'De aanmelding voor deze training is gesloten.');
    const [existing] = await tx
      .select({ id: centreEventSignups.id })
      .from(centreEventSignups)
      .where(and(eq(centreEventSignups.eventId, id), eq(centreEventSignups.userId, user.id)));
    if (existing) throw conflict('already_signed_up', 'Je bent al aangemeld voor deze training.');
    const status = (await participantCount(tx, id)) < event.capacity ? 'participant' : 'waiting';
    await tx.insert(centreEventSignups).values({ eventId: id, userId: user.id, status });
    if (event.threadId !== null) await setThreadWatch(tx, user.id, event.threadId, 'watching');
  });
}

/**
 * Takes her off the training (a place or the waiting list); a place she gives up goes to the first waiting member in
 * the same transaction. Not once the training has started: then the list is what happened.
 */
export async function withdraw(db: Db, id: number, user: CurrentUser, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const event = await lockTraining(tx, id);
    if (now >= event.startsAt) throw conflict('training_started', 'Deze training is al begonnen: afmelden kan niet meer.');
    const [removed] = await tx
      .delete(centreEventSignups)
      .where(and(eq(centreEventSignups.eventId, id), eq(centreEventSignups.userId, user.id)))
      .returning({ status: centreEventSignups.status });
    if (!removed) throw notFound('Je bent niet aangemeld voor deze training.');
    if (removed.status === 'participant') await fillPlaces(tx, event);
  });
}

/** Everyone signed up, participants and waiting, for telling them all (a training called off). */
export async function signedUpUserIds(tx: Tx, eventId: number): Promise<number[]> {
  const rows = await tx
    .select({ userId: centreEventSignups.userId })
    .from(centreEventSignups)
    .where(eq(centreEventSignups.eventId, eventId))
    .orderBy(asc(centreEventSignups.id));
  return rows.map((r) => r.userId);
}
