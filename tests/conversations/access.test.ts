import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { ConversationPage, MessageReportList } from '../../shared/api/conversations.js';
import { conversationMessageReports, conversationMessages, conversationParticipants, conversations, memberBlocks } from '../../server/db/schema.js';
import { makeUser } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { send, start } from './fixtures.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Route = [Method, string, unknown?];

let t: TestApp;
let anna: TestClient; // starts the conversation
let bram: TestClient; // the other participant
let outsider: TestClient;
let pending: TestClient;
let suspended: TestClient;
let moderator: TestClient;
let ids: { conversation: number; message: number; bramsMessage: number; target: number };

beforeAll(async () => {
  t = await buildTestApp();
  const a = await t.login();
  const b = await t.login();
  anna = a.client;
  bram = b.client;
  ({ client: outsider } = await t.login());
  ({ client: pending } = await t.login({ status: 'pending' }));
  ({ client: moderator } = await t.login({ role: 'moderator' }));
  const s = await t.login();
  await moderator.post(`/api/admin/users/${s.user.id}/suspend`, { reason: 'Test' });
  suspended = await t.loginAs((await t.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, s.user.id) }))!);
  const conversation = await start(anna, [b.user.id], 'Het eerste bericht');
  const bramsMessage = await send(bram, conversation, 'Het bericht van Bram');
  const [first] = await t.db.select({ id: conversationMessages.id }).from(conversationMessages).where(eq(conversationMessages.conversationId, conversation)).orderBy(conversationMessages.id).limit(1);
  ids = { conversation, message: first!.id, bramsMessage, target: (await makeUser(t.db)).id };
});
afterAll(() => t.close());

/** The routes of one conversation, with bodies that would be valid: only access decides. */
const conversationRoutes = (): Route[] => {
  const c = `/api/conversations/${ids.conversation}`;
  return [
    ['GET', c],
    ['GET', `${c}/messages?before=${ids.bramsMessage}`],
    ['POST', `${c}/messages`, { body: 'Mag ik meepraten?' }],
    ['PATCH', `${c}/messages/${ids.message}`, { body: 'Bewerkt door een ander' }],
    ['DELETE', `${c}/messages/${ids.message}`],
    ['POST', `${c}/read`, { messageId: ids.message }],
    ['POST', `${c}/participants`, { userIds: [ids.target] }],
    ['POST', `${c}/messages/${ids.bramsMessage}/report`, { reason: 'spam' }],
    ['GET', `${c}/draft`],
    ['PUT', `${c}/draft`, { body: 'Een concept' }],
    ['DELETE', `${c}/draft`],
    ['DELETE', `${c}/participation`],
  ];
};

const memberRoutes = (): Route[] => [
  ['GET', '/api/conversations'],
  ['GET', '/api/conversations/unread'],
  ['POST', '/api/conversations', { subject: 'Ongewenst', body: 'Hallo daar', participantIds: [ids.target] }],
  ['GET', '/api/me/blocks'],
  ['PUT', `/api/members/${ids.target}/block`],
  ['DELETE', `/api/members/${ids.target}/block`],
];

const moderatorRoutes = (): Route[] => [
  ['GET', '/api/moderation/message-reports'],
  ['POST', '/api/moderation/message-reports/999999/resolve', { action: 'dismiss' }],
];

const call = (client: TestClient, [method, url, body]: Route) => client.request<ErrorBody>(method, url, method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}));

/** What any of the routes could change, so a refusal is seen to change nothing. */
async function state() {
  return {
    conversations: await t.db.select().from(conversations),
    participants: await t.db.select().from(conversationParticipants),
    messages: await t.db.select().from(conversationMessages),
    reports: await t.db.select().from(conversationMessageReports),
    blocks: await t.db.select().from(memberBlocks),
  };
}

