import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { ThreadPage } from '../../shared/api/forum.js';
import type { HelpdeskQuestionPage, PublishAnswer } from '../../shared/api/helpdesk.js';
import { categories, threads } from '../../server/db/schema.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { ask, reply } from './fixtures.js';

/** Publishing an answered question as a public thread, with the asker's consent, in the way she chose to be named. */

let t: TestApp;
let fuseren: number;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  [{ id: fuseren }] = (await t.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'fuseren'))) as [{ id: number }];
});
afterAll(() => t.close());

let askers = 0;

/** A question asked by a member of "Lokaal Belang" in Utrecht, answered by the team, with her consent as given. */
async function answered(consent: { showName: boolean; showAffiliation: boolean } | null) {
  const asker = await t.login({ displayName: `Fenna Vrager ${++askers}` });
  const team = await t.login({ centreTeam: true });
  const id = await ask(asker.client, 'Wij (Lokaal Belang Utrecht) willen fuseren. Hoe begin je?');
  await reply(team.client, id, 'Begin met een **gezamenlijke** ledenvergadering.');
  if (consent) expect((await asker.client.put(`/api/helpdesk/questions/${id}/consent`, consent)).status).toBe(200);
  return { asker, team, id };
}

const publish = (team: TestClient, id: number) =>
  team.post<PublishAnswer & ErrorBody>(`/api/helpdesk/questions/${id}/publish`, {
    categoryId: fuseren,
    title: 'Hoe begin je aan een fusie?',
    question: 'Wij willen fuseren met een andere lokale partij. Hoe begin je?',
    answer: 'Begin met een **gezamenlijke** ledenvergadering.',
  });

describe('publishing a question', () => {
  it('needs her consent', async () => {
    const { team, id } = await answered(null);
    const refused = await publish(team.client, id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('no_consent');
  });

  it('anonymously: posted by "Lid van een lokale partij", answered by "Kenniscentrum" as the best answer, once', async () => {
    const { asker, team, id } = await answered({ showName: false, showAffiliation: false });
    const published = await publish(team.client, id);
    expect(published.status).toBe(201);
    const threadId = published.body.threadId;

    const page = await asker.client.get<ThreadPage>(`/api/threads/${threadId}`);
    const [opening, answer] = page.body.posts;
    expect(opening!.author.displayName).toBe('Lid van een lokale partij');
    expect(opening!.author.party).toBeUndefined();
    expect(opening!.bodyHtml).toContain('Hoe begin je?');
    expect(opening!.bodyHtml).toContain('met toestemming van het lid gedeeld');
    expect(JSON.stringify(page.body)).not.toContain(asker.user.displayName);
    expect(JSON.stringify(page.body)).not.toContain('Lokaal Belang');
    expect(answer!.author.displayName).toBe('Kenniscentrum');
    expect(page.body.thread).toMatchObject({ solved: true, solutionPostId: answer!.id });
    expect(page.body.solution?.id).toBe(answer!.id);

    const question = await asker.client.get<HelpdeskQuestionPage>(`/api/helpdesk/questions/${id}`);
    expect(question.body.question.publishedThreadId).toBe(threadId);
    const again = await publish(team.client, id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_published');
    // Once the thread is public, her consent stands.
    expect((await asker.client.delete<ErrorBody>(`/api/helpdesk/questions/${id}/consent`)).body.error.code).toBe('already_published');
    expect(await t.db.$count(threads, eq(threads.title, 'Hoe begin je aan een fusie?'))).toBeGreaterThanOrEqual(1);
  });

  it('with her party and municipality, still without her name', async () => {
    const { asker, team, id } = await answered({ showName: false, showAffiliation: true });
    const { body } = await publish(team.client, id);
    const page = await asker.client.get<ThreadPage>(`/api/threads/${body.threadId}`);
    expect(page.body.posts[0]!.author.displayName).toBe('Lid van een lokale partij');
    expect(page.body.posts[0]!.bodyHtml).toContain('Gevraagd door een lid van Lokaal Belang uit Utrecht.');
    expect(JSON.stringify(page.body)).not.toContain(asker.user.displayName);
  });

  it('under her own name when she chose it', async () => {
    const { asker, team, id } = await answered({ showName: true, showAffiliation: false });
    const { body } = await publish(team.client, id);
    const page = await team.client.get<ThreadPage>(`/api/threads/${body.threadId}`);
    expect(page.body.posts[0]!.author.id).toBe(asker.user.id);
    expect(page.body.posts[0]!.bodyHtml).not.toContain('Gevraagd door');
    expect(page.body.posts[1]!.author.displayName).toBe('Kenniscentrum');
  });

  it('is the team\'s to do', async () => {
    const { asker, id } = await answered({ showName: false, showAffiliation: false });
    expect((await publish(asker.client, id)).status).toBe(403);
  });
});

describe.skipIf(!usingRealPostgres)('publishing twice at the same moment (real PostgreSQL)', () => {
  it('makes one thread: the second waits for the first and is told it is done', async () => {
    const { team, id } = await answered({ showName: false, showAffiliation: false });
    const other = (await t.login({ centreTeam: true })).client;
    const results = await Promise.all([publish(team.client, id), publish(other, id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('already_published');
  });
});
