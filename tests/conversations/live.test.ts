import { describe, expect, it } from 'vitest';
import type { ConversationMessage } from '../../shared/api/conversations.js';
import { connect, t, useListeningApp } from '../live/sockets.js';
import { send, start } from './fixtures.js';

useListeningApp();

describe('live messages of a private conversation', () => {
  it('reaches every socket of every participant, the Markdown only to its author, and no one else', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const outsider = await t.login();
    const moderator = await t.login({ role: 'moderator' });
    const annaSocket = await connect(anna.client);
    const bramSocket = await connect(bram.client);
    const bramSecond = await connect(bram.client);
    const outsiderSocket = await connect(outsider.client);
    const moderatorSocket = await connect(moderator.client);
    for (const socket of [annaSocket, bramSocket, bramSecond, outsiderSocket, moderatorSocket]) await socket.next('hello');

    const id = await start(anna.client, [bram.user.id], 'Geheim voorstel over de lijst');
    const messageId = await send(bram.client, id, 'Geheim **antwoord** van Bram');
    const forAnna = await annaSocket.next('conversation.message', (m) => m.message.id === messageId);
    expect(forAnna.conversationId).toBe(id);
    expect(forAnna.message.bodyHtml).toContain('<strong>antwoord</strong>');
    expect(forAnna.message.body).toBeUndefined();
    for (const socket of [bramSocket, bramSecond]) {
      const own = await socket.next('conversation.message', (m) => m.message.id === messageId);
      expect(own.message.body).toBe('Geheim **antwoord** van Bram');
    }

    // An edit and a deletion reach them too: the deleted one without text.
    await bram.client.patch(`/api/conversations/${id}/messages/${messageId}`, { body: 'Geheim, bewerkt' });
    expect((await annaSocket.next('conversation.message', (m) => m.message.id === messageId)).message.bodyHtml).toContain('bewerkt');
    await bram.client.delete(`/api/conversations/${id}/messages/${messageId}`);
    const deleted = await annaSocket.next('conversation.message', (m) => m.message.id === messageId && m.message.deleted);
    expect(deleted.message).toMatchObject({ bodyHtml: '', deleted: true });
    expect((deleted.message as ConversationMessage).body).toBeUndefined();

    // Even with an open report the moderator reads it over HTTP only, never live.
    const reported = await send(anna.client, id, 'Geheim en gerapporteerd');
    expect((await bram.client.post(`/api/conversations/${id}/messages/${reported}/report`, { reason: 'other' })).status).toBe(201);
    await send(anna.client, id, 'Geheim na het rapport');

    // A barrier: a conversation of the outsider's and the moderator's own, written after all of the above. Events are
    // delivered in commit order, so had anything of Anna and Bram's leaked, it would have come before this.
    const own = await start(outsider.client, [moderator.user.id], 'Openbaar barrièrebericht');
    await outsiderSocket.next('conversation.message', (m) => m.conversationId === own);
    await moderatorSocket.next('conversation.message', (m) => m.conversationId === own);
    for (const socket of [outsiderSocket, moderatorSocket]) {
      expect(socket.messages.filter((m) => m.type === 'conversation.message' || m.type === 'conversation.updated').every((m) => 'conversationId' in m && m.conversationId === own)).toBe(true);
      expect(JSON.stringify(socket.messages)).not.toContain('Geheim');
    }
    for (const socket of [annaSocket, bramSocket, bramSecond, outsiderSocket, moderatorSocket]) socket.close();
  });

  it('tells the participants when someone is added or leaves, and the one who left hears nothing more', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const carla = await t.login();
    const id = await start(anna.client, [bram.user.id]);
    const annaSocket = await connect(anna.client);
    const bramSocket = await connect(bram.client);
    const carlaSocket = await connect(carla.client);

    await anna.client.post(`/api/conversations/${id}/participants`, { userIds: [carla.user.id] });
    for (const socket of [annaSocket, bramSocket, carlaSocket]) await socket.next('conversation.updated', (m) => m.conversationId === id);

    expect((await bram.client.delete(`/api/conversations/${id}/participation`)).status).toBe(204);
    for (const socket of [annaSocket, bramSocket, carlaSocket]) await socket.next('conversation.updated', (m) => m.conversationId === id);

    await send(anna.client, id, 'Na het vertrek van Bram');
    await carlaSocket.next('conversation.message', (m) => m.conversationId === id);
    // Bram's barrier: a conversation of his own, after Anna's message.
    const own = await start(carla.client, [bram.user.id]);
    await bramSocket.next('conversation.message', (m) => m.conversationId === own);
    expect(JSON.stringify(bramSocket.messages)).not.toContain('Na het vertrek van Bram');
    for (const socket of [annaSocket, bramSocket, carlaSocket]) socket.close();
  });
});