describe('who may use the conversation routes', () => {
  it('refuses guests (401), pending and suspended members (403), changing nothing', async () => {
    const before = await state();
    for (const route of [...conversationRoutes(), ...memberRoutes(), ...moderatorRoutes()]) {
      expect((await call(t.guest(), route)).status, `${route[0]} ${route[1]} guest`).toBe(401);
      expect((await call(pending, route)).status, `${route[0]} ${route[1]} pending`).toBe(403);
      expect((await call(suspended, route)).status, `${route[0]} ${route[1]} suspended`).toBe(403);
    }
    expect(await state()).toEqual(before);
  });

  it('answers not_found to a member who is not in the conversation, and to a moderator without an open report', async () => {
    const before = await state();
    for (const client of [outsider, moderator]) {
      for (const route of conversationRoutes()) {
        const res = await call(client, route);
        expect(res.status, `${route[0]} ${route[1]}`).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
    }
    expect(await state()).toEqual(before);
  });

  it('refuses the moderation routes to members (403)', async () => {
    for (const route of moderatorRoutes()) expect((await call(outsider, route)).status).toBe(403);
  });

  it('lets a moderator read a conversation read-only while a report on it is open, and not after', async () => {
    expect((await bram.post(`/api/conversations/${ids.conversation}/messages/${ids.message}/report`, { reason: 'offensive', note: 'Onaardig' })).status).toBe(201);
    const page = await moderator.get<ConversationPage>(`/api/conversations/${ids.conversation}`);
    expect(page.status).toBe(200);
    expect(page.body.conversation).toMatchObject({ moderatorView: true, canReply: false, lastReadMessageId: 0 });
    expect(page.body.messages.every((m) => m.body === undefined)).toBe(true);
    expect((await moderator.get(`/api/conversations/${ids.conversation}/messages?before=${ids.bramsMessage}`)).status).toBe(200);
    const before = await state();
    for (const route of conversationRoutes().filter(([method]) => method !== 'GET')) {
      const res = await call(moderator, route);
      expect(res.status, `${route[0]} ${route[1]}`).toBe(403);
      expect(res.body.error.code).toBe('read_only');
    }
    expect((await call(moderator, ['GET', `/api/conversations/${ids.conversation}/draft`])).status).toBe(403);
    expect(await state()).toEqual(before);
    // Not on her list, and the outsider still finds nothing.
    expect((await outsider.get(`/api/conversations/${ids.conversation}`)).status).toBe(404);

    const reports = await moderator.get<MessageReportList>('/api/moderation/message-reports?status=open');
    const report = reports.body.reports.find((r) => r.conversationId === ids.conversation)!;
    expect(report.message.bodyHtml).toContain('Het eerste bericht');
    expect((await moderator.post(`/api/moderation/message-reports/${report.id}/resolve`, { action: 'dismiss' })).status).toBe(200);
    expect((await moderator.post<ErrorBody>(`/api/moderation/message-reports/${report.id}/resolve`, { action: 'dismiss' })).body.error.code).toBe('already_resolved');
    expect((await moderator.get(`/api/conversations/${ids.conversation}`)).status).toBe(404);
  });

  it('lets the participants use every route', async () => {
    const c = `/api/conversations/${ids.conversation}`;
    expect((await anna.get(c)).status).toBe(200);
    expect((await anna.get(`${c}/messages?before=${ids.bramsMessage}`)).status).toBe(200);
    expect((await anna.post(`${c}/messages`, { body: 'Nog iets' })).status).toBe(201);
    expect((await anna.patch(`${c}/messages/${ids.message}`, { body: 'Bewerkt' })).status).toBe(200);
    expect((await anna.post(`${c}/read`, { messageId: ids.bramsMessage })).status).toBe(204);
    expect((await anna.post(`${c}/messages/${ids.bramsMessage}/report`, { reason: 'spam' })).status).toBe(201);
    expect((await bram.post<ErrorBody>(`${c}/messages/${ids.bramsMessage}/report`, { reason: 'spam' })).body.error.code).toBe('own_message');
    expect((await anna.put(`${c}/draft`, { body: 'Concept' })).status).toBe(200);
    expect((await anna.get(`${c}/draft`)).status).toBe(200);
    expect((await anna.delete(`${c}/draft`)).status).toBe(204);
    expect((await anna.post(`${c}/participants`, { userIds: [ids.target] })).status).toBe(200);
    expect((await anna.delete(`${c}/messages/${ids.message}`)).status).toBe(204);
    for (const route of memberRoutes()) expect((await call(outsider, route)).status, `${route[0]} ${route[1]}`).toBeLessThan(300);
    expect((await moderator.get('/api/moderation/message-reports')).status).toBe(200);
    expect((await anna.delete(`${c}/participation`)).status).toBe(204);
  });
});
