import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

let t: TestApp;
let mod: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await buildTestApp();
  mod = await t.login({ role: 'moderator', displayName: 'Moderator' });
});
afterAll(() => t.close());

const notificationsOf = async (client: TestClient) => (await client.get<NotificationList>('/api/notifications')).body;


describe('notifications', () => {
  it('pages newest first, marks some or all read, and never touches another user’s', async () => {
    const member = await t.login({ representativeRole: 'wethouder' });
    const other = await t.login({ representativeRole: 'wethouder' });
    for (const verified of [true, false, true, false, true]) {
      await mod.client.post(`/api/admin/users/${member.user.id}/representative`, { verified });
    }
    await mod.client.post(`/api/admin/users/${other.user.id}/representative`, { verified: true });
    const first = await member.client.get<NotificationList>('/api/notifications?limit=2');
    expect(first.body.notifications).toHaveLength(2);
    expect(first.body.unreadCount).toBe(3);
    const second = await member.client.get<NotificationList>(`/api/notifications?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.notifications[0]!.id).toBeLessThan(first.body.notifications[1]!.id);

    const otherId = (await notificationsOf(other.client)).notifications[0]!.id;
    const read = await member.client.post<{ unreadCount: number }>('/api/notifications/read', { ids: [first.body.notifications[0]!.id, otherId] });
    expect(read.body.unreadCount).toBe(2);
    expect((await notificationsOf(other.client)).unreadCount).toBe(1);
    expect((await member.client.post<{ unreadCount: number }>('/api/notifications/read', { all: true })).body.unreadCount).toBe(0);

    for (const [body, field] of [
      [{}, 'ids'],
      [{ ids: [] }, 'ids'],
      [{ ids: ['een'] }, 'ids.0'],
      [{ all: false }, 'all'],
      [{ ids: [1], all: true }, 'all'],
    ] as const) {
      const res = await member.client.post<ErrorBody>('/api/notifications/read', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    expect((await t.guest().get('/api/notifications')).status).toBe(401);
  });
});
