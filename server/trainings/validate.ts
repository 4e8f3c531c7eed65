import { and, eq } from 'drizzle-orm';
import { TRAINING_LIMITS, type CreateTrainingBody, type TrainingKind } from '../../shared/api/trainings.js';
import type { CurrentUser } from '../auth/types.js';
import type { DbOrTx } from '../db/client.js';
import { categories } from '../db/schema.js';
import { categoryOpenTo } from '../forum/visibility.js';
import { inDateRange } from '../http/dates.js';
import { badRequest } from '../http/errors.js';

/** A training's fields as stored: trimmed, empty text as null, moments as dates. */
export interface TrainingFields {
  title: string;
  description: string;
  kind: TrainingKind;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  meetingUrl: string | null;
  linkVisibleMinutes: number;
  capacity: number;
  signupDeadline: Date | null;
  entryCriteria: string;
  categoryId: number;
}

/** What a form sends (create) or the stored training with a patch over it (update). */
export type TrainingInput = Omit<CreateTrainingBody, 'startsAt' | 'endsAt' | 'signupDeadline'> & {
  startsAt: string | Date;
  endsAt: string | Date;
  signupDeadline?: string | Date | null;
};

function moment(value: string | Date, field: string): Date {
  const at = value instanceof Date ? value : new Date(value);
  if (!inDateRange(at.getTime())) throw badRequest('invalid_date', 'Vul een geldige datum en tijd in.', field);
  return at;
}

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Only https: the link goes to every participant, and an http one would send their session to the meeting in the clear. */
function meetingUrl(value: string | null | undefined): string | null {
  const url = blankToNull(value);
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('invalid_meeting_url', 'Vul een volledig webadres in dat begint met https://.', 'meetingUrl');
  }
  if (parsed.protocol !== 'https:' || parsed.hostname === '') throw badRequest('invalid_meeting_url', 'De link naar de online bijeenkomst moet beginnen met https://.', 'meetingUrl');
  return parsed.toString();
}

/**
 * Checks a whole training, in the order of the form, and gives the first problem on its field. `isNew`: a new one
 * must start in the future; an edit may keep a start that has passed (a running training's room changes).
 */
export function checkTraining(input: TrainingInput, now: Date, isNew: boolean): TrainingFields {
  const title = input.title.trim();
  if (title.length < TRAINING_LIMITS.titleMin) throw badRequest('invalid_title', `De titel moet minstens ${TRAINING_LIMITS.titleMin} tekens hebben.`, 'title');
  if (input.description.trim() === '') throw badRequest('invalid_description', 'Vul een omschrijving in.', 'description');
  const startsAt = moment(input.startsAt, 'startsAt');
  const endsAt = moment(input.endsAt, 'endsAt');
  if (isNew && startsAt <= now) throw badRequest('starts_in_past', 'Het begin moet in de toekomst liggen.', 'startsAt');
  if (endsAt <= startsAt) throw badRequest('ends_before_start', 'Het einde moet na het begin liggen.', 'endsAt');
  const location = blankToNull(input.location);
  const url = meetingUrl(input.meetingUrl);
  if (location === null && url === null) throw badRequest('no_place', 'Vul een locatie in, een link naar de online bijeenkomst, of allebei.', 'location');
  const signupDeadline = input.signupDeadline === null || input.signupDeadline === undefined ? null : moment(input.signupDeadline, 'signupDeadline');
  if (signupDeadline && signupDeadline >= startsAt) throw badRequest('deadline_after_start', 'De uiterste aanmelddatum moet vóór het begin liggen.', 'signupDeadline');
  return {
    title,
    description: input.description,
    kind: input.kind,
    startsAt,
    endsAt,
    location,
    meetingUrl: url,
    linkVisibleMinutes: input.linkVisibleMinutes ?? TRAINING_LIMITS.linkVisibleMinutesDefault,
    capacity: input.capacity,
    signupDeadline,
    entryCriteria: input.entryCriteria?.trim() ?? '',
    categoryId: input.categoryId,
  };
}

/**
 * The category a training goes in: one that exists, that the staff member may enter herself (else nobody on her side
 * could see what she made) and that is not archived (its thread could not be written in).
 */
export async function checkCategory(db: DbOrTx, categoryId: number, user: CurrentUser): Promise<void> {
  const [row] = await db
    .select({ archivedAt: categories.archivedAt })
    .from(categories)
    .where(and(eq(categories.id, categoryId), categoryOpenTo(user, categories)));
  if (!row) throw badRequest('unknown_category', 'Deze categorie bestaat niet (meer).', 'categoryId');
  if (row.archivedAt) throw badRequest('category_archived', 'Deze categorie is gearchiveerd: kies een andere.', 'categoryId');
}
