import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { ConversationPage, MessageReportList } from '../../shared/api/conversations.js';
import type { NotificationSummary } from '../../shared/api/notifications.js';
import { queryRows } from '../../server/db/client.js';
import { moderationActions, notifications } from '../../server/db/schema.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { send, start } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  // No search worker: the outbox is seen as the writes left it.
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

describe('reports on private messages', () => {
  it('signals the moderators, lists the open report with the message, and deleting it ends their access', async () => {
    const moderator = await t.login({ role: 'moderator' });
    const anna = await t.login();
    const bram = await t.login();
    const id = await start(anna.client, [bram.user.id]);
    const messageId = await send(anna.client, id, 'Een onaardig privébericht');
    const report = await bram.client.post<{ report: { id: number; status: string } }>(`/api/conversations/${id}/messages/${messageId}/report`, { reason: 'offensive', note: 'Kwetsend' });
    expect(report.status).toBe(201);
    expect(report.body.report.status).toBe('open');
    expect((await bram.client.post<ErrorBody>(`/api/conversations/${id}/messages/${messageId}/report`, { reason: 'spam' })).body.error.code).toBe('already_reported');
    const signals = await t.db.select().from(notifications).where(and(eq(notifications.userId, moderator.user.id), eq(notifications.kind, 'report_open')));
    expect(signals).toHaveLength(1);
    const waiting = async () => (await moderator.client.get<NotificationSummary>('/api/notifications/summary')).body.waiting!.openMessageReports;
    expect(await waiting()).toBe(1);

    const list = await moderator.client.get<MessageReportList>('/api/moderation/message-reports?status=open');
    const item = list.body.reports.find((r) => r.id === report.body.report.id)!;
    expect(item).toMatchObject({ messageId, conversationId: id, reason: 'offensive', note: 'Kwetsend', reporter: { id: bram.user.id } });
    expect(item.message.bodyHtml).toContain('Een onaardig privébericht');
    expect((await moderator.client.get<ConversationPage>(`/api/conversations/${id}`)).body.conversation.moderatorView).toBe(true);

    const resolved = await moderator.client.post<{ report: { status: string; resolution: string; message: { deleted: boolean } } }>(
      `/api/moderation/message-reports/${item.id}/resolve`,
      { action: 'delete_message', note: 'Kwetsend taalgebruik' },
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.report).toMatchObject({ status: 'resolved', resolution: 'delete_message', message: { deleted: true } });
    const page = await bram.client.get<ConversationPage>(`/api/conversations/${id}`);
    expect(page.body.messages.find((m) => m.id === messageId)).toMatchObject({ deleted: true, bodyHtml: '' });
    expect((await moderator.client.get(`/api/conversations/${id}`)).status).toBe(404);
    expect(await waiting()).toBe(0);
    const [logged] = await t.db.select().from(moderationActions).where(eq(moderationActions.action, 'delete_message'));
    expect(logged).toMatchObject({ moderatorId: moderator.user.id, targetUserId: anna.user.id, details: { messageId, conversationId: id } });
    expect(JSON.stringify(logged)).not.toContain('onaardig'); // the log names the message, never its text
    expect((await moderator.client.post(`/api/moderation/message-reports/999999/resolve`, { action: 'dismiss' })).status).toBe(404);
  });

  it('never puts a conversation in the search outbox', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const [before] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from search_outbox`);
    const id = await start(anna.client, [bram.user.id], 'Niet te vinden via zoeken');
    const messageId = await send(bram.client, id);
    await bram.client.patch(`/api/conversations/${id}/messages/${messageId}`, { body: 'Ook dit niet' });
    await anna.client.delete(`/api/conversations/${id}/participation`);
    const [after] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from search_outbox`);
    expect(after!.n).toBe(before!.n);
  });
});
