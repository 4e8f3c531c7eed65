import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationSettings } from '../../shared/api/notifications.js';
import { categories } from '../../server/db/schema.js';
import { makeCategory, makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { setMentions, uniqueName } from './fixtures.js';
import { inMinutes, mailsTo, oneClick, pendingMail, setPreferences, unsubscribeUrl } from './mail-fixtures.js';

/**
 * Direct notification mail, end to end through a real SMTP server: a forum write → the notification worker →
 * scheduleNotificationMail → the mail worker at a later `now` → the 'notifications' template → SMTP → mailparser.
 */

let t: TestApp;
let smtp: TestSmtp;
let moderator: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ searchWorker: false, env: { SMTP_URL: smtp.url } });
  moderator = await t.login({ role: 'moderator', displayName: uniqueName('Moderator') });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

/** A member who has not been here since the accounts were made: no request, no last_seen_at. */
const away = () => makeUser(t.db, { displayName: uniqueName('Anna') });
const writer = () => makeUser(t.db, { displayName: uniqueName('Bram') });
const notify = () => t.app.notifications.drain();
/** A thread, its own notifications handled before anyone replies (as the worker, polling twice a second, does). */
const thread = async (...args: Parameters<typeof makeThread>) => {
  const made = await makeThread(...args);
  await notify();
  return made;
};
const send = (at: Date) => t.app.mail.drain({ now: at });
/** Her last visit an hour ago: what happens now is news to her. */
const sqlResetSeen = (userId: number) => sql`update users set last_seen_at = now() - interval '1 hour' where id = ${userId}`;
const sqlSuspend = (userId: number) => sql`update users set status = 'suspended' where id = ${userId}`;

describe('a reply to a member who is away', () => {
  it('is mailed after a minute, not before, with the writer, an excerpt, a link and a one-click unsubscribe', async () => {
    const anna = await away();
    const bram = await writer();
    const { threadId } = await thread(t.db, anna, { title: 'Fuseren met de buurgemeente: hoe begin je daar eigenlijk aan?' });
    const reply = await makePost(t.db, bram, threadId, { body: 'Wij zijn begonnen met een gezamenlijke ledenvergadering. <script>alert(1)</script>' });
    await notify();
    expect(await pendingMail(t, anna.id)).toEqual([{ kind: 'notifications', thread_id: threadId }]);

    // Within the minute nothing is due.
    await send(new Date());
    expect(mailsTo(smtp, anna.email)).toHaveLength(0);

    await send(inMinutes(1.1));
    const [mail] = mailsTo(smtp, anna.email);
    expect(mail!.subject).toBe('Nieuwe reactie in „Fuseren met de buurgemeente: hoe begin je daar eigenlijk …”');
    expect(mail!.text).toContain(`${bram.displayName} reageerde`);
    expect(mail!.text).toContain('Wij zijn begonnen met een gezamenlijke ledenvergadering.');
    expect(mail!.text).toContain(`/discussie/${threadId}#bericht-${reply}`);
    // The member's text is text in the HTML part too: escaped, never markup.
    expect(mail!.html).not.toContain('<script>');
    expect(mail!.html).toContain(`/discussie/${threadId}#bericht-${reply}`);
    expect(oneClick(mail!)).toBe(true);
    expect(unsubscribeUrl(mail!).pathname).toBe('/api/mail/unsubscribe');
    expect(await pendingMail(t, anna.id)).toEqual([]);
  });

  it('a mention names its writer in the subject', async () => {
    const anna = await away();
    const bram = await writer();
    const { threadId } = await thread(t.db, bram, { title: 'Kandidatenlijst sluiten' });
    await setPreferences(t, anna.id, { watching: 'never' });
    const mention = await makePost(t.db, bram, threadId, { body: 'Wat vindt Anna hiervan?' });
    await setMentions(t, mention, [anna.id]);
    await notify();
    await send(inMinutes(1.1));
    const [mail] = mailsTo(smtp, anna.email);
    expect(mail!.subject).toBe(`${bram.displayName} noemde je in „Kandidatenlijst sluiten”`);
  });

  it('is not mailed when she was here after it happened (she saw it live)', async () => {
    const anna = await away();
    const bram = await writer();
    const { threadId } = await thread(t.db, anna, { title: 'Begroting lezen' });
    await makePost(t.db, bram, threadId);
    await notify();
    // She comes by: her first signed-in request writes last_seen_at (without the request waiting for it).
    const client = await t.loginAs(anna);
    expect((await client.get('/api/notifications/summary')).status).toBe(200);
    await t.app.lastSeen.flush();

    await send(inMinutes(1.1));
    expect(mailsTo(smtp, anna.email)).toHaveLength(0);
    expect(await pendingMail(t, anna.id)).toEqual([]);
  });

  it('is not mailed once she read the notification', async () => {
    const anna = await away();
    const bram = await writer();
    const { threadId } = await thread(t.db, anna, { title: 'Motie indienen' });
    await makePost(t.db, bram, threadId);
    await notify();
    const client = await t.loginAs(anna);
    // Read, then make her "seen" clock old again: only the read state may stop this mail.
    expect((await client.post('/api/notifications/read', { all: true })).status).toBe(200);
    await t.app.lastSeen.flush();
    await t.db.execute(sqlResetSeen(anna.id));
    await send(inMinutes(1.1));
    expect(mailsTo(smtp, anna.email)).toHaveLength(0);
  });
});

