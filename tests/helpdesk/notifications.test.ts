import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpdeskQuestionPage } from '../../shared/api/helpdesk.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import { notifications, users } from '../../server/db/schema.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { inMinutes, mailsTo, pendingMail, setPreferences } from '../notifications/mail-fixtures.js';
import { ask, reply } from './fixtures.js';

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ searchWorker: false, env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const notify = () => t.app.notifications.drain();
const helpdeskNotifications = (userId: number, questionId: number) =>
  t.db
    .select({ kind: notifications.kind, count: notifications.count, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.helpdeskQuestionId, questionId)));

describe('helpdesk notifications', () => {
  it('tell the asker of answers in one growing notification, read when she reads to the end', async () => {
    const asker = await t.login();
    const team = await t.login({ centreTeam: true });
    const id = await ask(asker.client);
    await notify();
    expect(await helpdeskNotifications(asker.user.id, id)).toEqual([]); // her own question tells her nothing
    await reply(team.client, id, 'Eerste antwoord');
    await reply(team.client, id, 'Tweede antwoord');
    await notify();
    expect(await helpdeskNotifications(asker.user.id, id)).toEqual([{ kind: 'helpdesk_answer', count: 2, readAt: null }]);
    const list = await asker.client.get<NotificationList>('/api/notifications');
    expect(list.body.notifications.find((n) => n.kind === 'helpdesk_answer')!.message).toMatch(/^2 nieuwe antwoorden op je vraag „Vraag over fuseren \d+”$/);

    const page = await asker.client.get<HelpdeskQuestionPage>(`/api/helpdesk/questions/${id}`);
    await asker.client.post(`/api/helpdesk/questions/${id}/read`, { messageId: page.body.messages[1]!.id });
    expect((await helpdeskNotifications(asker.user.id, id))[0]!.readAt).toBeNull(); // one answer still unread
    await asker.client.post(`/api/helpdesk/questions/${id}/read`, { messageId: page.body.messages[2]!.id });
    expect((await helpdeskNotifications(asker.user.id, id))[0]!.readAt).not.toBeNull();
  });

  it('tell the whole team of a new question, and only the one handling it after it is assigned', async () => {
    const asker = await t.login();
    const anna = await t.login({ centreTeam: true });
    const bram = await t.login({ centreTeam: true });
    const member = await t.login();
    const id = await ask(asker.client);
    await notify();
    for (const user of [anna.user, bram.user]) expect(await helpdeskNotifications(user.id, id)).toEqual([{ kind: 'helpdesk_question', count: 1, readAt: null }]);
    expect(await helpdeskNotifications(member.user.id, id)).toEqual([]);

    await anna.client.patch(`/api/helpdesk/questions/${id}`, { assigneeId: bram.user.id });
    await reply(asker.client, id, 'Nog een aanvulling op mijn vraag');
    await notify();
    expect(await helpdeskNotifications(bram.user.id, id)).toEqual([{ kind: 'helpdesk_question', count: 2, readAt: null }]);
    expect(await helpdeskNotifications(anna.user.id, id)).toEqual([{ kind: 'helpdesk_question', count: 1, readAt: null }]);

    // Bram leaves the team: the whole team hears of the question again.
    await t.db.update(users).set({ centreTeam: false }).where(eq(users.id, bram.user.id));
    await reply(asker.client, id, 'Is er al nieuws?');
    await notify();
    expect(await helpdeskNotifications(anna.user.id, id)).toEqual([{ kind: 'helpdesk_question', count: 2, readAt: null }]);
  });

  it('mail the answer unless her message mail is off, and not what she already read', async () => {
    const asker = await t.login();
    const quiet = await t.login();
    const reader = await t.login();
    const team = await t.login({ centreTeam: true });
    await setPreferences(t, quiet.user.id, { messages: 'never' });
    const questions = { asker: await ask(asker.client), quiet: await ask(quiet.client), reader: await ask(reader.client) };
    for (const id of Object.values(questions)) await reply(team.client, id, 'Het **antwoord** <script>x</script>');
    await notify();
    expect(await pendingMail(t, quiet.user.id)).toEqual([]);
    // She reads it before the mail is made: nothing left to mail.
    const page = await reader.client.get<HelpdeskQuestionPage>(`/api/helpdesk/questions/${questions.reader}`);
    await reader.client.post(`/api/helpdesk/questions/${questions.reader}/read`, { messageId: page.body.messages.at(-1)!.id });

    await t.app.mail.drain({ now: new Date() });
    expect(mailsTo(smtp, asker.user.email)).toHaveLength(0); // within the minute
    await t.app.mail.drain({ now: inMinutes(1.1) });
    const [mail] = mailsTo(smtp, asker.user.email);
    expect(mail!.text).toContain('Het antwoord');
    expect(String(mail!.html)).not.toContain('<script>');
    expect(mailsTo(smtp, quiet.user.email)).toEqual([]);
    expect(mailsTo(smtp, reader.user.email)).toEqual([]);
  });
});
