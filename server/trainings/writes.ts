import { asc, eq, sql } from 'drizzle-orm';
import type { UpdateTrainingBody } from '../../shared/api/trainings.js';
import type { CurrentUser } from '../auth/types.js';
import { renderMarkdown } from '../content/render.js';
import { queryRows, type Db } from '../db/client.js';
import { centreEvents, posts } from '../db/schema.js';
import { changeThread } from '../forum/thread-changes.js';
import { createThread, editPost } from '../forum/writes.js';
import { conflict } from '../http/errors.js';
import { enqueueMail } from '../mail/outbox.js';
import { notifyUser } from '../notifications/notify.js';
import { fillPlaces, lockTraining, participantCount, signedUpUserIds, type TrainingEvent } from './signups.js';
import { threadOpening, whenText, whereText } from './text.js';
import { checkCategory, checkTraining, type TrainingFields } from './validate.js';

/**
 * Staff's changes to trainings. A new training gets its discussion thread in its category in the same transaction
 * (forum/writes.ts createThread: the forum's one way to make a thread, so search, live and notifications follow);
 * an edit keeps that thread's title, category and opening post in step.
 */

/** How long a change's mail waits for further changes. */
export const CHANGE_MAIL_DELAY_MS = 10 * 60_000;

interface WriteOptions {
  /** The site's origin (config.mail.siteUrl): the thread's first post is rendered as any post is. */
  origin: string;
}

export async function createTraining(db: Db, author: CurrentUser, fields: TrainingFields, options: WriteOptions): Promise<number> {
  const descriptionHtml = renderMarkdown(fields.description);
  return db.transaction(async (tx) => {
    const [event] = await tx
      .insert(centreEvents)
      .values({ ...fields, descriptionHtml, createdBy: author.id })
      .returning({ id: centreEvents.id });
    const id = event!.id;
    const { threadId } = await createThread(tx, author, fields.categoryId, fields.title, threadOpening(id, fields), { origin: options.origin });
    await tx.update(centreEvents).set({ threadId }).where(eq(centreEvents.id, id));
    return id;
  });
}

/** The stored training as a form would send it, so a patch is checked as a whole. */
const asInput = (e: TrainingEvent) => ({
  title: e.title,
  description: e.description,
  kind: e.kind as TrainingFields['kind'],
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  location: e.location,
  meetingUrl: e.meetingUrl,
  linkVisibleMinutes: e.linkVisibleMinutes,
  capacity: e.capacity,
  signupDeadline: e.signupDeadline,
  entryCriteria: e.entryCriteria,
  categoryId: e.categoryId,
});

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Applies a patch. A higher capacity moves waiting members up in order; one below the participants already in is
 * refused. A new start means the day-before reminder is due again.
 */
export async function updateTraining(db: Db, id: number, editor: CurrentUser, patch: UpdateTrainingBody, now: Date, options: WriteOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const event = await lockTraining(tx, id);
    if (event.cancelledAt) throw conflict('training_cancelled', 'Deze training gaat niet door en kan niet meer worden gewijzigd.');
    const fields = checkTraining({ ...asInput(event), ...patch }, now, false);
    if (fields.categoryId !== event.categoryId) await checkCategory(tx, fields.categoryId, editor);
    const participants = await participantCount(tx, id);
    if (fields.capacity < participants) {
      throw conflict('capacity_below_participants', `Er doen al ${participants} mensen mee: het aantal plaatsen kan niet lager zijn dan dat. Meld eerst deelnemers af.`);
    }
    const descriptionHtml = fields.description === event.description ? event.descriptionHtml : renderMarkdown(fields.description);
    const moved = !sameTime(fields.startsAt, event.startsAt);
    await tx
      .update(centreEvents)
      .set({ ...fields, descriptionHtml, updatedAt: now, ...(moved ? { reminderSentAt: null } : {}) })
      .where(eq(centreEvents.id, id));
    await fillPlaces(tx, { ...event, ...fields });
    const whenOrWhereChanged = moved || !sameTime(fields.endsAt, event.endsAt) || fields.location !== event.location || (fields.meetingUrl === null) !== (event.meetingUrl === null);
    // Whoever signed up planned around the old time and place: tell them, unless it is over already.
    if (whenOrWhereChanged && now < fields.endsAt) {
      const message = `„${fields.title}” is gewijzigd: ${whenText(fields.startsAt, fields.endsAt)}, ${whereText(fields.location, fields.meetingUrl !== null)}.`;
      // One mail for a flurry of edits: it waits a few minutes and shows the training as it is when it is sent.
      const waiting = await queryRows<{ user_id: number }>(
        tx,
        sql`select user_id from mail_outbox where kind = 'training_changed' and (data->>'trainingId')::int = ${id}`,
      );
      const mailed = new Set(waiting.map((r) => r.user_id));
      const notBefore = new Date(now.getTime() + CHANGE_MAIL_DELAY_MS);
      for (const userId of await signedUpUserIds(tx, id)) {
        await notifyUser(tx, userId, 'training_changed', message, { trainingId: id });
        if (!mailed.has(userId)) await enqueueMail(tx, { userId, kind: 'training_changed', data: { trainingId: id }, notBefore });
      }
    }
    if (event.threadId === null) return;
    await changeThread(tx, event.threadId, { title: fields.title, categoryId: fields.categoryId });
    if (!whenOrWhereChanged && fields.description === event.description) return;
    const [opening] = await tx.select({ id: posts.id }).from(posts).where(eq(posts.threadId, event.threadId)).orderBy(asc(posts.id)).limit(1);
    if (opening) await editPost(tx, editor, opening.id, event.threadId, fields.categoryId, threadOpening(id, fields), { origin: options.origin });
  });
}

/** Calls it off: sign-up closes, it stays listed as cancelled, and everyone signed up (waiting too) is told. */
export async function cancelTraining(db: Db, id: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const event = await lockTraining(tx, id);
    if (event.cancelledAt) throw conflict('training_cancelled', 'Deze training was al afgelast.');
    if (now >= event.endsAt) throw conflict('training_ended', 'Deze training is al voorbij.');
    await tx.update(centreEvents).set({ cancelledAt: now, updatedAt: now }).where(eq(centreEvents.id, id));
    const message = `„${event.title}” (${whenText(event.startsAt, event.endsAt)}) gaat niet door.`;
    for (const userId of await signedUpUserIds(tx, id)) {
      await notifyUser(tx, userId, 'training_cancelled', message, { trainingId: id });
      await enqueueMail(tx, { userId, kind: 'training_cancelled', data: { trainingId: id } });
    }
  });
}