describe('batching: at most one mail per thread per 15 minutes', () => {
  it('later replies wait for the next mail, which tells only what is new', async () => {
    const anna = await away();
    const bram = await writer();
    const { threadId } = await thread(t.db, anna, { title: 'Flyeren op de markt' });
    await makePost(t.db, bram, threadId, { body: 'Eerste reactie over de markt.' });
    await notify();
    await send(inMinutes(1.1));
    expect(mailsTo(smtp, anna.email)).toHaveLength(1);

    await makePost(t.db, bram, threadId, { body: 'Tweede reactie: neem een kraam.' });
    await makePost(t.db, bram, threadId, { body: 'Derde reactie: en koffie.' });
    await notify();
    // One waiting mail for the thread, however many replies.
    expect(await pendingMail(t, anna.id)).toEqual([{ kind: 'notifications', thread_id: threadId }]);
    await send(inMinutes(2));
    await send(inMinutes(14));
    expect(mailsTo(smtp, anna.email)).toHaveLength(1);

    await send(inMinutes(15.5));
    const mails = mailsTo(smtp, anna.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe('2 nieuwe reacties in „Flyeren op de markt”');
    expect(mails[1]!.text).toContain('Tweede reactie: neem een kraam.');
    expect(mails[1]!.text).toContain('Derde reactie: en koffie.');
    expect(mails[1]!.text).not.toContain('Eerste reactie');
  });

  it('other threads are not held back by one just mailed', async () => {
    const anna = await away();
    const bram = await writer();
    const first = await thread(t.db, anna, { title: 'Eerste draad' });
    const second = await thread(t.db, anna, { title: 'Tweede draad' });
    await makePost(t.db, bram, first.threadId);
    await notify();
    await send(inMinutes(1.1));
    await makePost(t.db, bram, second.threadId);
    await notify();
    await send(inMinutes(1.1));
    expect(mailsTo(smtp, anna.email).map((m) => m.subject)).toEqual(['Nieuwe reactie in „Eerste draad”', 'Nieuwe reactie in „Tweede draad”']);
  });
});

describe('scheduling is set-based', () => {
  it('one statement queues the mail of every watcher of a thread, one row each', async () => {
    const bram = await writer();
    const { threadId } = await thread(t.db, bram, { title: 'Veel volgers' });
    const watchers = await Promise.all(Array.from({ length: 30 }, () => away()));
    await t.db.execute(
      sql`insert into thread_watches (user_id, thread_id, level) select id, ${threadId}, 'watching' from users where id in (select jsonb_array_elements_text(${JSON.stringify(watchers.map((w) => w.id))}::jsonb)::int)`,
    );
    await makePost(t.db, bram, threadId);
    t.queries.length = 0;
    await notify();
    expect(t.queries.filter((q) => /insert into mail_outbox/i.test(q))).toHaveLength(1);
    for (const w of watchers) expect(await pendingMail(t, w.id)).toEqual([{ kind: 'notifications', thread_id: threadId }]);
  });
});

describe('preferences', () => {
  it("'never' queues and sends nothing", async () => {
    const anna = await away();
    const bram = await writer();
    await setPreferences(t, anna.id, { watching: 'never', replies: 'never' });
    const { threadId, postId } = await thread(t.db, anna, { title: 'Nooit mailen' });
    await makePost(t.db, bram, threadId, { replyToPostId: postId });
    await makePost(t.db, bram, threadId);
    await notify();
    expect(await pendingMail(t, anna.id)).toEqual([]);
    await send(inMinutes(20));
    expect(mailsTo(smtp, anna.email)).toHaveLength(0);
  });

  it("'daily' is left to the digest: no direct mail", async () => {
    const anna = await away();
    const bram = await writer();
    await setPreferences(t, anna.id, { watching: 'daily' });
    const { threadId } = await thread(t.db, anna, { title: 'Dagelijks is genoeg' });
    await makePost(t.db, bram, threadId);
    await notify();
    expect(await pendingMail(t, anna.id)).toEqual([]);
  });

  it('a kind switched off after the mail was queued is not in it', async () => {
    const anna = await away();
    const bram = await writer();
    const { threadId } = await thread(t.db, anna, { title: 'Van gedachten veranderd' });
    await makePost(t.db, bram, threadId);
    await notify();
    await setPreferences(t, anna.id, { watching: 'weekly' });
    await send(inMinutes(1.1));
    expect(mailsTo(smtp, anna.email)).toHaveLength(0);
  });

  it('the one-click unsubscribe from the received headers switches that kind off', async () => {
    const anna = await away();
    const bram = await writer();
    const { threadId } = await thread(t.db, anna, { title: 'Afmelden werkt' });
    await makePost(t.db, bram, threadId);
    await notify();
    await send(inMinutes(1.1));
    const [mail] = mailsTo(smtp, anna.email);
    const url = unsubscribeUrl(mail!);
    // What a mail client does (RFC 8058): POST the form to the header's URL, no cookies.
    const res = await t.app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kind: 'watching' });
    const client = await t.loginAs(anna);
    const settings = (await client.get<NotificationSettings>('/api/me/notification-settings')).body;
    expect(settings.mail).toEqual({ replies: 'direct', mentions: 'direct', watching: 'never', categories: 'weekly', messages: 'direct' });

    // And the next reply in a thread she follows is not mailed.
    await t.db.execute(sqlResetSeen(anna.id));
    await makePost(t.db, bram, threadId);
    await notify();
    expect(await pendingMail(t, anna.id)).toEqual([]);
  });
});

