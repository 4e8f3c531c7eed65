import { and, eq } from 'drizzle-orm';
import { centreEvents, centreEventSignups } from '../../db/schema.js';
import { trainingPath, whenText, whereText } from '../../trainings/text.js';
import { mailLayout } from '../layout.js';
import type { MailTemplate, TemplateContext } from '../types.js';

/**
 * Mail about a member's sign-up for a training (server/trainings/), made at send time from the training as it is
 * then: dropped when it no longer fits (she withdrew, lost her place, the training was called off or has started).
 * Never the meeting link: it is on the training's page, shown to participants shortly before the start.
 */

async function trainingOf(context: TemplateContext) {
  const id = context.data.trainingId;
  if (typeof id !== 'number') return null;
  const [row] = await context.db
    .select({ event: centreEvents, status: centreEventSignups.status })
    .from(centreEvents)
    .leftJoin(centreEventSignups, and(eq(centreEventSignups.eventId, centreEvents.id), eq(centreEventSignups.userId, context.user.id)))
    .where(eq(centreEvents.id, id));
  return row ?? null;
}

const facts = (e: typeof centreEvents.$inferSelect) => ({
  list: [
    { text: `Wanneer: ${whenText(e.startsAt, e.endsAt)}` },
    { text: `Waar: ${whereText(e.location, e.meetingUrl !== null)}` },
  ],
});

const reminder: MailTemplate = async (context) => {
  const row = await trainingOf(context);
  if (!row || row.status !== 'participant' || row.event.cancelledAt || row.event.startsAt <= new Date()) return null;
  const e = row.event;
  return mailLayout(context, {
    subject: `Herinnering: ${e.title}`,
    blocks: [
      `Je doet mee aan „${e.title}”. Een herinnering, zodat je het niet vergeet:`,
      facts(e),
      ...(e.meetingUrl ? [`De link naar de online bijeenkomst staat ${e.linkVisibleMinutes} minuten voor het begin op de pagina van de training.`] : []),
      { action: { label: 'Naar de training', url: context.url(trainingPath(e.id)) } },
      'Kun je toch niet? Meld je dan af op de pagina van de training, zodat iemand van de wachtlijst je plaats krijgt.',
    ],
  });
};

const place: MailTemplate = async (context) => {
  const row = await trainingOf(context);
  if (!row || row.status !== 'participant' || row.event.cancelledAt || row.event.startsAt <= new Date()) return null;
  const e = row.event;
  return mailLayout(context, {
    subject: `Je hebt een plaats: ${e.title}`,
    blocks: [
      `Er is een plaats vrijgekomen bij „${e.title}”. Je stond op de wachtlijst en doet nu mee.`,
      facts(e),
      { action: { label: 'Naar de training', url: context.url(trainingPath(e.id)) } },
      'Kun je toch niet? Meld je dan af op de pagina van de training, zodat de volgende op de wachtlijst je plaats krijgt.',
    ],
  });
};

const cancelled: MailTemplate = async (context) => {
  const row = await trainingOf(context);
  if (!row || !row.event.cancelledAt) return null;
  const e = row.event;
  return mailLayout(context, {
    subject: `Gaat niet door: ${e.title}`,
    blocks: [
      `Het kenniscentrum heeft „${e.title}” afgelast. Je was hiervoor aangemeld; je hoeft niets te doen.`,
      facts(e),
      { action: { label: 'Bekijk andere trainingen', url: context.url('/trainingen') } },
    ],
  });
};

/** Time or place changed: the mail shows them as they are when it is sent (a second change in between is included). */
const changed: MailTemplate = async (context) => {
  const row = await trainingOf(context);
  if (!row || row.status === null || row.event.cancelledAt || row.event.endsAt <= new Date()) return null;
  const e = row.event;
  return mailLayout(context, {
    subject: `Gewijzigd: ${e.title}`,
    blocks: [
      `Het kenniscentrum heeft de tijd of de plaats van „${e.title}” gewijzigd. Zo is het nu:`,
      facts(e),
      row.status === 'participant' ? 'Je plaats blijft voor je gereserveerd.' : 'Je staat nog steeds op de wachtlijst.',
      { action: { label: 'Naar de training', url: context.url(trainingPath(e.id)) } },
      'Kun je op het nieuwe moment niet? Meld je dan af op de pagina van de training, zodat iemand anders je plaats krijgt.',
    ],
  });
};

/** Keyed by mail_outbox.kind. */
export const trainingTemplates: Record<string, MailTemplate> = { training_reminder: reminder, training_place: place, training_cancelled: cancelled, training_changed: changed };
