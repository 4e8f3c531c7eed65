import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { centreEvents } from '../../server/db/schema.js';
import { queueTrainingReminders } from '../../server/trainings/reminders.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { mailsTo } from '../notifications/mail-fixtures.js';
import { createTraining, DAY, HOUR, moveTraining } from './fixtures.js';

let t: TestApp;
let smtp: TestSmtp;
let staff: TestClient;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ searchWorker: false, env: { SMTP_URL: smtp.url, PUBLIC_ORIGIN: 'https://plein.example.nl' } });
  staff = (await t.login({ centreTeam: true })).client;
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const reminders = (trainingId: number) =>
  queryRows<{ user_id: number }>(t.db, sql`select user_id from mail_outbox where kind = 'training_reminder' and (data->>'trainingId')::int = ${trainingId} order by user_id`);

describe(`the day-before reminder (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  it('mails each participant once, the day before, with page, time and place but not the meeting link', async () => {
    const training = await createTraining(staff, t.db, { capacity: 1, title: 'Raadsvoorstellen lezen' });
    const participant = await t.login();
    const waiting = await t.login();
    await participant.client.post(`/api/trainings/${training.id}/signup`);
    await waiting.client.post(`/api/trainings/${training.id}/signup`);

    // A week ahead: nothing yet.
    expect(await t.app.trainingReminders.run()).toBe(0);
    await moveTraining(t.db, training.id, 20 * HOUR);
    // Two rounds at once (two processes, or a round and the poller) and one after: one mail.
    const counts = await Promise.all([queueTrainingReminders(t.db, new Date()), queueTrainingReminders(t.db, new Date())]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(await t.app.trainingReminders.run()).toBe(0);
    expect(await reminders(training.id)).toEqual([{ user_id: participant.user.id }]);
    const [row] = await t.db.select({ at: centreEvents.reminderSentAt }).from(centreEvents).where(eq(centreEvents.id, training.id));
    expect(row!.at).not.toBeNull();

    await t.app.mail.drain();
    const [mail] = mailsTo(smtp, participant.user.email);
    expect(mail!.subject).toBe('Herinnering: Raadsvoorstellen lezen');
    expect(mail!.text).toContain('Wanneer:');
    expect(mail!.text).toContain('Waar: Stadhuis Utrecht, zaal 3 en online');
    expect(mail!.text).toContain(`https://plein.example.nl/trainingen/${training.id}`);
    expect(mail!.text).not.toContain('meet.example.nl');
    expect(String(mail!.html)).not.toContain('meet.example.nl');
    expect(mailsTo(smtp, waiting.user.email)).toHaveLength(0);
  });

  it('skips trainings called off and those already started; a moved training is reminded again', async () => {
    const called = await createTraining(staff, t.db);
    const started = await createTraining(staff, t.db);
    const moved = await createTraining(staff, t.db);
    const member = await t.login();
    for (const tr of [called, started, moved]) await member.client.post(`/api/trainings/${tr.id}/signup`);
    await staff.post(`/api/trainings/${called.id}/cancel`);
    await moveTraining(t.db, called.id, 2 * HOUR);
    await moveTraining(t.db, started.id, -HOUR);
    await moveTraining(t.db, moved.id, 3 * HOUR);
    await t.app.trainingReminders.run();
    expect(await reminders(called.id)).toEqual([]);
    expect(await reminders(started.id)).toEqual([]);
    expect(await reminders(moved.id)).toHaveLength(1);

    // Staff move it to next week: the day before that, she is reminded again.
    const start = Date.now() + 7 * DAY;
    const res = await staff.patch(`/api/trainings/${moved.id}`, { startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() });
    expect(res.status).toBe(200);
    await t.app.trainingReminders.run({ now: new Date(start - 12 * HOUR) });
    expect(await reminders(moved.id)).toHaveLength(2);
  });

  it('a reminder for someone who withdrew before it was sent is dropped', async () => {
    const training = await createTraining(staff, t.db);
    const member = await t.login();
    await member.client.post(`/api/trainings/${training.id}/signup`);
    await moveTraining(t.db, training.id, 5 * HOUR);
    await t.app.trainingReminders.run();
    await member.client.delete(`/api/trainings/${training.id}/signup`);
    await t.app.mail.drain();
    expect(mailsTo(smtp, member.user.email)).toHaveLength(0);
  });
});

describe('the other mails about a sign-up', () => {
  it('a freed place, a change and a cancellation each make a Dutch mail with the page link and never the meeting link', async () => {
    const training = await createTraining(staff, t.db, { capacity: 1, title: 'Werken met amendementen' });
    const first = await t.login();
    const second = await t.login();
    await first.client.post(`/api/trainings/${training.id}/signup`);
    await second.client.post(`/api/trainings/${training.id}/signup`);
    await first.client.delete(`/api/trainings/${training.id}/signup`);
    await t.app.mail.drain();
    const [place] = mailsTo(smtp, second.user.email);
    expect(place!.subject).toBe('Je hebt een plaats: Werken met amendementen');
    expect(place!.text).toContain('Je stond op de wachtlijst en doet nu mee.');

    await staff.patch(`/api/trainings/${training.id}`, { location: 'Bibliotheek, zaal 1' });
    // The change's mail waits a few minutes for more changes.
    await t.app.mail.drain();
    expect(mailsTo(smtp, second.user.email)).toHaveLength(1);
    await t.app.mail.drain({ now: new Date(Date.now() + 11 * 60_000) });
    const changed = mailsTo(smtp, second.user.email)[1]!;
    expect(changed.subject).toBe('Gewijzigd: Werken met amendementen');
    expect(changed.text).toContain('Waar: Bibliotheek, zaal 1 en online');

    await staff.post(`/api/trainings/${training.id}/cancel`);
    await t.app.mail.drain();
    const cancelled = mailsTo(smtp, second.user.email)[2]!;
    expect(cancelled.subject).toBe('Gaat niet door: Werken met amendementen');
    expect(cancelled.text).toContain('https://plein.example.nl/trainingen');
    for (const mail of mailsTo(smtp, second.user.email)) {
      expect(mail.text).toContain(`https://plein.example.nl/trainingen`);
      expect(mail.text).not.toContain('meet.example.nl');
      expect(String(mail.html)).not.toContain('meet.example.nl');
    }
    // The one who left gets none of these.
    expect(mailsTo(smtp, first.user.email)).toHaveLength(0);
  });
});
