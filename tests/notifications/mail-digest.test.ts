import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { queueDigests } from '../../server/notifications/digest.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { setMentions, uniqueName } from './fixtures.js';
import { inHours, inMinutes, mailsTo, pendingMail, setPreferences, unsubscribeUrl } from './mail-fixtures.js';

/**
 * The daily and weekly digest: the digest round (app.digest.run at an injected `now`) claims the members whose
 * digest is due and queues one mail each; the mail worker sends it through a real SMTP server.
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

const member = () => makeUser(t.db, { displayName: uniqueName('Anna') });
const notify = () => t.app.notifications.drain();
const thread = async (...args: Parameters<typeof makeThread>) => {
  const made = await makeThread(...args);
  await notify();
  return made;
};
const digest = (at: Date) => t.app.digest.run({ now: at });
/** Sends what is due now: a digest row is due when queued. */
const send = () => t.app.mail.drain();
const watchCategory = (userId: number, slug: string) =>
  t.db.execute(sql`insert into category_watches (user_id, category_id, level) select ${userId}, id, 'watching' from categories where slug = ${slug}`);
const clocks = async (userId: number) =>
  (await t.db.select({ daily: users.lastDigestAt, weekly: users.lastWeeklyDigestAt }).from(users).where(eq(users.id, userId)))[0]!;

