import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import { helpdeskCannedAnswers, helpdeskMessages, helpdeskQuestions } from '../../server/db/schema.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { ask, reply } from './fixtures.js';

/** Every helpdesk route against every kind of caller: only access decides, and a refusal changes nothing. */

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Route = [Method, string, unknown?];

let t: TestApp;
let asker: TestClient;
let outsider: TestClient;
let pending: TestClient;
let suspended: TestClient;
let moderator: TestClient;
let team: TestClient;
let ids: { question: number; answer: number; canned: number; teamMember: number };

beforeAll(async () => {
  t = await buildTestApp({ env: { STAFF_TOTP_REQUIRED: 'false' } });
  const a = await t.login();
  asker = a.client;
  ({ client: outsider } = await t.login());
  ({ client: pending } = await t.login({ status: 'pending' }));
  ({ client: moderator } = await t.login({ role: 'moderator' }));
  const s = await t.login();
  await moderator.post(`/api/admin/users/${s.user.id}/suspend`, { reason: 'Test' });
  suspended = await t.loginAs((await t.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, s.user.id) }))!);
  const member = await t.login({ centreTeam: true });
  team = member.client;
  const question = await ask(asker, 'Een vraag die alleen zij en het team lezen');
  const answer = await reply(team, question, 'Het antwoord van het team');
  const canned = (await team.post<{ cannedAnswer: { id: number } }>('/api/helpdesk/canned', { title: 'Voorbeeld', body: 'Een standaardantwoord' })).body.cannedAnswer.id;
  ids = { question, answer, canned, teamMember: member.user.id };
});
afterAll(() => t.close());

/** The routes of one question that its asker and the team use. */
const questionRoutes = (): Route[] => {
  const q = `/api/helpdesk/questions/${ids.question}`;
  return [
    ['GET', q],
    ['POST', `${q}/messages`, { body: 'Mag ik meelezen?' }],
  ];
};
/** The asker's own acts on her question. */
const askerRoutes = (): Route[] => {
  const q = `/api/helpdesk/questions/${ids.question}`;
  return [
    ['POST', `${q}/read`, { messageId: ids.answer }],
    ['PUT', `${q}/consent`, { showName: true, showAffiliation: true }],
    ['DELETE', `${q}/consent`],
    ['POST', `${q}/close`],
  ];
};
const memberRoutes = (): Route[] => [
  ['GET', '/api/helpdesk/questions'],
  ['GET', '/api/helpdesk/unread'],
  ['POST', '/api/helpdesk/questions', { subject: 'Een nieuwe vraag', body: 'Over de campagne' }],
];
const teamRoutes = (): Route[] => [
  ['GET', '/api/helpdesk/inbox'],
  ['PATCH', `/api/helpdesk/questions/${ids.question}`, { assigneeId: ids.teamMember }],
  ['GET', '/api/helpdesk/team'],
  ['GET', '/api/helpdesk/stats'],
  ['GET', '/api/helpdesk/canned'],
  ['POST', '/api/helpdesk/canned', { title: 'Ongewenst', body: 'Ongewenst' }],
  ['PATCH', `/api/helpdesk/canned/${ids.canned}`, { title: 'Ongewenst', body: 'Ongewenst' }],
  ['DELETE', `/api/helpdesk/canned/${ids.canned}`],
  ['POST', `/api/helpdesk/questions/${ids.question}/publish`, { categoryId: 1, title: 'Een titel', question: 'Vraag', answer: 'Antwoord' }],
];

const call = (client: TestClient, [method, url, body]: Route) => client.request<ErrorBody>(method, url, method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}));

async function state() {
  return {
    questions: await t.db.select().from(helpdeskQuestions),
    messages: await t.db.select().from(helpdeskMessages),
    canned: await t.db.select().from(helpdeskCannedAnswers),
  };
}

describe('who may use the helpdesk routes', () => {
  it('refuses guests (401), pending and suspended members (403), changing nothing', async () => {
    const before = await state();
    for (const route of [...questionRoutes(), ...askerRoutes(), ...memberRoutes(), ...teamRoutes()]) {
      expect((await call(t.guest(), route)).status, `${route[0]} ${route[1]} guest`).toBe(401);
      expect((await call(pending, route)).status, `${route[0]} ${route[1]} pending`).toBe(403);
      expect((await call(suspended, route)).status, `${route[0]} ${route[1]} suspended`).toBe(403);
    }
    expect(await state()).toEqual(before);
  });

  it('answers not_found to another member and to a moderator who is not on the team, and refuses them the team routes', async () => {
    const before = await state();
    for (const client of [outsider, moderator]) {
      for (const route of [...questionRoutes(), ...askerRoutes()]) {
        const res = await call(client, route);
        expect(res.status, `${route[0]} ${route[1]}`).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
      for (const route of teamRoutes()) {
        const res = await call(client, route);
        expect(res.status, `${route[0]} ${route[1]}`).toBe(403);
        expect(res.body.error.code).toBe('not_allowed');
      }
    }
    expect(await state()).toEqual(before);
  });

  it('refuses the team the asker\'s own acts, and the asker the team\'s', async () => {
    const before = await state();
    for (const route of askerRoutes()) {
      const res = await call(team, route);
      expect(res.status, `${route[0]} ${route[1]}`).toBe(403);
      expect(res.body.error.code).toBe('not_asker');
    }
    for (const route of teamRoutes()) expect((await call(asker, route)).status, `${route[0]} ${route[1]}`).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('lets the asker and the team read the question', async () => {
    for (const client of [asker, team]) expect((await call(client, ['GET', `/api/helpdesk/questions/${ids.question}`])).status).toBe(200);
  });
});

describe('a team member without the second login step where staff need it', () => {
  it('does not act for the team', async () => {
    const strict = await buildTestApp({ env: { STAFF_TOTP_REQUIRED: 'true' } });
    try {
      const member = await strict.login({ centreTeam: true });
      const res = await member.client.get<ErrorBody>('/api/helpdesk/inbox');
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('totp_required');
      const other = await strict.login();
      const question = await ask(other.client);
      expect((await member.client.get(`/api/helpdesk/questions/${question}`)).status).toBe(404);
    } finally {
      await strict.close();
    }
  });
});
