import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import type { User } from '../../shared/api/users.js';
import { moderationActions } from '../../server/db/schema.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

export type UserAnswer = { user: User } & ErrorBody;

/*
 * The forum that the account tests (members.test.ts, roles.test.ts) share: an admin and a moderator who act on
 * members' accounts. A test file calls `useAccountsForum()` once at its top; that builds the app before the file's
 * tests and closes it after them. The bindings below are live: the file imports them and sees what its own call
 * set up (each test file loads this module afresh).
 */
export let t: TestApp;
export let admin: Awaited<ReturnType<TestApp['login']>>;
export let mod: Awaited<ReturnType<TestApp['login']>>;

export function useAccountsForum(): void {
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.login({ role: 'admin', displayName: 'Beheerder' });
    mod = await t.login({ role: 'moderator', displayName: 'Moderator' });
  });
  afterAll(() => t.close());
}

export const notificationsOf = async (client: TestClient) => (await client.get<NotificationList>('/api/notifications')).body;

/** The actions the moderation log holds on a user. */
export const logFor = async (userId: number) =>
  (await t.db.select().from(moderationActions).where(eq(moderationActions.targetUserId, userId))).map((a) => a.action);