describe('the daily digest', () => {
  it("holds what she chose 'daily' for, instead of a direct mail, and each digest only what is new", async () => {
    const anna = await member();
    const bram = await member();
    await setPreferences(t, anna.id, { watching: 'daily' });
    const { threadId } = await thread(t.db, anna, { title: 'Dagelijkse draad' });
    await makePost(t.db, bram, threadId, { body: 'Een reactie voor het overzicht.' });
    await notify();
    expect(await pendingMail(t, anna.id)).toEqual([]);

    // Her account is a month old and she never had a digest: due at once.
    const now = new Date();
    await digest(now);
    expect(await pendingMail(t, anna.id)).toEqual([{ kind: 'digest', thread_id: null }]);
    expect((await clocks(anna.id)).daily).toEqual(now);
    await send();
    const [mail] = mailsTo(smtp, anna.email);
    expect(mail!.subject).toBe('Je dagelijkse overzicht: 1 nieuw bericht');
    expect(mail!.text).toContain('Dagelijkse draad');
    expect(mail!.text).toContain('1 nieuw bericht');
    expect(unsubscribeUrl(mail!).pathname).toBe('/api/mail/unsubscribe');

    // Not due again within the day; the next day only what came after.
    await digest(inHours(23));
    expect(await pendingMail(t, anna.id)).toEqual([]);
    await makePost(t.db, bram, threadId, { body: 'Nog een reactie, de volgende dag.' });
    await notify();
    await digest(inHours(25));
    await send();
    const mails = mailsTo(smtp, anna.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe('Je dagelijkse overzicht: 1 nieuw bericht');
  });

  it('queues nothing when nothing unread is left, but still moves her clock', async () => {
    const anna = await member();
    await setPreferences(t, anna.id, { replies: 'daily' });
    const now = new Date();
    await digest(now);
    expect(await pendingMail(t, anna.id)).toEqual([]);
    expect((await clocks(anna.id)).daily).toEqual(now);
  });

  it('is not due for a member whose account is younger than a day, nor for one who is not active', async () => {
    const young = await makeUser(t.db, { createdAt: new Date() });
    const suspended = await makeUser(t.db, { status: 'suspended' });
    await setPreferences(t, young.id, { replies: 'daily' });
    await setPreferences(t, suspended.id, { replies: 'daily' });
    await digest(new Date());
    expect(await clocks(young.id)).toEqual({ daily: null, weekly: null });
    expect(await clocks(suspended.id)).toEqual({ daily: null, weekly: null });
  });
});

describe('the weekly digest', () => {
  it('lists new threads in the categories she watches (the default: weekly) and unsubscribes from that kind', async () => {
    const carla = await member();
    const bram = await member();
    await watchCategory(carla.id, 'campagne');
    const { threadId, postId } = await thread(t.db, bram, { category: 'campagne', title: 'Posters ophangen in de regen' });
    expect(await pendingMail(t, carla.id)).toEqual([]);

    await digest(new Date());
    await send();
    const [mail] = mailsTo(smtp, carla.email);
    expect(mail!.subject).toBe('Je weekoverzicht: 1 nieuwe discussie');
    expect(mail!.text).toContain('Nieuwe discussies');
    expect(mail!.text).toContain('Posters ophangen in de regen');
    expect(mail!.text).toContain(`Campagne · door ${bram.displayName}`);
    expect(mail!.text).toContain(`/discussie/${threadId}#bericht-${postId}`);

    const url = unsubscribeUrl(mail!);
    const res = await t.app.inject({ method: 'POST', url: url.pathname + url.search, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(res.json()).toEqual({ kind: 'categories' });
  });

  it('keeps its own clock beside the daily one: a daily digest does not take the weekly kinds along', async () => {
    const anna = await member();
    const bram = await member();
    await setPreferences(t, anna.id, { replies: 'daily' });
    await watchCategory(anna.id, 'fondsenwerving');
    await digest(new Date());
    expect(await clocks(anna.id)).toEqual({ daily: expect.any(Date), weekly: expect.any(Date) });

    // A day later: a reply to her (daily) and a new thread in her category (weekly).
    const own = await thread(t.db, anna, { title: 'Mijn vraag over contributie' });
    await makePost(t.db, bram, own.threadId, { replyToPostId: own.postId, body: 'Antwoord op je vraag.' });
    await thread(t.db, bram, { category: 'fondsenwerving', title: 'Giften van bedrijven' });
    await notify();
    await digest(inHours(25));
    await send();
    let mails = mailsTo(smtp, anna.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Mijn vraag over contributie');
    expect(mails[0]!.text).not.toContain('Giften van bedrijven');

    // A week on, the weekly part comes, with only the weekly kinds (the reply was in the daily digest already).
    await digest(inHours(24 * 7 + 1));
    await send();
    mails = mailsTo(smtp, anna.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain('Giften van bedrijven');
    expect(mails[1]!.text).not.toContain('Mijn vraag over contributie');
  });
});

describe('what a digest may show', () => {
  it('leaves out hidden posts, read and never-mailed kinds; a digest with nothing left is dropped', async () => {
    const anna = await member();
    const bram = await member();
    await setPreferences(t, anna.id, { mentions: 'daily', watching: 'never' });
    const { threadId } = await thread(t.db, bram, { title: 'Wie noemt wie' });
    const hidden = await makePost(t.db, bram, threadId, { body: 'Verborgen vermelding.' });
    await setMentions(t, hidden, [anna.id]);
    await notify();
    expect((await moderator.client.post(`/api/moderation/posts/${hidden}/hide`, { reason: 'Ongepast' })).status).toBe(200);
    await digest(new Date());
    await send();
    expect(mailsTo(smtp, anna.email)).toHaveLength(0);
    expect(await pendingMail(t, anna.id)).toEqual([]);
  });

  it('a digest of several kinds unsubscribes from all notification mail (the footer says so)', async () => {
    const anna = await member();
    const bram = await member();
    await setPreferences(t, anna.id, { replies: 'daily', categories: 'daily' });
    await watchCategory(anna.id, 'ledenwerving');
    const own = await thread(t.db, anna, { title: 'Leden vasthouden' });
    await makePost(t.db, bram, own.threadId, { replyToPostId: own.postId });
    await thread(t.db, bram, { category: 'ledenwerving', title: 'Jongeren werven' });
    await notify();
    await digest(new Date());
    await send();
    const [mail] = mailsTo(smtp, anna.email);
    expect(mail!.subject).toBe('Je dagelijkse overzicht: 1 nieuwe discussie en 1 nieuw bericht');
    expect(mail!.text).toContain('alle mail over meldingen');
    const url = unsubscribeUrl(mail!);
    const res = await t.app.inject({ method: 'POST', url: url.pathname + url.search });
    expect(res.json()).toEqual({ kind: 'all' });
  });
});

describe('several processes', () => {
  it('claim each member once', async () => {
    const anna = await member();
    const bram = await member();
    await setPreferences(t, anna.id, { watching: 'daily' });
    const { threadId } = await thread(t.db, anna, { title: 'Twee processen' });
    await makePost(t.db, bram, threadId);
    await notify();
    const now = inMinutes(1);
    const runs = await Promise.all([queueDigests(t.db, now), queueDigests(t.db, now), digest(now)]);
    expect(runs.reduce((n, r) => n + r.queued, 0)).toBeGreaterThanOrEqual(1);
    expect(await pendingMail(t, anna.id)).toEqual([{ kind: 'digest', thread_id: null }]);
  });
});