describe('what a mail may show', () => {
  const hide = async (postId: number) => expect((await moderator.client.post(`/api/moderation/posts/${postId}/hide`, { reason: 'Ongepast' })).status).toBe(200);

  it('a post hidden before the mail is sent is not in it', async () => {
    const anna = await away();
    const bram = await writer();
    const { threadId } = await thread(t.db, anna, { title: 'Een verborgen bericht' });
    await makePost(t.db, bram, threadId, { body: 'Dit mag iedereen lezen.' });
    const hidden = await makePost(t.db, bram, threadId, { body: 'Geheime scheldpartij.' });
    await notify();
    await hide(hidden);
    await send(inMinutes(1.1));
    const [mail] = mailsTo(smtp, anna.email);
    expect(mail!.subject).toBe('Nieuwe reactie in „Een verborgen bericht”');
    expect(mail!.text).toContain('Dit mag iedereen lezen.');
    expect(`${mail!.text}${mail!.html}`).not.toContain('Geheime scheldpartij');
    expect(`${mail!.text}${mail!.html}`).not.toContain(`bericht-${hidden}`);
  });

  it('a category restricted before the mail is sent takes its posts out, for whoever may no longer enter it', async () => {
    const anna = await away();
    const bram = await writer();
    const categoryId = await makeCategory(t.db, { slug: 'mail-later-dicht' });
    const { threadId } = await thread(t.db, anna, { category: 'mail-later-dicht', title: 'Straks besloten' });
    await makePost(t.db, bram, threadId, { body: 'Een reactie voor iedereen, nog even.' });
    await notify();
    await t.db.update(categories).set({ access: 'moderators' }).where(eq(categories.id, categoryId));
    await send(inMinutes(1.1));
    expect(mailsTo(smtp, anna.email)).toHaveLength(0);
    expect(await pendingMail(t, anna.id)).toEqual([]);
  });

  it('a mail with only hidden posts is dropped, also for a moderator', async () => {
    const anna = await away();
    const bram = await writer();
    const { threadId } = await thread(t.db, anna, { title: 'Alles verborgen' });
    const hidden = await makePost(t.db, bram, threadId, { body: 'Weg ermee.' });
    await setMentions(t, hidden, [moderator.user.id]);
    await notify();
    await hide(hidden);
    await send(inMinutes(1.1));
    expect(mailsTo(smtp, anna.email)).toHaveLength(0);
    expect(mailsTo(smtp, moderator.user.email)).toHaveLength(0);
    expect(await pendingMail(t, anna.id)).toEqual([]);
  });

  it('a suspended member is mailed nothing', async () => {
    const anna = await away();
    const bram = await writer();
    const { threadId } = await thread(t.db, anna, { title: 'Geschorst' });
    await makePost(t.db, bram, threadId);
    await notify();
    await t.db.execute(sqlSuspend(anna.id));
    await send(inMinutes(1.1));
    expect(mailsTo(smtp, anna.email)).toHaveLength(0);
  });
});
