import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { HelpdeskQuestionPage } from '../../shared/api/helpdesk.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import { buildExport } from '../../server/privacy/export-content.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { inMinutes, mailsTo } from '../notifications/mail-fixtures.js';
import { ask, reply } from './fixtures.js';

/**
 * What the helpdesk keeps to the asker and the team: an internal note never reaches the asker, and a question
 * never reaches anyone else, through any of the ways Plein tells things (the page, notifications, mail, export).
 * Live delivery: secrecy-live.test.ts.
 */

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

const NOTE = 'Interne notitie: deze partij heeft al vaker gevraagd';

describe('internal notes', () => {
  it('never reach the asker: not on her page, in a notification, a mail or her data export', async () => {
    const asker = await t.login();
    const team = await t.login({ centreTeam: true });
    const id = await ask(asker.client, 'Hoe verloopt een fusie met de buurpartij?');
    await reply(team.client, id, NOTE, true);
    const answer = await reply(team.client, id, 'Begin met een gezamenlijke **ledenvergadering**.');
    await t.app.notifications.drain();

    const page = await asker.client.get<HelpdeskQuestionPage>(`/api/helpdesk/questions/${id}`);
    expect(page.body.messages.map((m) => m.id)).toEqual([page.body.messages[0]!.id, answer]);
    expect(JSON.stringify(page.body)).not.toContain('Interne notitie');
    // The team's page has it, marked.
    const teamPage = await team.client.get<HelpdeskQuestionPage>(`/api/helpdesk/questions/${id}`);
    expect(teamPage.body.messages.filter((m) => m.internal).map((m) => m.body)).toEqual([NOTE]);

    const notifications = await asker.client.get<NotificationList>('/api/notifications');
    const mine = notifications.body.notifications.filter((n) => n.kind === 'helpdesk_answer');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ count: 1, link: `/kenniscentrum/vragen/${id}` });
    expect(JSON.stringify(notifications.body)).not.toContain('Interne');

    await t.app.mail.drain({ now: inMinutes(1.1) });
    const [mail] = mailsTo(smtp, asker.user.email);
    expect(mail!.subject).toMatch(/^Antwoord van het kenniscentrum: „Vraag over fuseren \d+”$/);
    expect(mail!.text).toContain('Begin met een gezamenlijke ledenvergadering.');
    expect(mail!.text).toContain(`/kenniscentrum/vragen/${id}`);
    expect(`${mail!.text}${String(mail!.html)}`).not.toContain('Interne notitie');

    const exported = JSON.stringify(await buildExport(t.db, asker.user.id));
    expect(exported).toContain('Begin met een gezamenlijke **ledenvergadering**.');
    expect(exported).not.toContain('Interne notitie');
    // The team member's own export holds the note she wrote: her own words.
    expect(JSON.stringify(await buildExport(t.db, team.user.id))).toContain(NOTE);
  });

  it('are the team\'s to write: the asker is refused and nothing is stored', async () => {
    const asker = await t.login();
    const id = await ask(asker.client);
    const refused = await asker.client.post<ErrorBody>(`/api/helpdesk/questions/${id}/messages`, { body: 'Stiekem intern', internal: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'internal_team_only', field: 'internal' });
    const page = await asker.client.get<HelpdeskQuestionPage>(`/api/helpdesk/questions/${id}`);
    expect(page.body.messages).toHaveLength(1);
  });

  it('notify nobody and change nothing about the question', async () => {
    const asker = await t.login();
    const team = await t.login({ centreTeam: true });
    const id = await ask(asker.client);
    await t.app.notifications.drain();
    await reply(team.client, id, 'Alleen voor ons: even navragen bij de Kiesraad', true);
    await t.app.notifications.drain();
    const page = await team.client.get<HelpdeskQuestionPage>(`/api/helpdesk/questions/${id}`);
    expect(page.body.question).toMatchObject({ status: 'open', firstResponseAt: null });
    const list = await asker.client.get<NotificationList>('/api/notifications');
    expect(list.body.notifications.filter((n) => n.kind === 'helpdesk_answer')).toEqual([]);
  });
});

describe('a question reaches its asker and the team only', () => {
  it('is not found by other members, moderators who are not on the team, or a former team member', async () => {
    const asker = await t.login();
    const other = await t.login();
    const moderator = await t.login({ role: 'moderator' });
    const leaving = await t.login({ centreTeam: true });
    const admin = await t.login({ role: 'admin' });
    const id = await ask(asker.client, 'Een vertrouwelijke vraag over onze penningmeester');
    await t.app.notifications.drain();

    for (const outsider of [other, moderator]) {
      const page = await outsider.client.get<ErrorBody>(`/api/helpdesk/questions/${id}`);
      expect(page.status).toBe(404);
      expect(page.body.error).toEqual({ code: 'not_found', message: 'Deze vraag bestaat niet.' });
      expect((await outsider.client.post(`/api/helpdesk/questions/${id}/messages`, { body: 'Ik lees mee' })).status).toBe(404);
      expect((await outsider.client.get(`/api/helpdesk/inbox`)).status).toBe(403);
      const notes = await outsider.client.get<NotificationList>('/api/notifications');
      expect(JSON.stringify(notes.body)).not.toContain('penningmeester');
      expect(JSON.stringify(await buildExport(t.db, outsider.user.id))).not.toContain('penningmeester');
    }
    // The admin is on the team; so was the one who leaves it now: her notification of it goes out of sight with her access.
    expect((await admin.client.get(`/api/helpdesk/questions/${id}`)).status).toBe(200);
    const before = await leaving.client.get<NotificationList>('/api/notifications');
    expect(before.body.notifications.some((n) => n.kind === 'helpdesk_question' && n.link === `/kenniscentrum/inbox/${id}`)).toBe(true);
    expect((await admin.client.post(`/api/admin/users/${leaving.user.id}/centre-team`, { centreTeam: false })).status).toBe(200);
    expect((await leaving.client.get(`/api/helpdesk/questions/${id}`)).status).toBe(404);
    const after = await leaving.client.get<NotificationList>('/api/notifications');
    expect(after.body.notifications.filter((n) => n.kind === 'helpdesk_question')).toEqual([]);
    expect(JSON.stringify(after.body)).not.toContain('penningmeester');
  });

  it('and mail about a new question goes to the team only, with the question', async () => {
    const asker = await t.login();
    const team = await t.login({ centreTeam: true });
    const bystander = await t.login();
    const id = await ask(asker.client, 'Mogen we ledenlijsten delen met de buurpartij?');
    await t.app.notifications.drain();
    await t.app.mail.drain({ now: inMinutes(1.1) });
    const [mail] = mailsTo(smtp, team.user.email);
    expect(mail!.subject).toMatch(/^Nieuwe vraag: „Vraag over fuseren \d+”$/);
    expect(mail!.text).toContain('Mogen we ledenlijsten delen met de buurpartij?');
    expect(mail!.text).toContain(`/kenniscentrum/inbox/${id}`);
    expect(mailsTo(smtp, bystander.user.email)).toEqual([]);
    expect(mailsTo(smtp, asker.user.email)).toEqual([]);
  });
});
