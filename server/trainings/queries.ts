import { and, asc, desc, eq, gt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { MySignup, TrainingDetail, TrainingKind, TrainingSignupStatus, TrainingSummary } from '../../shared/api/trainings.js';
import type { CurrentUser } from '../auth/types.js';
import { isCentreStaff } from '../centre/team.js';
import type { DbOrTx } from '../db/client.js';
import { categories, centreEvents } from '../db/schema.js';
import { categoryOpenTo } from '../forum/visibility.js';

/**
 * Reading trainings as one viewer sees them. A training follows its category: whoever may not enter the category
 * (forum/visibility.ts, the one rule) does not learn it exists, staff included. The counts and her own sign-up are
 * correlated subqueries of the same statement, so a list is one query however long.
 */

const participantCount = sql<number>`(select count(*)::int from centre_event_signups s where s.event_id = ${centreEvents.id} and s.status = 'participant')`;
const waitingCount = sql<number>`(select count(*)::int from centre_event_signups s where s.event_id = ${centreEvents.id} and s.status = 'waiting')`;
const myStatus = (userId: number) => sql<string | null>`(select s.status from centre_event_signups s where s.event_id = ${centreEvents.id} and s.user_id = ${userId})`;
/** Her place on the waiting list: the waiting sign-ups up to and including hers, in id order (0 when not waiting). */
const myPosition = (userId: number) =>
  sql<number>`(select count(*)::int from centre_event_signups w
                 join centre_event_signups me on me.event_id = w.event_id and me.user_id = ${userId} and me.status = 'waiting'
                where w.event_id = ${centreEvents.id} and w.status = 'waiting' and w.id <= me.id)`;

const trainingColumns = (userId: number) => ({
  event: centreEvents,
  categorySlug: categories.slug,
  categoryName: categories.name,
  participantCount: participantCount.mapWith(Number),
  waitingCount: waitingCount.mapWith(Number),
  myStatus: myStatus(userId),
  myPosition: myPosition(userId).mapWith(Number),
});

export interface TrainingRow {
  event: typeof centreEvents.$inferSelect;
  categorySlug: string;
  categoryName: string;
  participantCount: number;
  waitingCount: number;
  myStatus: string | null;
  myPosition: number;
}

function selectTrainings(db: DbOrTx, user: CurrentUser, where: SQL | undefined) {
  return db
    .select(trainingColumns(user.id))
    .from(centreEvents)
    .innerJoin(categories, eq(categories.id, centreEvents.categoryId))
    .where(and(categoryOpenTo(user, categories), where));
}

/** The training if `user` may see it; null when it does not exist or its category is closed to her. */
export async function findTraining(db: DbOrTx, id: number, user: CurrentUser): Promise<TrainingRow | null> {
  const [row] = await selectTrainings(db, user, eq(centreEvents.id, id));
  return row ?? null;
}

export type Period = 'upcoming' | 'past';

/**
 * One page of a period. Upcoming: not yet ended (a running one stays until its end), soonest first; past: ended,
 * latest first. `after` is the last row of the previous page (its start and id).
 */
export async function listTrainings(db: DbOrTx, user: CurrentUser, period: Period, after: readonly [Date, number] | null, limit: number, now: Date): Promise<TrainingRow[]> {
  const upcoming = period === 'upcoming';
  const inPeriod = upcoming ? gt(centreEvents.endsAt, now) : lte(centreEvents.endsAt, now);
  const page = after
    ? upcoming
      ? or(gt(centreEvents.startsAt, after[0]), and(eq(centreEvents.startsAt, after[0]), gt(centreEvents.id, after[1])))
      : or(sql`${centreEvents.startsAt} < ${after[0]}`, and(eq(centreEvents.startsAt, after[0]), sql`${centreEvents.id} < ${after[1]}`))
    : undefined;
  return selectTrainings(db, user, and(inPeriod, page))
    .orderBy(...(upcoming ? [asc(centreEvents.startsAt), asc(centreEvents.id)] : [desc(centreEvents.startsAt), desc(centreEvents.id)]))
    .limit(limit);
}

/** Sign-up is open until the deadline (or the start, whichever comes first), unless the training was called off. */
export function signupOpen(event: TrainingRow['event'], now: Date): boolean {
  if (event.cancelledAt) return false;
  if (now >= event.startsAt) return false;
  return event.signupDeadline === null || now < event.signupDeadline;
}

/** When participants get the meeting link: `linkVisibleMinutes` before the start; null when not online. */
export function linkOpensAt(event: TrainingRow['event']): Date | null {
  return event.meetingUrl === null ? null : new Date(event.startsAt.getTime() - event.linkVisibleMinutes * 60_000);
}

/**
 * THE LINK RULE: staff always see the meeting link; a participant (not a waiting member) from linkOpensAt until the
 * end, while the training is not called off; nobody else ever.
 */
export function mayReadMeetingUrl(row: TrainingRow, user: CurrentUser, now: Date): boolean {
  const opens = linkOpensAt(row.event);
  if (opens === null) return false;
  if (isCentreStaff(user)) return true;
  return row.myStatus === 'participant' && !row.event.cancelledAt && now >= opens && now < row.event.endsAt;
}

function mySignup(row: TrainingRow): MySignup | null {
  if (row.myStatus === null) return null;
  const status = row.myStatus as TrainingSignupStatus;
  return { status, position: status === 'waiting' ? row.myPosition : null };
}

export function toSummary(row: TrainingRow, now: Date): TrainingSummary {
  const e = row.event;
  return {
    id: e.id,
    title: e.title,
    // The database holds what the API wrote, checked by centre_events_kind_check.
    kind: e.kind as TrainingKind,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    online: e.meetingUrl !== null,
    location: e.location,
    capacity: e.capacity,
    participantCount: row.participantCount,
    waitingCount: row.waitingCount,
    signupDeadline: e.signupDeadline?.toISOString() ?? null,
    signupOpen: signupOpen(e, now),
    cancelled: e.cancelledAt !== null,
    category: { slug: row.categorySlug, name: row.categoryName },
    threadId: e.threadId,
    mySignup: mySignup(row),
  };
}

export function toDetail(row: TrainingRow, user: CurrentUser, now: Date): TrainingDetail {
  const e = row.event;
  const staff = isCentreStaff(user);
  return {
    ...toSummary(row, now),
    descriptionHtml: e.descriptionHtml,
    entryCriteria: e.entryCriteria,
    linkVisibleMinutes: e.linkVisibleMinutes,
    linkOpensAt: linkOpensAt(e)?.toISOString() ?? null,
    meetingUrl: mayReadMeetingUrl(row, user, now) ? e.meetingUrl : null,
    ...(staff ? { description: e.description } : {}),
  };
}
