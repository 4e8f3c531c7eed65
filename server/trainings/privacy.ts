import { and, eq, gt, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx, type Tx } from '../db/client.js';
import { centreEvents, centreEventSignups } from '../db/schema.js';
import { fillPlaces, lockTraining } from './signups.js';

/**
 * A member's sign-ups and the AVG: her data export lists them; deleting her account gives her places in trainings
 * still to come to the waiting list first (the cascade alone would delete her row and leave the place empty).
 */

export async function releaseTrainingPlaces(tx: Tx, userId: number, now = new Date()): Promise<void> {
  const coming = await tx
    .select({ eventId: centreEventSignups.eventId })
    .from(centreEventSignups)
    .innerJoin(centreEvents, eq(centreEvents.id, centreEventSignups.eventId))
    .where(and(eq(centreEventSignups.userId, userId), eq(centreEventSignups.status, 'participant'), gt(centreEvents.startsAt, now)))
    .orderBy(centreEventSignups.eventId);
  for (const { eventId } of coming) {
    const event = await lockTraining(tx, eventId);
    await tx.delete(centreEventSignups).where(and(eq(centreEventSignups.eventId, eventId), eq(centreEventSignups.userId, userId)));
    await fillPlaces(tx, event);
  }
}

export function exportTrainingSignups(db: DbOrTx, userId: number) {
  return queryRows(
    db,
    sql`select e.title, e.starts_at as "startsAt", e.ends_at as "endsAt", e.location, s.status, s.created_at as "signedUpAt",
               s.promoted_at as "promotedAt", e.cancelled_at as "cancelledAt"
          from centre_event_signups s join centre_events e on e.id = s.event_id
         where s.user_id = ${userId} order by s.id`,
  );
}
