import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { buildExport } from '../../server/privacy/export-content.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { createTraining, moveTraining, participantsOf } from './fixtures.js';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  staff = (await t.login({ centreTeam: true })).client;
});
afterAll(() => t.close());

const list = (id: number) => participantsOf(staff, id);

describe('sign-ups and her personal data', () => {
  it('her data export lists her sign-ups', async () => {
    const training = await createTraining(staff, t.db, { title: 'Privacy in de fractie' });
    const member = await t.login();
    await member.client.post(`/api/trainings/${training.id}/signup`);
    const data = (await buildExport(t.db, member.user.id)) as { trainingSignups: { title: string; status: string }[] };
    expect(data.trainingSignups).toEqual([expect.objectContaining({ title: 'Privacy in de fractie', status: 'participant', location: 'Stadhuis Utrecht, zaal 3' })]);
  });

  it('deleting her account gives her place in a coming training to the first waiting member; a past one just loses her', async () => {
    const coming = await createTraining(staff, t.db, { capacity: 1 });
    const past = await createTraining(staff, t.db, { capacity: 1 });
    const leaving = await t.login();
    const next = await t.login();
    for (const tr of [coming, past]) {
      await leaving.client.post(`/api/trainings/${tr.id}/signup`);
      await next.client.post(`/api/trainings/${tr.id}/signup`);
    }
    await moveTraining(t.db, past.id, -3 * 24 * 3600_000);
    const res = await leaving.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: false });
    expect(res.status).toBe(204);
    expect((await list(coming.id)).map((p) => [p.id, p.status])).toEqual([[next.user.id, 'participant']]);
    expect((await list(past.id)).map((p) => [p.id, p.status])).toEqual([[next.user.id, 'waiting']]);
  });
});
