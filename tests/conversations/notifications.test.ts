import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList } from '../../shared/api/notifications.js';
import { notifications } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { queueDigests } from '../../server/notifications/digest.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { inHours, inMinutes, mailsTo, pendingMail, setPreferences } from '../notifications/mail-fixtures.js';
import { send, start } from './fixtures.js';

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
const messageNotifications = (userId: number) =>
  t.db.select({ count: notifications.count, readAt: notifications.readAt, conversationId: notifications.conversationId }).from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, 'message')));

describe('notifications of private messages', () => {
  it('gives each other participant one growing notification per conversation, none to its author or from a member she blocked', async () => {
    const anna = await t.login({ displayName: 'Anna Afzender' });
    const bram = await t.login();
    const carla = await t.login();
    const outsider = await t.login();
    const id = await start(anna.client, [bram.user.id, carla.user.id], 'Het geheime eerste bericht');
    await notify();
    await carla.client.put(`/api/members/${anna.user.id}/block`);
    await send(anna.client, id, 'Het geheime tweede bericht');
    await notify();

    expect(await messageNotifications(bram.user.id)).toEqual([{ count: 2, readAt: null, conversationId: id }]);
    expect(await messageNotifications(carla.user.id)).toEqual([{ count: 1, readAt: null, conversationId: id }]);
    // Nor do the messages of a member she blocked count as unread for her.
    expect((await carla.client.get<{ items: { id: number; unreadCount: number }[] }>('/api/conversations')).body.items.find((c) => c.id === id)!.unreadCount).toBe(0);
    expect((await bram.client.get<{ items: { id: number; unreadCount: number }[] }>('/api/conversations')).body.items.find((c) => c.id === id)!.unreadCount).toBe(2);
    expect(await messageNotifications(anna.user.id)).toEqual([]);
    expect(await messageNotifications(outsider.user.id)).toEqual([]);

    const list = await bram.client.get<NotificationList>('/api/notifications');
    const item = list.body.notifications.find((n) => n.kind === 'message')!;
    expect(item.link).toBe(`/berichten/${id}`);
    expect(item.message).toMatch(/^2 nieuwe berichten in „Onderwerp \d+”$/);
    expect(JSON.stringify(list.body)).not.toContain('geheime');

    // Reading to the last message is reading the notification.
    const page = await bram.client.get<{ messages: { id: number }[] }>(`/api/conversations/${id}`);
    await bram.client.post(`/api/conversations/${id}/read`, { messageId: page.body.messages.at(-1)!.id });
    expect((await messageNotifications(bram.user.id))[0]!.readAt).not.toBeNull();
    // Leaving takes her notification with it.
    await carla.client.delete(`/api/conversations/${id}/participation`);
    expect(await messageNotifications(carla.user.id)).toEqual([]);
  });

  it('mails only participants who are away and want it, and only what they may still read when the mail is made', async () => {
    const anna = await t.login();
    const bram = await makeUser(t.db); // never here since: away
    const carla = await makeUser(t.db);
    const dora = await makeUser(t.db);
    await setPreferences(t, carla.id, { messages: 'never' });
    const id = await start(anna.client, [bram.id, carla.id, dora.id], 'Kun je **morgen** bellen? <script>x</script>');
    await notify();
    expect(await pendingMail(t, bram.id)).toEqual([{ kind: 'conversation', thread_id: null }]);
    expect(await pendingMail(t, carla.id)).toEqual([]);
    expect(await pendingMail(t, anna.user.id)).toEqual([]);
    await send(anna.client, id, 'Nog een bericht erachteraan');
    await notify();
    expect(await pendingMail(t, bram.id)).toHaveLength(1); // one waiting mail per conversation

    // Dora leaves before the mail is made: nothing is sent to her.
    const doraClient = await t.loginAs(dora);
    await doraClient.delete(`/api/conversations/${id}/participation`);

    await t.app.mail.drain({ now: new Date() });
    expect(mailsTo(smtp, bram.email)).toHaveLength(0); // within the minute
    await t.app.mail.drain({ now: inMinutes(1.1) });
    const [mail] = mailsTo(smtp, bram.email);
    expect(mail!.subject).toMatch(/^2 nieuwe berichten in „Onderwerp \d+”$/);
    expect(mail!.text).toContain('Kun je morgen bellen?');
    expect(mail!.text).toContain('Nog een bericht erachteraan');
    expect(mail!.text).toContain(`/berichten/${id}`);
    expect(mail!.html).not.toContain('<script>');
    expect(mailsTo(smtp, carla.email)).toHaveLength(0);
    expect(mailsTo(smtp, dora.email)).toHaveLength(0);
    expect(mailsTo(smtp, anna.user.email)).toHaveLength(0);
  });

  it('lists conversations with unread messages in the daily digest of who chose that', async () => {
    const anna = await t.login();
    const bram = await makeUser(t.db, { createdAt: new Date(Date.now() - 2 * 24 * 3600 * 1000) });
    await setPreferences(t, bram.id, { messages: 'daily', replies: 'never', mentions: 'never', watching: 'never', categories: 'never' });
    const id = await start(anna.client, [bram.id], 'Een bericht voor het overzicht');
    await notify();
    expect(await pendingMail(t, bram.id)).toEqual([]);
    await queueDigests(t.db, inHours(1));
    await t.app.mail.drain({ now: inHours(1) });
    const [digest] = mailsTo(smtp, bram.email);
    expect(digest!.subject).toBe('Je dagelijkse overzicht: 1 gesprek met nieuwe berichten');
    expect(digest!.text).toContain('Privéberichten');
    expect(digest!.text).toContain(`/berichten/${id}`);
    expect(digest!.text).not.toContain('Een bericht voor het overzicht'); // the digest names the conversation, not its text
  });
});
