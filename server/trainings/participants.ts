import { asc, eq, sql } from 'drizzle-orm';
import type { TrainingParticipant, TrainingSignupStatus } from '../../shared/api/trainings.js';
import type { DbOrTx } from '../db/client.js';
import { centreEventSignups, users } from '../db/schema.js';
import { csvFile } from './csv.js';

/**
 * Who signed up, for the kenniscentrum's staff: participants first (in sign-up order), then the waiting list in its
 * order, numbered from 1. Staff see the address and party of everyone, whatever a member shows to other members:
 * they need them to run the training.
 */
export async function participantList(db: DbOrTx, eventId: number): Promise<TrainingParticipant[]> {
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      party: users.party,
      municipality: users.municipality,
      email: users.email,
      status: centreEventSignups.status,
      signedUpAt: centreEventSignups.createdAt,
    })
    .from(centreEventSignups)
    .innerJoin(users, eq(users.id, centreEventSignups.userId))
    .where(eq(centreEventSignups.eventId, eventId))
    .orderBy(sql`${centreEventSignups.status} = 'waiting'`, asc(centreEventSignups.id));
  let waiting = 0;
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    party: r.party,
    municipality: r.municipality,
    email: r.email,
    status: r.status as TrainingSignupStatus,
    position: r.status === 'waiting' ? ++waiting : null,
    signedUpAt: r.signedUpAt.toISOString(),
  }));
}

const stamp = (iso: string) =>
  new Date(iso).toLocaleString('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).replace(',', '');

export const PARTICIPANT_CSV_HEADER = ['naam', 'partij', 'gemeente', 'e-mail', 'status', 'aangemeld op'] as const;

export function participantCsv(list: readonly TrainingParticipant[]): string {
  return csvFile(
    PARTICIPANT_CSV_HEADER,
    list.map((p) => [p.displayName, p.party ?? '', p.municipality ?? '', p.email, p.status === 'participant' ? 'deelnemer' : `wachtlijst ${p.position}`, stamp(p.signedUpAt)]),
  );
}
