import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SolutionAnswer, ThreadList, ThreadPage } from '../../shared/api/forum.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import { categories, moderationActions, threads } from '../../server/db/schema.js';
import { makeCategory, makePost, makeThread } from '../../server/dev/factories.js';
import { hide, restore } from '../../server/forum/post-hiding.js';
import { deletePost } from '../../server/forum/writes.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { rowCounts } from '../helpers/row-counts.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string; field?: string } };

/** A question by `starter` with one reply by `answerer`, in `category`. */
let asked = 0;
async function question(category = 'fuseren') {
  const n = ++asked;
  const starter = await t.login({ displayName: `Vraagsteller ${n}` });
  const answerer = await t.login({ displayName: `Antwoorder ${n}` });
  const { threadId, postId: questionId } = await makeThread(t.db, starter.user, { category, title: 'Hoe pakten jullie de fusie aan?' });
  const answerId = await makePost(t.db, answerer.user, threadId, { body: 'Eerst de statuten, dan de leden.' });
  return { starter, answerer, threadId, questionId, answerId };
}

describe('marking the best answer', () => {
  it('lets the starter mark a reply: the thread is solved in its page, its list and the filters, and the answer is under the question', async () => {
    const q = await question();
    const marked = await q.starter.client.put<SolutionAnswer>(`/api/threads/${q.threadId}/solution`, { postId: q.answerId });
    expect(marked.status).toBe(200);
    expect(marked.body.thread).toMatchObject({ solved: true, solutionPostId: q.answerId });
    expect(marked.body.solution?.id).toBe(q.answerId);

    const reader = await t.login();
    const page = (await reader.client.get<ThreadPage>(`/api/threads/${q.threadId}`)).body;
    expect(page.thread.solved).toBe(true);
    expect(page.solution?.bodyHtml).toContain('statuten');
    expect(page.canMarkSolution).toBe(false);
    expect((await q.starter.client.get<ThreadPage>(`/api/threads/${q.threadId}`)).body.canMarkSolution).toBe(true);

    const solved = (await reader.client.get<ThreadList>('/api/categories/fuseren/threads?filter=solved&limit=100')).body.threads.map((th) => th.id);
    const unsolved = (await reader.client.get<ThreadList>('/api/categories/fuseren/threads?filter=unsolved&limit=100')).body.threads.map((th) => th.id);
    expect(solved).toContain(q.threadId);
    expect(unsolved).not.toContain(q.threadId);
  });

  it('tells the answer’s author once, however often it is marked again, and never the starter about her own reply', async () => {
    const q = await question();
    await q.starter.client.put(`/api/threads/${q.threadId}/solution`, { postId: q.answerId });
    await q.starter.client.delete(`/api/threads/${q.threadId}/solution`);
    await q.starter.client.put(`/api/threads/${q.threadId}/solution`, { postId: q.answerId });
    await t.app.notifications.drain();
    const list = (await q.answerer.client.get<NotificationList>('/api/notifications')).body.notifications.filter((n) => n.kind === 'answer_marked');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ message: `${q.starter.user.displayName} markeerde je reactie als beste antwoord in „Hoe pakten jullie de fusie aan?”`, link: `/discussie/${q.threadId}#bericht-${q.answerId}` });

    const ownReply = await makePost(t.db, q.starter.user, q.threadId, { body: 'Zelf gevonden: bel de notaris.' });
    await q.starter.client.put(`/api/threads/${q.threadId}/solution`, { postId: ownReply });
    await t.app.notifications.drain();
    const mine = (await q.starter.client.get<NotificationList>('/api/notifications')).body.notifications.filter((n) => n.kind === 'answer_marked');
    expect(mine).toHaveLength(0);
  });

  it('changes and undoes it; a moderator may too, and that is logged', async () => {
    const q = await question();
    const second = await makePost(t.db, q.answerer.user, q.threadId, { body: 'Of juist eerst de leden.' });
    await q.starter.client.put(`/api/threads/${q.threadId}/solution`, { postId: q.answerId });
    const changed = await q.starter.client.put<SolutionAnswer>(`/api/threads/${q.threadId}/solution`, { postId: second });
    expect(changed.body.thread.solutionPostId).toBe(second);
    const moderator = await t.login({ role: 'moderator' });
    const undone = await moderator.client.delete<SolutionAnswer>(`/api/threads/${q.threadId}/solution`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ thread: { solved: false }, solution: null });
    const logged = await t.db.select().from(moderationActions).where(eq(moderationActions.targetThreadId, q.threadId));
    expect(logged.map((l) => l.action)).toEqual(['clear_solution']);
  });

  it('refuses others, the question itself, a post from elsewhere, a hidden reply, and categories that expect no answers — changing nothing', async () => {
    const q = await question();
    const other = await t.login();
    const elsewhere = await question();
    const hiddenReply = await makePost(t.db, q.answerer.user, q.threadId, { body: 'Dit wordt verborgen.' });
    await t.db.transaction((tx) => hide(tx, hiddenReply, 'spam'));
    const before = await rowCounts(t.db);
    const tries: [{ status: number; body: ErrorBody }, number, string][] = [
      [await other.client.put<ErrorBody>(`/api/threads/${q.threadId}/solution`, { postId: q.answerId }), 403, 'not_thread_author'],
      [await other.client.delete<ErrorBody>(`/api/threads/${q.threadId}/solution`), 403, 'not_thread_author'],
      [await q.starter.client.put<ErrorBody>(`/api/threads/${q.threadId}/solution`, { postId: q.questionId }), 400, 'invalid_solution'],
      [await q.starter.client.put<ErrorBody>(`/api/threads/${q.threadId}/solution`, { postId: elsewhere.answerId }), 400, 'invalid_solution'],
      [await q.starter.client.put<ErrorBody>(`/api/threads/${q.threadId}/solution`, { postId: hiddenReply }), 400, 'invalid_solution'],
      [await q.starter.client.put<ErrorBody>(`/api/threads/${q.threadId}/solution`, { postId: 'een' }), 400, 'validation'],
      [await q.starter.client.put<ErrorBody>(`/api/threads/99999999/solution`, { postId: q.answerId }), 404, 'not_found'],
    ];
    for (const [res, status, code] of tries) {
      expect(res.status).toBe(status);
      if (code !== 'validation') expect(res.body.error.code).toBe(code);
    }
    expect(await rowCounts(t.db)).toEqual(before);
    await t.db.update(categories).set({ expectsAnswers: false }).where(eq(categories.slug, 'algemeen'));
    const plain = await question('algemeen');
    const off = await plain.starter.client.put<ErrorBody>(`/api/threads/${plain.threadId}/solution`, { postId: plain.answerId });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('answers_off');
    expect((await plain.starter.client.get<ThreadPage>(`/api/threads/${plain.threadId}`)).body.canMarkSolution).toBe(false);
    await t.db.update(categories).set({ expectsAnswers: true }).where(eq(categories.slug, 'algemeen'));
    const [row] = await t.db.select({ s: threads.solutionPostId }).from(threads).where(eq(threads.id, q.threadId));
    expect(row!.s).toBeNull();
  });

  it('a hidden or deleted answer solves nothing, and showing it again solves the thread again', async () => {
    const q = await question();
    await q.starter.client.put(`/api/threads/${q.threadId}/solution`, { postId: q.answerId });
    const reader = await t.login();
    await t.db.transaction((tx) => hide(tx, q.answerId, 'controle'));
    let page = (await reader.client.get<ThreadPage>(`/api/threads/${q.threadId}`)).body;
    expect(page.thread.solved).toBe(false);
    expect(page.solution).toBeNull();
    expect(page.thread.solutionPostId).toBeUndefined();
    await t.db.transaction((tx) => restore(tx, q.answerId));
    page = (await reader.client.get<ThreadPage>(`/api/threads/${q.threadId}`)).body;
    expect(page.thread.solved).toBe(true);
    const [thread] = await t.db.select({ categoryId: threads.categoryId }).from(threads).where(eq(threads.id, q.threadId));
    await deletePost(t.db, q.answerer.user, q.answerId, q.threadId, thread!.categoryId, true);
    expect((await reader.client.get<ThreadPage>(`/api/threads/${q.threadId}`)).body.thread.solved).toBe(false);
  });

  it('never reveals a thread in a category the asker may not enter', async () => {
    await makeCategory(t.db, { slug: 'raad-intern', access: 'representatives' });
    const representative = await t.login({ representativeVerified: true });
    const answerer = await t.login({ representativeVerified: true });
    const { threadId } = await makeThread(t.db, representative.user, { category: 'raad-intern' });
    const answerId = await makePost(t.db, answerer.user, threadId);
    const member = await t.login();
    expect((await member.client.put<ErrorBody>(`/api/threads/${threadId}/solution`, { postId: answerId })).status).toBe(404);
    expect((await representative.client.put(`/api/threads/${threadId}/solution`, { postId: answerId })).status).toBe(200);
    expect((await member.client.get<ThreadList>('/api/categories/raad-intern/threads?filter=solved')).status).toBe(404);
  });

  it('refuses changes in an archived category', async () => {
    await makeCategory(t.db, { slug: 'oud-archief' });
    const q = await question('oud-archief');
    await t.db.update(categories).set({ archivedAt: new Date() }).where(eq(categories.slug, 'oud-archief'));
    const res = await q.starter.client.put<ErrorBody>(`/api/threads/${q.threadId}/solution`, { postId: q.answerId });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('category_archived');
  });
});
