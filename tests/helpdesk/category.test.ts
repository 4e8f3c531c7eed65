import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { HelpdeskQuestionAnswer, MyQuestionList } from '../../shared/api/helpdesk.js';
import { categories } from '../../server/db/schema.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

describe('asking with a category', () => {
  it('takes one she can enter, and refuses an archived one in Dutch without storing anything', async () => {
    const asker = await t.login();
    const [open] = await t.db
      .insert(categories)
      .values({ slug: `open-${asker.user.id}`, name: `Open ${asker.user.id}`, description: '', position: 91 })
      .returning({ id: categories.id });
    const [archived] = await t.db
      .insert(categories)
      .values({ slug: `oud-${asker.user.id}`, name: `Oud ${asker.user.id}`, description: '', position: 92, archivedAt: new Date('2026-01-01T00:00:00Z') })
      .returning({ id: categories.id });
    const count = async () => (await asker.client.get<MyQuestionList>('/api/helpdesk/questions')).body.items.length;

    const refused = await asker.client.post<ErrorBody>('/api/helpdesk/questions', { subject: 'Een vraag over iets ouds', body: 'Tekst', categoryId: archived!.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'category_archived', field: 'categoryId' });
    expect(refused.body.error.message).toMatch(/gearchiveerd/);
    expect(await count()).toBe(0);

    const asked = await asker.client.post<HelpdeskQuestionAnswer>('/api/helpdesk/questions', { subject: 'Een vraag met categorie', body: 'Tekst', categoryId: open!.id });
    expect(asked.status).toBe(201);
    expect(asked.body.question.category).toMatchObject({ id: open!.id });
    expect(await count()).toBe(1);
  });
});
