import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { Guide } from '../../shared/api/guide.js';
import type { CurrentUser } from '../../server/auth/types.js';
import { guideLinks } from '../../server/db/schema.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { addLink, addSection, outline } from './fixtures.js';

let t: TestApp;
let admin: TestClient;
let adminUser: CurrentUser;
beforeAll(async () => {
  t = await buildTestApp();
  ({ client: admin, user: adminUser } = await t.login({ role: 'admin' }));
});
afterAll(() => t.close());

/** Every staff route, called with a section and a link that exist. */
function writes(sectionId: number, linkId: number) {
  return [
    (c: TestClient) => c.post<ErrorBody>('/api/guide/sections', { name: 'Nieuw onderwerp' }),
    (c: TestClient) => c.patch<ErrorBody>(`/api/guide/sections/${sectionId}`, { name: 'Andere naam' }),
    (c: TestClient) => c.patch<ErrorBody>(`/api/guide/sections/${sectionId}`, { position: 5 }),
    (c: TestClient) => c.request<ErrorBody>('DELETE', `/api/guide/sections/${sectionId}`),
    (c: TestClient) => c.post<ErrorBody>('/api/guide/links', { sectionId, title: 'Nieuwe link', url: 'https://example.nl/nieuw', description: 'Iets nieuws.' }),
    (c: TestClient) => c.patch<ErrorBody>(`/api/guide/links/${linkId}`, { title: 'Andere titel', position: 3 }),
    (c: TestClient) => c.request<ErrorBody>('DELETE', `/api/guide/links/${linkId}`),
  ];
}

describe(`Wegwijzer access (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  it('members read it; only admins and the centre team change it; nobody else changes anything', async () => {
    const { id: sectionId } = await addSection(admin, 'Wet- en regelgeving');
    const { id: linkId } = await addLink(admin, sectionId, 'Gemeentewet', 'De wet over de inrichting van gemeenten.', 'https://wetten.overheid.nl/BWBR0005416');
    const before = (await admin.get<Guide>('/api/guide')).body;

    const guest = t.guest();
    const member = (await t.login()).client;
    const moderator = (await t.login({ role: 'moderator' })).client;
    const pending = (await t.login({ status: 'pending' })).client;
    const suspended = (await t.login({ status: 'suspended' })).client;
    // A team member or an admin whose account is suspended acts for nobody.
    const suspendedTeam = (await t.login({ centreTeam: true, status: 'suspended' })).client;
    const suspendedAdmin = (await t.login({ role: 'admin', status: 'suspended' })).client;

    expect((await guest.get<ErrorBody>('/api/guide')).status).toBe(401);
    for (const [name, client] of [['pending', pending], ['suspended', suspended]] as const) {
      expect((await client.get<ErrorBody>('/api/guide')).status, name).toBe(403);
    }
    const read = await member.get<Guide>('/api/guide');
    expect(read.status).toBe(200);
    expect(read.body).toEqual(before);
    expect((await moderator.get<Guide>('/api/guide')).status).toBe(200);

    const expected: [string, TestClient, number][] = [
      ['guest', guest, 401],
      ['pending', pending, 403],
      ['suspended', suspended, 403],
      ['member', member, 403],
      ['moderator', moderator, 403],
      ['suspended team member', suspendedTeam, 403],
      ['suspended admin', suspendedAdmin, 403],
    ];
    for (const [name, client, status] of expected) {
      for (const [i, write] of writes(sectionId, linkId).entries()) expect((await write(client)).status, `${name}, write ${i}`).toBe(status);
    }
    expect((await admin.get<Guide>('/api/guide')).body).toEqual(before);
    // Without the CSRF token, a staff member's browser cannot be made to change it.
    expect((await admin.post('/api/guide/sections', { name: 'Via een andere site' }, { csrf: false })).status).toBe(403);
    expect((await admin.get<Guide>('/api/guide')).body).toEqual(before);
  });

  it('the centre team and admins change it; the link records who changed it last', async () => {
    const team = await t.login({ centreTeam: true });
    const { id: sectionId } = await addSection(team.client, 'Opleiders');
    const { id: linkId } = await addLink(team.client, sectionId, 'Raadslidmaatschap voor beginners');
    const updatedBy = async () => (await t.db.select({ by: guideLinks.updatedBy }).from(guideLinks).where(eq(guideLinks.id, linkId)))[0]!.by;
    expect(await updatedBy()).toBe(team.user.id);
    const renamed = await admin.patch<Guide>(`/api/guide/links/${linkId}`, { title: 'Basiscursus raadslid' });
    expect(renamed.status).toBe(200);
    expect(outline(renamed.body)).toContainEqual(['Opleiders', ['Basiscursus raadslid']]);
    expect(await updatedBy()).toBe(adminUser.id);
    expect((await team.client.request<Guide>('DELETE', `/api/guide/links/${linkId}`)).status).toBe(200);
    expect((await team.client.request<Guide>('DELETE', `/api/guide/sections/${sectionId}`)).status).toBe(200);
  });
});
