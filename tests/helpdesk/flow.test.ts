import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { CannedAnswerAnswer, CannedList, HelpdeskQuestionAnswer, HelpdeskQuestionPage, HelpdeskStats, HelpdeskUnread, Inbox, MyQuestionList, TeamList } from '../../shared/api/helpdesk.js';
import { LIMITS } from '../../shared/constants.js';
import { categories, helpdeskQuestions } from '../../server/db/schema.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { ask, reply } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

const question = async (client: TestClient, id: number) =>
  (await client.get<HelpdeskQuestionPage>(`/api/helpdesk/questions/${id}`)).body.question;

describe('a question and its turns', () => {
  it('is open until the team answers, waits for the member after, and opens again when she writes', async () => {
    const asker = await t.login();
    const team = await t.login({ centreTeam: true });
    const id = await ask(asker.client);
    expect(await question(asker.client, id)).toMatchObject({ status: 'open', firstResponseAt: null, assignee: null, unreadCount: 0, consent: null });

    await reply(team.client, id, 'Een eerste antwoord');
    const answered = await question(team.client, id);
    expect(answered.status).toBe('waiting');
    expect(answered.firstResponseAt).not.toBeNull();
    await reply(team.client, id, 'Een tweede antwoord');
    // The first answer is the response time; later ones do not move it.
    expect((await question(team.client, id)).firstResponseAt).toBe(answered.firstResponseAt);
    expect((await question(asker.client, id)).unreadCount).toBe(2);
    expect((await asker.client.get<HelpdeskUnread>('/api/helpdesk/unread')).body.count).toBe(1);

    const page = await asker.client.get<HelpdeskQuestionPage>(`/api/helpdesk/questions/${id}`);
    expect((await asker.client.post(`/api/helpdesk/questions/${id}/read`, { messageId: page.body.messages.at(-1)!.id })).status).toBe(204);
    expect((await question(asker.client, id)).unreadCount).toBe(0);
    expect((await asker.client.get<HelpdeskUnread>('/api/helpdesk/unread')).body.count).toBe(0);
    // The marker never goes back.
    await asker.client.post(`/api/helpdesk/questions/${id}/read`, { messageId: page.body.messages[0]!.id });
    expect((await question(asker.client, id)).unreadCount).toBe(0);

    const closed = await asker.client.post<HelpdeskQuestionAnswer>(`/api/helpdesk/questions/${id}/close`);
    expect(closed.body.question).toMatchObject({ status: 'closed' });
    expect(closed.body.question.closedAt).not.toBeNull();
    await reply(asker.client, id, 'Toch nog een vraag erachteraan');
    expect(await question(team.client, id)).toMatchObject({ status: 'open', closedAt: null });
  });

  it('lists her own questions only, latest activity first', async () => {
    const asker = await t.login();
    const other = await t.login();
    const team = await t.login({ centreTeam: true });
    const first = await ask(asker.client);
    const second = await ask(asker.client);
    await ask(other.client);
    await reply(team.client, first, 'Het antwoord op de eerste');
    const list = await asker.client.get<MyQuestionList>('/api/helpdesk/questions');
    expect(list.body.items.map((q) => q.id)).toEqual([first, second]);
    expect(list.body.items[0]).toMatchObject({ status: 'waiting', unreadCount: 1, assignee: null });
  });

  it('refuses what it cannot take, in Dutch, and stores nothing', async () => {
    const asker = await t.login();
    const representativesOnly = await t.db
      .insert(categories)
      .values({ slug: `raad-${asker.user.id}`, name: `Alleen raad ${asker.user.id}`, description: '', position: 90, access: 'representatives' })
      .returning({ id: categories.id });
    const count = async () => (await asker.client.get<MyQuestionList>('/api/helpdesk/questions')).body.items.length;
    const hidden = await asker.client.post<ErrorBody>('/api/helpdesk/questions', { subject: 'Een vraag over de raad', body: 'Tekst', categoryId: representativesOnly[0]!.id });
    expect(hidden.status).toBe(400);
    expect(hidden.body.error).toMatchObject({ code: 'unknown_category', field: 'categoryId' });
    const short = await asker.client.post<ErrorBody>('/api/helpdesk/questions', { subject: 'Kort', body: 'Tekst' });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('subject');
    expect(short.body.error.message).toMatch(/Onderwerp/);
    expect((await asker.client.post<ErrorBody>('/api/helpdesk/questions', { subject: 'Een goede vraag', body: '   ' })).status).toBe(400);
    expect(await count()).toBe(0);

    const id = await ask(asker.client, 'Dezelfde tekst twee keer');
    const twice = await asker.client.post<ErrorBody>(`/api/helpdesk/questions/${id}/messages`, { body: 'Dezelfde tekst twee keer' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('duplicate_message');
  });

  it(`takes ${LIMITS.helpdeskQuestionsPerDay} questions a day from one member`, async () => {
    const asker = await t.login();
    for (let i = 0; i < LIMITS.helpdeskQuestionsPerDay; i++) await ask(asker.client);
    const over = await asker.client.post<ErrorBody>('/api/helpdesk/questions', { subject: 'Nog een vraag vandaag', body: 'Nog een' });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('question_limit');
    expect(over.headers['retry-after']).toBe('3600');
  });
});

describe('the team', () => {
  it('assigns to a team member only, changes status and category, and sees it in the inbox tabs with counts', async () => {
    const asker = await t.login();
    const anna = await t.login({ centreTeam: true });
    const bram = await t.login({ centreTeam: true });
    const member = await t.login();
    const id = await ask(asker.client);
    const unassignedBefore = (await anna.client.get<Inbox>('/api/helpdesk/inbox')).body;
    expect(unassignedBefore.items.some((item) => item.question.id === id)).toBe(true);

    const team = await anna.client.get<TeamList>('/api/helpdesk/team');
    expect(team.body.items.map((m) => m.id)).toEqual(expect.arrayContaining([anna.user.id, bram.user.id]));
    expect(team.body.items.map((m) => m.id)).not.toContain(member.user.id);

    const refused = await anna.client.patch<ErrorBody>(`/api/helpdesk/questions/${id}`, { assigneeId: member.user.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'not_team_member', field: 'assigneeId' });
    expect((await anna.client.patch<ErrorBody>(`/api/helpdesk/questions/${id}`, {})).body.error.code).toBe('nothing_to_change');

    const [category] = await t.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'fuseren'));
    const assigned = await anna.client.patch<HelpdeskQuestionAnswer>(`/api/helpdesk/questions/${id}`, { assigneeId: bram.user.id, categoryId: category!.id });
    expect(assigned.body.question).toMatchObject({ assignee: { id: bram.user.id }, category: { slug: 'fuseren' } });
    // The asker sees the category, never who handles it.
    expect(await question(asker.client, id)).toMatchObject({ assignee: null, category: { slug: 'fuseren' } });

    const mine = await bram.client.get<Inbox>('/api/helpdesk/inbox?view=mine');
    expect(mine.body.items.map((item) => item.question.id)).toContain(id);
    expect(mine.body.items.find((item) => item.question.id === id)).toMatchObject({ messageCount: 1, lastMessage: { fromTeam: false } });
    expect((await anna.client.get<Inbox>('/api/helpdesk/inbox?view=mine')).body.items.map((item) => item.question.id)).not.toContain(id);
    expect((await anna.client.get<Inbox>('/api/helpdesk/inbox')).body.items.map((item) => item.question.id)).not.toContain(id);

    const before = (await bram.client.get<Inbox>('/api/helpdesk/inbox?view=closed')).body.counts;
    await bram.client.patch(`/api/helpdesk/questions/${id}`, { status: 'closed' });
    const closed = await bram.client.get<Inbox>('/api/helpdesk/inbox?view=closed');
    expect(closed.body.items.map((item) => item.question.id)).toContain(id);
    expect(closed.body.counts.closed).toBe(before.closed + 1);
    expect(closed.body.counts.mine).toBe(before.mine - 1);
    const invalid = await bram.client.get<ErrorBody>('/api/helpdesk/inbox?view=alles');
    expect(invalid.status).toBe(400);
  });

  it('pages through a long inbox without repeating or skipping a question', async () => {
    const team = await t.login({ centreTeam: true });
    const askers = await Promise.all(Array.from({ length: 5 }, () => t.login()));
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) ids.push(await ask(askers[i % 5]!.client));
    // Parked in their own status so other tests' questions do not mix in: the closed tab, newest first.
    for (const id of ids) await t.db.update(helpdeskQuestions).set({ status: 'closed', lastActivityAt: new Date(Date.UTC(2020, 0, 1, 0, id)) }).where(eq(helpdeskQuestions.id, id));
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Inbox } = await team.client.get<Inbox>(`/api/helpdesk/inbox?view=closed${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.body.items.map((item) => item.question.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const ours = seen.filter((id) => ids.includes(id));
    expect(ours).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('keeps canned answers', async () => {
    const team = await t.login({ centreTeam: true });
    const created = await team.client.post<CannedAnswerAnswer>('/api/helpdesk/canned', { title: 'Kiesraad', body: 'Zie [de Kiesraad](https://www.kiesraad.nl/).' });
    expect(created.status).toBe(201);
    const id = created.body.cannedAnswer.id;
    const changed = await team.client.patch<CannedAnswerAnswer>(`/api/helpdesk/canned/${id}`, { title: 'Kiesraad, termijnen', body: 'Nieuwe tekst' });
    expect(changed.body.cannedAnswer).toMatchObject({ id, title: 'Kiesraad, termijnen', body: 'Nieuwe tekst' });
    expect((await team.client.get<CannedList>('/api/helpdesk/canned')).body.items.find((c) => c.id === id)?.title).toBe('Kiesraad, termijnen');
    expect((await team.client.delete(`/api/helpdesk/canned/${id}`)).status).toBe(204);
    const gone = await team.client.delete<ErrorBody>(`/api/helpdesk/canned/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe('Dit standaardantwoord bestaat niet.');
    expect((await team.client.patch(`/api/helpdesk/canned/${id}`, { title: 'Weg', body: 'Weg' })).status).toBe(404);
  });

  it('reads the response time per month: median and average minutes to the first answer', async () => {
    const team = await t.login({ centreTeam: true });
    const asker = await t.login();
    // Three questions in March 2021 (Amsterdam time), answered after 30, 60 and 240 minutes, and one unanswered.
    const at = (minutes: number) => new Date(Date.UTC(2021, 2, 10, 9, minutes));
    const minutes = [30, 60, 240, null];
    for (const answerAfter of minutes) {
      const id = await ask(asker.client);
      await t.db
        .update(helpdeskQuestions)
        .set({ createdAt: at(0), firstResponseAt: answerAfter === null ? null : at(answerAfter) })
        .where(eq(helpdeskQuestions.id, id));
    }
    const stats = await team.client.get<HelpdeskStats>('/api/helpdesk/stats');
    expect(stats.body.months.find((m) => m.month === '2021-03')).toEqual({ month: '2021-03', asked: 4, answered: 3, medianResponseMinutes: 60, averageResponseMinutes: 110 });
  });
});

describe('consent to publish', () => {
  it('is hers to give after an answer, to change and to take back', async () => {
    const asker = await t.login();
    const team = await t.login({ centreTeam: true });
    const id = await ask(asker.client);
    const early = await asker.client.put<ErrorBody>(`/api/helpdesk/questions/${id}/consent`, { showName: false, showAffiliation: false });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_answered');
    await reply(team.client, id, 'Het antwoord');
    const given = await asker.client.put<HelpdeskQuestionAnswer>(`/api/helpdesk/questions/${id}/consent`, { showName: false, showAffiliation: true });
    expect(given.body.question.consent).toMatchObject({ showName: false, showAffiliation: true });
    expect((await team.client.put<ErrorBody>(`/api/helpdesk/questions/${id}/consent`, { showName: true, showAffiliation: true })).body.error.code).toBe('not_asker');
    const withdrawn = await asker.client.delete<HelpdeskQuestionAnswer>(`/api/helpdesk/questions/${id}/consent`);
    expect(withdrawn.body.question.consent).toBeNull();
  });
});
