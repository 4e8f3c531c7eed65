import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { ANALYSIS_VERSION } from '../../server/search/analysis/index.js';
import { reindexIfAnalysisChanged } from '../../server/search/analyzer-version.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
const quiet = { info: () => {} };
const outbox = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from search_outbox`))[0]!.n;
const state = async () => (await queryRows<{ value: string }>(t.db, sql`select value from search_state where key = 'analyzer'`))[0]?.value;

beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
});
afterAll(() => t.close());

it('records the analysis version at start, and queues every post once when the index was built by another one', async () => {
  // The app started on a fresh database: the version is recorded.
  expect(await state()).toBe(ANALYSIS_VERSION);
  const { user } = await t.login();
  const { threadId } = await makeThread(t.db, user, { title: 'Herindexeren bij een nieuwe analyse', body: 'Eerste bericht.' });
  await makePost(t.db, user, threadId, { body: 'Tweede bericht.' });
  await t.app.searchService.drainOutbox();
  expect(await outbox()).toBe(0);
  const [posts] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from posts`);

  await t.db.execute(sql`update search_state set value = 'an older analysis' where key = 'analyzer'`);
  // Two servers starting at once: the row lock lets one queue, the other then finds the version recorded.
  await Promise.all([reindexIfAnalysisChanged(t.db, quiet), reindexIfAnalysisChanged(t.db, quiet)]);
  expect(await outbox()).toBe(posts!.n);
  expect(await state()).toBe(ANALYSIS_VERSION);
  await reindexIfAnalysisChanged(t.db, quiet);
  expect(await outbox()).toBe(posts!.n);
  await t.app.searchService.drainOutbox();
  expect(await outbox()).toBe(0);
});
