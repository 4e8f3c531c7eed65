import { describe, expect, it } from 'vitest';
import { connect, t, useListeningApp } from '../live/sockets.js';
import { ask, reply } from './fixtures.js';

useListeningApp();

describe('live helpdesk events', () => {
  it('reach the asker (never an internal note) and the team, and nobody else', async () => {
    const asker = await t.login();
    const team = await t.login({ centreTeam: true });
    const admin = await t.login({ role: 'admin' });
    const outsider = await t.login();
    const moderator = await t.login({ role: 'moderator' });
    const sockets = {
      asker: await connect(asker.client),
      team: await connect(team.client),
      admin: await connect(admin.client),
      outsider: await connect(outsider.client),
      moderator: await connect(moderator.client),
    };
    for (const socket of Object.values(sockets)) await socket.next('hello');

    const id = await ask(asker.client, 'Geheime vraag over de kandidatenlijst');
    for (const socket of [sockets.team, sockets.admin]) {
      const asked = await socket.next('helpdesk.message', (m) => m.questionId === id);
      expect(asked.message.bodyHtml).toContain('Geheime vraag');
    }
    const note = await reply(team.client, id, 'Geheime interne notitie', true);
    const answer = await reply(team.client, id, 'Geheim **antwoord** van het kenniscentrum');
    const received = await sockets.asker.next('helpdesk.message', (m) => m.message.id === answer);
    expect(received.message).toMatchObject({ fromTeam: true, internal: false });
    expect(received.message.bodyHtml).toContain('<strong>antwoord</strong>');
    expect(received.message.body).toBeUndefined();
    for (const socket of [sockets.team, sockets.admin]) {
      const seen = await socket.next('helpdesk.message', (m) => m.message.id === note);
      expect(seen.message).toMatchObject({ internal: true, body: 'Geheime interne notitie' });
    }
    expect((await team.client.patch(`/api/helpdesk/questions/${id}`, { assigneeId: team.user.id })).status).toBe(200);
    await sockets.asker.next('helpdesk.updated', (m) => m.questionId === id);

    // A barrier: a question of the outsider's own, asked after all of the above. Events are delivered in commit order,
    // so had anything of the asker's question (or the note) reached these sockets, it would have come before this.
    const own = await ask(outsider.client, 'Openbare barrièrevraag');
    await sockets.outsider.next('helpdesk.message', (m) => m.questionId === own);
    await sockets.team.next('helpdesk.message', (m) => m.questionId === own);
    expect(JSON.stringify(sockets.asker.messages)).not.toContain('interne notitie');
    for (const socket of [sockets.outsider, sockets.moderator]) {
      expect(JSON.stringify(socket.messages)).not.toContain('Geheim');
      expect(socket.messages.filter((m) => m.type.startsWith('helpdesk.')).every((m) => 'questionId' in m && m.questionId === own)).toBe(true);
    }
    await sockets.moderator.roundTrip();
    expect(sockets.moderator.messages.some((m) => m.type.startsWith('helpdesk.'))).toBe(false);
    for (const socket of Object.values(sockets)) socket.close();
  });
});
