import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationSummary } from '../../shared/api/notifications.js';
import { notifications } from '../../server/db/schema.js';
import { categoryId, makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { editPost } from '../../server/forum/writes.js';
import { markEmailConfirmed } from '../../server/auth/email-confirmation.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { inbox, link, seen, setMentions, setStatus, uniqueName } from './fixtures.js';

/**
 * Who hears of a post, and of which kind: every reason a member can have, the most specific one winning, and the
 * members who hear nothing. The worker is drained by hand (buildTestApp runs no poller), so each test sees exactly
 * what its own writes made.
 */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

const drain = () => t.app.notifications.drain();
const member = (name = 'Lid') => t.login({ displayName: uniqueName(name) });

describe('what a member is notified of', () => {
  it('a reply in a thread she started (she follows it by writing it): one group, "3 nieuwe reacties", linking to the first unread', async () => {
    const starter = await member('Anna de Vries');
    const fatima = await member('Fatima el Amrani');
    const { threadId } = await makeThread(t.db, starter.user, { title: 'Fuseren met de buurgemeente' });
    await drain();
    expect(await seen(starter.client)).toEqual([]); // her own opening post notifies nobody

    const first = await makePost(t.db, fatima.user, threadId);
    await drain();
    expect(await seen(starter.client, threadId)).toEqual([['thread_activity', `${fatima.user.displayName} reageerde in „Fuseren met de buurgemeente”`, link(threadId, first)]]);

    await makePost(t.db, fatima.user, threadId);
    await makePost(t.db, fatima.user, threadId);
    await drain();
    const list = await inbox(starter.client);
    expect(list.notifications).toHaveLength(1);
    expect(list.notifications[0]).toMatchObject({ kind: 'thread_activity', count: 3, message: '3 nieuwe reacties in „Fuseren met de buurgemeente”', link: link(threadId, first) });
    expect(list.unreadCount).toBe(1);

    // Once read, the group is closed: the next reply opens a new one, linking to itself.
    await starter.client.post('/api/notifications/read', { all: true });
    const fourth = await makePost(t.db, fatima.user, threadId);
    await drain();
    const after = await inbox(starter.client);
    expect(after.notifications).toHaveLength(2);
    expect(after.notifications[0]).toMatchObject({ count: 1, link: link(threadId, fourth), readAt: null });
    expect(after.unreadCount).toBe(1);
  });

  it('a reply to her post, in a thread she does not follow', async () => {
    const starter = await member();
    const bram = await member('Bram');
    const replier = await member('Replier');
    const { threadId } = await makeThread(t.db, starter.user, { title: 'Wie schrijft het programma?' });
    const bramsPost = await makePost(t.db, bram.user, threadId);
    // Writing made Bram follow the thread; he chooses Normaal, so only what concerns him reaches him.
    expect((await bram.client.request('PUT', `/api/threads/${threadId}/watch`, { level: 'normal' })).status).toBe(200);
    const reply = await makePost(t.db, replier.user, threadId, { replyToPostId: bramsPost });
    await makePost(t.db, replier.user, threadId); // not to him: Normaal hears nothing of it
    await drain();
    expect(await seen(bram.client, threadId)).toEqual([['reply_to_post', `${replier.user.displayName} reageerde op je bericht in „Wie schrijft het programma?”`, link(threadId, reply)]]);
  });

  it('a mention and a quote, to members who never wrote in the thread', async () => {
    const writer = await member('Schrijver');
    const named = await member('Genoemd');
    const quotedAuthor = await member('Geciteerd');
    const elsewhere = await makeThread(t.db, quotedAuthor.user, { title: 'Een andere discussie' });
    const { threadId } = await makeThread(t.db, writer.user, { title: 'Campagnebudget verdelen' });
    const post = await makePost(t.db, writer.user, threadId);
    await setMentions(t, post, [named.user.id], [elsewhere.postId]);
    await drain();
    expect(await seen(named.client, threadId)).toEqual([['mention', `${writer.user.displayName} noemde je in „Campagnebudget verdelen”`, link(threadId, post)]]);
    expect(await seen(quotedAuthor.client, threadId)).toEqual([['quote', `${writer.user.displayName} citeerde je in „Campagnebudget verdelen”`, link(threadId, post)]]);
  });

  it('a mention and a quote written in a reply over HTTP, as the composer sends them', async () => {
    const writer = await member('Schrijver');
    const named = await member('Fatima el Amrani');
    const quotedAuthor = await member('Geciteerd');
    const { threadId, postId: opening } = await makeThread(t.db, quotedAuthor.user, { title: 'Fuseren met de buurgemeente' });
    await drain();
    const body = `> [${quotedAuthor.user.displayName} schreef](/discussie/${threadId}#bericht-${opening}):\n> Hoe pakken jullie dit aan?\n\nGoede vraag. @${named.user.displayName}, weet jij dit?`;
    const res = await writer.client.post<{ post: { id: number } }>(`/api/threads/${threadId}/posts`, { body });
    expect(res.status).toBe(201);
    await drain();
    const reply = res.body.post.id;
    expect(await seen(named.client, threadId)).toEqual([['mention', `${writer.user.displayName} noemde je in „Fuseren met de buurgemeente”`, link(threadId, reply)]]);
    // She started the thread (follows it) and is quoted: the quote, not also thread_activity.
    expect(await seen(quotedAuthor.client, threadId)).toEqual([['quote', `${writer.user.displayName} citeerde je in „Fuseren met de buurgemeente”`, link(threadId, reply)]]);
  });

  it('a new post in a thread she follows, and a new thread in a category she follows', async () => {
    const follower = await member();
    const writer = await member();
    const { threadId } = await makeThread(t.db, writer.user, { category: 'campagne', title: 'Flyeren op de markt' });
    await drain(); // the opening post was before she followed
    expect((await follower.client.request('PUT', `/api/threads/${threadId}/watch`, { level: 'watching' })).body).toEqual({ level: 'watching' });
    const reply = await makePost(t.db, writer.user, threadId);
    expect((await follower.client.request('PUT', '/api/categories/campagne/watch', { level: 'watching' })).body).toEqual({ level: 'watching' });
    const opened = await makeThread(t.db, writer.user, { category: 'campagne', title: 'Debat op de lokale radio' });
    await makeThread(t.db, writer.user, { category: 'algemeen', title: 'Niet in een gevolgde categorie' });
    await drain();
    expect(await seen(follower.client)).toEqual([
      ['new_thread', 'Nieuwe discussie in Campagne: „Debat op de lokale radio”', link(opened.threadId, opened.postId)],
      ['thread_activity', `${writer.user.displayName} reageerde in „Flyeren op de markt”`, link(threadId, reply)],
    ]);
  });

  it('a watcher hears only of posts written after she followed, even when the worker runs late', async () => {
    const starter = await member();
    const replier = await member();
    const late = await member();
    const { threadId } = await makeThread(t.db, starter.user);
    const early = await makePost(t.db, replier.user, threadId); // she follows from here on; the worker has not run
    await late.client.request('PUT', `/api/threads/${threadId}/watch`, { level: 'watching' });
    const next = await makePost(t.db, starter.user, threadId);
    await drain();
    expect((await seen(replier.client, threadId)).map(([kind, , to]) => [kind, to])).toEqual([['thread_activity', link(threadId, next)]]);
    expect((await seen(late.client, threadId)).map(([kind, , to]) => [kind, to])).toEqual([['thread_activity', link(threadId, next)]]);
    expect((await seen(starter.client, threadId)).map(([kind, , to]) => [kind, to])).toEqual([['thread_activity', link(threadId, early)]]);
  });

  it('one notification per post and member, the most specific: mention › quote › reply_to_post › thread_activity', async () => {
    const starter = await member();
    const writer = await member();
    const { threadId, postId: opening } = await makeThread(t.db, starter.user);
    // The starter follows her thread, is replied to, quoted and named in one post: she gets the mention only.
    const all = await makePost(t.db, writer.user, threadId, { replyToPostId: opening });
    await setMentions(t, all, [starter.user.id], [opening]);
    // Quoted and replied to: the quote.
    const quoteAndReply = await makePost(t.db, writer.user, threadId, { replyToPostId: opening });
    await setMentions(t, quoteAndReply, [], [opening]);
    // Replied to in a thread she follows: the reply.
    const reply = await makePost(t.db, writer.user, threadId, { replyToPostId: opening });
    await drain();
    expect((await seen(starter.client, threadId)).map(([kind, , to]) => [kind, to])).toEqual([
      ['reply_to_post', link(threadId, reply)],
      ['quote', link(threadId, quoteAndReply)],
      ['mention', link(threadId, all)],
    ]);
  });

  it('a member named in a new thread in a category she follows gets the mention, not also new_thread', async () => {
    const follower = await member();
    const writer = await member();
    await follower.client.request('PUT', '/api/categories/ledenwerving/watch', { level: 'watching' });
    // The opening post's mentions are set between the thread's two changes and the drain, as the forum's write would.
    const { threadId, postId } = await makeThread(t.db, writer.user, { category: 'ledenwerving' });
    await setMentions(t, postId, [follower.user.id]);
    await drain();
    expect((await seen(follower.client, threadId)).map(([kind]) => kind)).toEqual(['mention']);
  });

  it('an edit that adds a mention notifies the newly named member once; editing again does not repeat it', async () => {
    const writer = await member();
    const named = await member();
    const { threadId, postId } = await makeThread(t.db, writer.user);
    const category = await categoryId(t.db, 'algemeen');
    await drain();
    // The forum's write resolves the @name in the new text (content/mentions.ts) and announces the edit.
    await editPost(t.db, writer.user, postId, threadId, category, `Met een vermelding erbij: @${named.user.displayName}`);
    await drain();
    await editPost(t.db, writer.user, postId, threadId, category, `Nog eens anders, de vermelding blijft: @${named.user.displayName}`);
    await drain();
    expect((await seen(named.client, threadId)).map(([kind]) => kind)).toEqual(['mention']);
  });

  it('a moderator hears of a new report, grouped while unread; an admin too; the reporting moderator not of her own', async () => {
    const moderator = await t.login({ role: 'moderator' });
    const admin = await t.login({ role: 'admin' });
    const author = await member();
    const { threadId, postId } = await makeThread(t.db, author.user);
    const second = await makePost(t.db, author.user, threadId);
    for (const reported of [postId, second]) {
      const reporter = await member();
      expect((await reporter.client.post(`/api/posts/${reported}/reports`, { reason: 'spam' })).status).toBe(201);
    }
    for (const staff of [moderator, admin]) {
      const list = await inbox(staff.client);
      expect(list.notifications.filter((n) => n.kind === 'report_open')).toEqual([
        expect.objectContaining({ count: 2, message: '2 nieuwe rapporten over berichten', link: '/moderatie' }),
      ]);
    }
    const third = await makePost(t.db, author.user, threadId);
    await moderator.client.post('/api/notifications/read', { all: true });
    expect((await moderator.client.post(`/api/posts/${third}/reports`, { reason: 'offensive' })).status).toBe(201);
    expect((await inbox(moderator.client)).unreadCount).toBe(0);
    expect((await inbox(admin.client)).notifications.find((n) => n.kind === 'report_open')).toMatchObject({ count: 3 });
    expect((await seen(author.client)).map(([kind]) => kind)).not.toContain('report_open');
  });

  it('moderators hear of a registration once its address is confirmed, grouped, with the count in the summary', async () => {
    const moderator = await t.login({ role: 'moderator' });
    const summary = async () => (await moderator.client.get<NotificationSummary>('/api/notifications/summary')).body;
    const before = (await summary()).waiting!.pendingRegistrations;
    const first = await makeUser(t.db, { status: 'pending', emailConfirmed: false });
    const second = await makeUser(t.db, { status: 'pending', emailConfirmed: false });
    expect((await summary()).waiting!.pendingRegistrations).toBe(before); // not in the queue before its link is followed
    // What following the confirmation link does (auth/email-confirmation.ts), once per registration.
    for (const user of [first, second, first]) await t.db.transaction((tx) => markEmailConfirmed(tx, user.id));
    const list = await inbox(moderator.client);
    expect(list.notifications.find((n) => n.kind === 'registration_waiting')).toMatchObject({
      count: 2,
      message: '2 aanmeldingen wachten op goedkeuring',
      link: '/moderatie/aanmeldingen',
    });
    expect(await summary()).toMatchObject({ unreadCount: list.unreadCount, waiting: { pendingRegistrations: before + 2 } });
    const plain = await member();
    expect((await inbox(plain.client)).notifications).toEqual([]);
    expect((await plain.client.get<NotificationSummary>('/api/notifications/summary')).body).toEqual({ unreadCount: 0, waiting: null });
  });

  it('a thread whose opening post alone is hidden still tells of its replies: only that post is out of reach', async () => {
    const starter = await member();
    const writer = await member();
    const named = await member();
    const moderator = await t.login({ role: 'moderator' });
    const { threadId, postId } = await makeThread(t.db, starter.user, { title: 'Zomerfeest van de afdeling' });
    expect((await moderator.client.post(`/api/moderation/posts/${postId}/hide`, { reason: 'Spam' })).status).toBe(200);
    const reply = await makePost(t.db, writer.user, threadId);
    await setMentions(t, reply, [named.user.id]);
    await drain();
    // She started it (and still reads her hidden opening post): the reply reaches her as before, beside moderation's
    // decision, which links to her post; the member named in the reply hears of it too.
    expect(await seen(starter.client, threadId)).toEqual([
      ['thread_activity', `${writer.user.displayName} reageerde in „Zomerfeest van de afdeling”`, link(threadId, reply)],
      ['post_hidden', 'Je bericht in „Zomerfeest van de afdeling” is verborgen omdat: Spam', link(threadId, postId)],
    ]);
    expect(await seen(named.client, threadId)).toEqual([['mention', `${writer.user.displayName} noemde je in „Zomerfeest van de afdeling”`, link(threadId, reply)]]);
  });
});

describe('who hears nothing', () => {
  it('Negeren: nothing from that thread, not even a mention; Normaal still hears replies to her and mentions', async () => {
    const starter = await member();
    const ignorer = await member();
    const normal = await member();
    const writer = await member();
    const { threadId, postId: opening } = await makeThread(t.db, starter.user);
    const ignorersPost = await makePost(t.db, ignorer.user, threadId);
    const normalsPost = await makePost(t.db, normal.user, threadId);
    await ignorer.client.request('PUT', `/api/threads/${threadId}/watch`, { level: 'ignoring' });
    await normal.client.request('PUT', `/api/threads/${threadId}/watch`, { level: 'normal' });
    await drain();
    await ignorer.client.post('/api/notifications/read', { all: true });
    await normal.client.post('/api/notifications/read', { all: true });

    const toIgnorer = await makePost(t.db, writer.user, threadId, { replyToPostId: ignorersPost });
    await setMentions(t, toIgnorer, [ignorer.user.id]);
    const toNormal = await makePost(t.db, writer.user, threadId, { replyToPostId: normalsPost });
    const naming = await makePost(t.db, writer.user, threadId, { replyToPostId: opening });
    await setMentions(t, naming, [normal.user.id]);
    await drain();
    expect((await inbox(ignorer.client)).unreadCount).toBe(0);
    expect((await seen(normal.client, threadId)).map(([kind, , to]) => [kind, to]).slice(0, 2)).toEqual([
      ['mention', link(threadId, naming)],
      ['reply_to_post', link(threadId, toNormal)],
    ]);
    expect((await inbox(normal.client)).unreadCount).toBe(2); // not the thread's other activity
  });

  it('the writer never notifies herself: not by replying to, quoting or naming herself in a thread she follows', async () => {
    const writer = await member();
    const { threadId, postId } = await makeThread(t.db, writer.user);
    const own = await makePost(t.db, writer.user, threadId, { replyToPostId: postId });
    await setMentions(t, own, [writer.user.id], [postId]);
    await drain();
    expect((await inbox(writer.client)).notifications).toEqual([]);
  });

  it('a pending, suspended or rejected member named, quoted or followed gets nothing', async () => {
    const writer = await member();
    const others = await Promise.all([member(), member(), member()]);
    const { threadId, postId } = await makeThread(t.db, writer.user);
    const theirs = [];
    for (const other of others) theirs.push(await makePost(t.db, other.user, threadId)); // each follows the thread now
    await drain();
    const before = await t.db.select().from(notifications).where(inArray(notifications.userId, others.map((o) => o.user.id)));
    await setStatus(t, others[0]!.user, 'pending');
    await setStatus(t, others[1]!.user, 'suspended');
    await setStatus(t, others[2]!.user, 'rejected');
    const post = await makePost(t.db, writer.user, threadId, { replyToPostId: theirs[0]! });
    await setMentions(t, post, others.map((o) => o.user.id), [theirs[1]!, postId]);
    await drain();
    const after = await t.db.select().from(notifications).where(inArray(notifications.userId, others.map((o) => o.user.id)));
    expect(after).toEqual(before);
  });

  it('nobody hears of a post members may not read (hidden before the worker ran), nor of a thread moderation hid', async () => {
    const starter = await member();
    const writer = await member();
    const moderator = await t.login({ role: 'moderator' });
    const { threadId } = await makeThread(t.db, starter.user);
    const post = await makePost(t.db, writer.user, threadId);
    await setMentions(t, post, [moderator.user.id]);
    expect((await moderator.client.post(`/api/moderation/posts/${post}/hide`, { reason: 'Spam' })).status).toBe(200);
    await drain();
    expect(await seen(starter.client, threadId)).toEqual([]);
    expect(await seen(moderator.client, threadId)).toEqual([]);

    // A moderator writing in a thread moderation hid, naming a member who cannot see it: nobody hears of it.
    const hiddenThread = await makeThread(t.db, starter.user);
    expect((await moderator.client.post(`/api/moderation/threads/${hiddenThread.threadId}/hide`, { reason: 'Spam' })).status).toBe(200);
    const inHidden = await makePost(t.db, moderator.user, hiddenThread.threadId);
    await setMentions(t, inHidden, [writer.user.id, starter.user.id]);
    await drain();
    const [row] = await t.db.select().from(notifications).where(eq(notifications.postId, inHidden));
    expect(row).toBeUndefined(); // not made at all, not merely left out when read
  });
});
