import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { ConversationList, ConversationMessageList, ConversationPage, ConversationUnread } from '../../shared/api/conversations.js';
import { LIMITS } from '../../shared/constants.js';
import { conversationMessages, conversations } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { send, start } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('private conversations', () => {
  it('starts a conversation that both read, lists it with unread counts and moves the read marker forward only', async () => {
    const anna = await t.login({ displayName: 'Anna Gesprek' });
    const bram = await t.login();
    const id = await start(anna.client, [bram.user.id], 'Zullen we **samen** campagne voeren?');

    const page = await bram.client.get<ConversationPage>(`/api/conversations/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.conversation.participants.map((p) => p.id).sort()).toEqual([anna.user.id, bram.user.id].sort());
    expect(page.body.conversation.canReply).toBe(true);
    expect(page.body.conversation.moderatorView).toBeUndefined();
    expect(page.body.messages).toHaveLength(1);
    expect(page.body.messages[0]!.bodyHtml).toContain('<strong>samen</strong>');
    expect(page.body.messages[0]!.body).toBeUndefined(); // the Markdown only for its author
    expect((await anna.client.get<ConversationPage>(`/api/conversations/${id}`)).body.messages[0]!.body).toBe('Zullen we **samen** campagne voeren?');

    const list = await bram.client.get<ConversationList>('/api/conversations');
    const item = list.body.items.find((c) => c.id === id)!;
    expect(item.unreadCount).toBe(1);
    expect(item.lastMessage).toEqual({ authorName: 'Anna Gesprek', excerpt: 'Zullen we samen campagne voeren?', deleted: false });
    expect((await bram.client.get<ConversationUnread>('/api/conversations/unread')).body.count).toBe(1);
    expect((await anna.client.get<ConversationUnread>('/api/conversations/unread')).body.count).toBe(0);

    const second = await send(anna.client, id);
    expect((await bram.client.post(`/api/conversations/${id}/read`, { messageId: second })).status).toBe(204);
    expect((await bram.client.get<ConversationUnread>('/api/conversations/unread')).body.count).toBe(0);
    // Back is ignored: the marker only moves forward.
    expect((await bram.client.post(`/api/conversations/${id}/read`, { messageId: page.body.messages[0]!.id })).status).toBe(204);
    expect((await bram.client.get<ConversationPage>(`/api/conversations/${id}`)).body.conversation.lastReadMessageId).toBe(second);
    // A message of another conversation is refused.
    const other = await start(anna.client, [bram.user.id]);
    const [foreign] = await t.db.select({ id: conversationMessages.id }).from(conversationMessages).where(eq(conversationMessages.conversationId, other));
    expect((await bram.client.post<ErrorBody>(`/api/conversations/${id}/read`, { messageId: foreign!.id })).body.error.code).toBe('unknown_message');
  });

  it('pages older messages with before and catches up with after', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const id = await start(anna.client, [bram.user.id]);
    const ids: number[] = [];
    for (let i = 0; i < 55; i++) ids.push(await send(i % 2 ? anna.client : bram.client, id, `Bericht ${i} van de reeks`));
    const page = await anna.client.get<ConversationPage>(`/api/conversations/${id}`);
    expect(page.body.messages).toHaveLength(50);
    expect(page.body.hasEarlier).toBe(true);
    expect(page.body.messages.at(-1)!.id).toBe(ids.at(-1));
    const earlier = await anna.client.get<ConversationMessageList>(`/api/conversations/${id}/messages?before=${page.body.messages[0]!.id}`);
    expect(earlier.body.items).toHaveLength(6);
    expect(earlier.body.hasEarlier).toBe(false);
    const after = await anna.client.get<ConversationMessageList>(`/api/conversations/${id}/messages?after=${ids.at(-3)}`);
    expect(after.body.items.map((m) => m.id)).toEqual(ids.slice(-2));
    expect((await anna.client.get<ErrorBody>(`/api/conversations/${id}/messages?after=1&before=2`)).status).toBe(400);
  });

  it('lets only the author edit and delete her message; a deleted one keeps its place without text', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const id = await start(anna.client, [bram.user.id]);
    const messageId = await send(anna.client, id, 'Eerste versie');
    const url = `/api/conversations/${id}/messages/${messageId}`;
    expect((await bram.client.patch<ErrorBody>(url, { body: 'Van Bram' })).status).toBe(403);
    expect((await bram.client.delete(url)).status).toBe(403);
    const edited = await anna.client.patch<{ message: { bodyHtml: string; editedAt: string | null } }>(url, { body: 'Tweede versie' });
    expect(edited.status).toBe(200);
    expect(edited.body.message.bodyHtml).toContain('Tweede versie');
    expect(edited.body.message.editedAt).not.toBeNull();
    expect((await anna.client.delete(url)).status).toBe(204);
    const page = await bram.client.get<ConversationPage>(`/api/conversations/${id}`);
    const gone = page.body.messages.find((m) => m.id === messageId)!;
    expect(gone).toMatchObject({ deleted: true, bodyHtml: '' });
    const [row] = await t.db.select({ body: conversationMessages.body }).from(conversationMessages).where(eq(conversationMessages.id, messageId));
    expect(row!.body).toBe(''); // gone from the database too
    expect((await anna.client.patch(url, { body: 'Terug' })).status).toBe(404);
    const list = await bram.client.get<ConversationList>('/api/conversations');
    expect(list.body.items.find((c) => c.id === id)!.lastMessage).toMatchObject({ excerpt: '', deleted: true });
  });

  it('refuses herself, inactive members, too many participants, and a member who blocked her (without saying why)', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const pending = await makeUser(t.db, { status: 'pending' });
    const suspended = await makeUser(t.db, { status: 'suspended' });
    const create = (participantIds: number[]) => anna.client.post<ErrorBody>('/api/conversations', { subject: 'Een vraag', body: `Tekst ${participantIds.join(',')}`, participantIds });
    expect((await create([anna.user.id])).body.error.code).toBe('self_participant');
    expect((await create([pending.id])).body.error.code).toBe('unknown_participant');
    expect((await create([suspended.id])).body.error.code).toBe('unknown_participant');
    expect((await create([999_999])).body.error.code).toBe('unknown_participant');
    const many = await Promise.all(Array.from({ length: LIMITS.conversationParticipants + 1 }, () => makeUser(t.db)));
    expect((await create(many.map((u) => u.id))).status).toBe(400);
    expect((await create([])).status).toBe(400);

    expect((await bram.client.put(`/api/members/${anna.user.id}/block`)).status).toBe(204);
    const refused = await create([bram.user.id]);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'cannot_message', message: 'Je kunt deze persoon geen bericht sturen.' });
    const page = await anna.client.get<{ canMessage: boolean; blockedByMe: boolean }>(`/api/members/${bram.user.id}`);
    expect(page.body).toMatchObject({ canMessage: false, blockedByMe: false });
    const bramsView = await bram.client.get<{ canMessage: boolean; blockedByMe: boolean }>(`/api/members/${anna.user.id}`);
    expect(bramsView.body).toMatchObject({ canMessage: false, blockedByMe: true });
    // Both ways: Bram cannot start one with the member he blocked either, and is told why.
    const own = await bram.client.post<ErrorBody>('/api/conversations', { subject: 'Toch een vraag', body: 'Tekst van Bram', participantIds: [anna.user.id] });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('blocked_by_you');
    expect((await bram.client.get<{ items: { id: number }[] }>('/api/me/blocks')).body.items.map((m) => m.id)).toEqual([anna.user.id]);
    expect((await bram.client.put<ErrorBody>(`/api/members/${bram.user.id}/block`)).status).toBe(400);
    expect((await bram.client.put<ErrorBody>('/api/members/999999/block')).status).toBe(404);

    expect((await bram.client.delete(`/api/members/${anna.user.id}/block`)).status).toBe(204);
    expect((await bram.client.get<{ items: unknown[] }>('/api/me/blocks')).body.items).toEqual([]);
    await start(anna.client, [bram.user.id]);
    expect((await anna.client.get<{ canMessage: boolean }>(`/api/members/${anna.user.id}`)).body.canMessage).toBe(false);
  });

  it('adds participants within the limit, not ones who blocked her, and new ones read the whole conversation', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const carla = await t.login();
    const id = await start(anna.client, [bram.user.id]);
    const url = `/api/conversations/${id}/participants`;
    expect((await bram.client.post<ErrorBody>(url, { userIds: [anna.user.id] })).body.error.code).toBe('already_participants');
    await carla.client.put(`/api/members/${bram.user.id}/block`);
    expect((await bram.client.post<ErrorBody>(url, { userIds: [carla.user.id] })).body.error.code).toBe('cannot_message');
    const added = await anna.client.post<{ conversation: { participants: { id: number }[] } }>(url, { userIds: [carla.user.id] });
    expect(added.status).toBe(200);
    expect(added.body.conversation.participants).toHaveLength(3);
    expect((await carla.client.get<ConversationPage>(`/api/conversations/${id}`)).body.messages).toHaveLength(1);
    const more = await Promise.all(Array.from({ length: LIMITS.conversationParticipants - 1 }, () => makeUser(t.db)));
    expect((await anna.client.post<ErrorBody>(url, { userIds: more.map((u) => u.id) })).body.error.code).toBe('too_many_participants');
    expect((await anna.client.post(url, { userIds: more.slice(1).map((u) => u.id) })).status).toBe(200);
  });

  it('deletes the conversation and its messages with its last participant', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const id = await start(anna.client, [bram.user.id]);
    await send(bram.client, id);
    await anna.client.put(`/api/conversations/${id}/draft`, { body: 'Half af' });
    expect((await anna.client.delete(`/api/conversations/${id}/participation`)).status).toBe(204);
    expect((await anna.client.get(`/api/conversations/${id}`)).status).toBe(404);
    const left = await bram.client.get<ConversationPage>(`/api/conversations/${id}`);
    expect(left.body.conversation.participants.map((p) => p.id)).toEqual([bram.user.id]);
    expect(left.body.conversation.canReply).toBe(false);
    expect((await bram.client.post<ErrorBody>(`/api/conversations/${id}/messages`, { body: 'Hallo?' })).body.error.code).toBe('conversation_alone');
    expect((await bram.client.delete(`/api/conversations/${id}/participation`)).status).toBe(204);
    expect(await t.db.select().from(conversations).where(eq(conversations.id, id))).toEqual([]);
    expect(await t.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, id))).toEqual([]);
  });

  it('refuses the same text twice within minutes and limits how many conversations a new member starts', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const id = await start(anna.client, [bram.user.id]);
    await send(anna.client, id, 'Precies dezelfde tekst');
    expect((await anna.client.post<ErrorBody>(`/api/conversations/${id}/messages`, { body: ' Precies dezelfde tekst ' })).body.error.code).toBe('duplicate_message');

    const newcomer = await t.login({ createdAt: new Date() });
    for (let i = 0; i < LIMITS.conversationsPerDayNewMember; i++) await start(newcomer.client, [bram.user.id]);
    const refused = await newcomer.client.post<ErrorBody>('/api/conversations', { subject: 'Nog een', body: 'Nog een gesprek', participantIds: [bram.user.id] });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('conversation_limit');
  });

  it('lets any member start at most the daily number of conversations', async () => {
    const anna = await t.login();
    const bram = await t.login();
    for (let i = 0; i < LIMITS.conversationsPerDay; i++) await start(anna.client, [bram.user.id]);
    const refused = await anna.client.post<ErrorBody>('/api/conversations', { subject: 'Eén te veel', body: 'Eén gesprek te veel', participantIds: [bram.user.id] });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toBe(`Je kunt maximaal ${LIMITS.conversationsPerDay} gesprekken per dag beginnen.`);
  });

  it('finds a message only in its own conversation', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const first = await start(anna.client, [bram.user.id]);
    const second = await start(anna.client, [bram.user.id]);
    const elsewhere = await send(anna.client, second);
    expect((await anna.client.patch<ErrorBody>(`/api/conversations/${first}/messages/${elsewhere}`, { body: 'Verkeerd gesprek' })).status).toBe(404);
    expect((await anna.client.delete(`/api/conversations/${first}/messages/${elsewhere}`)).status).toBe(404);
    expect((await bram.client.post(`/api/conversations/${first}/messages/${elsewhere}/report`, { reason: 'spam' })).status).toBe(404);
  });

  it('keeps a draft per member and conversation, gone when she sends', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const id = await start(anna.client, [bram.user.id]);
    const url = `/api/conversations/${id}/draft`;
    expect((await anna.client.get(url)).body).toEqual({ draft: null });
    expect((await anna.client.put(url, { body: '   ' })).status).toBe(400);
    expect((await anna.client.put<{ draft: { body: string } }>(url, { body: 'Wat ik wil zeggen' })).body.draft.body).toBe('Wat ik wil zeggen');
    expect((await bram.client.get(url)).body).toEqual({ draft: null });
    expect((await anna.client.get<{ draft: { body: string } }>(url)).body.draft.body).toBe('Wat ik wil zeggen');
    await send(anna.client, id);
    expect((await anna.client.get(url)).body).toEqual({ draft: null });
    await anna.client.put(url, { body: 'Opnieuw' });
    expect((await anna.client.delete(url)).status).toBe(204);
    expect((await anna.client.get(url)).body).toEqual({ draft: null });
  });
});
