import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpdeskQuestionPage } from '../../shared/api/helpdesk.js';
import { helpdeskMessages, helpdeskQuestions, notifications } from '../../server/db/schema.js';
import { DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { buildExport } from '../../server/privacy/export-content.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { ask, reply } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

describe('the helpdesk and her own data', () => {
  it('exports her questions with their public messages and her consent; another member’s question is not in it', async () => {
    const asker = await t.login();
    const other = await t.login();
    const team = await t.login({ centreTeam: true });
    const id = await ask(asker.client, 'Haar eigen vraag over de statuten');
    await reply(team.client, id, 'Het antwoord voor haar');
    await asker.client.put(`/api/helpdesk/questions/${id}/consent`, { showName: false, showAffiliation: true });
    await ask(other.client, 'De vraag van een ander lid');

    const data = (await buildExport(t.db, asker.user.id))!;
    const own = data.helpdesk as { questions: { id: number; publishShowAffiliation: boolean; messages: { body: string; fromTeam: boolean }[] }[]; writtenForTeam: unknown[] };
    expect(own.questions.map((q) => q.id)).toEqual([id]);
    expect(own.questions[0]!.publishShowAffiliation).toBe(true);
    expect(own.questions[0]!.messages.map((m) => [m.fromTeam, m.body])).toEqual([
      [false, 'Haar eigen vraag over de statuten'],
      [true, 'Het antwoord voor haar'],
    ]);
    expect(own.writtenForTeam).toEqual([]);
    expect(JSON.stringify(data)).not.toContain('De vraag van een ander lid');
    // The team member's export holds what she wrote, not the member's question.
    const teams = (await buildExport(t.db, team.user.id))!.helpdesk as { questions: unknown[]; writtenForTeam: { questionId: number; body: string }[] };
    expect(teams.questions).toEqual([]);
    expect(teams.writtenForTeam).toEqual([expect.objectContaining({ questionId: id, body: 'Het antwoord voor haar' })]);
  });

  it('deletes her questions, their messages and notifications with her account; a team member’s answers stay without her name', async () => {
    const asker = await t.login();
    const team = await t.login({ centreTeam: true });
    const leaving = await t.login({ centreTeam: true });
    const other = await t.login();
    const hers = await ask(asker.client, 'Weg met haar account');
    await reply(team.client, hers, 'Een antwoord dat met haar vraag verdwijnt');
    const otherQuestion = await ask(other.client, 'Blijft staan');
    await reply(leaving.client, otherQuestion, 'Een antwoord van een vertrekkend teamlid');
    await t.app.notifications.drain();

    expect((await asker.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: false })).status).toBe(204);
    expect(await t.db.select().from(helpdeskQuestions).where(eq(helpdeskQuestions.id, hers))).toEqual([]);
    expect(await t.db.select().from(helpdeskMessages).where(eq(helpdeskMessages.questionId, hers))).toEqual([]);
    expect(await t.db.select().from(notifications).where(eq(notifications.helpdeskQuestionId, hers))).toEqual([]);

    expect((await leaving.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: false })).status).toBe(204);
    const page = await other.client.get<HelpdeskQuestionPage>(`/api/helpdesk/questions/${otherQuestion}`);
    expect(page.body.messages[1]).toMatchObject({ author: null, fromTeam: true });
    expect(page.body.messages[1]!.bodyHtml).toContain('Een antwoord van een vertrekkend teamlid');
  });
});
