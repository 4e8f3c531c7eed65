import type { SearchResponse } from '../../shared/api/search.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import type { SearchIndex } from '../../server/search/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { ndcgAt10, topThreeHit } from './metrics.js';
import { QUERIES } from './queries.js';
import { PARTY_THREADS } from './threads-party.js';
import { POLITICS_THREADS } from './threads-politics.js';
import type { JudgedQuery, JudgedThread } from './types.js';

export const THREADS: readonly JudgedThread[] = [...PARTY_THREADS, ...POLITICS_THREADS];

export interface QueryOutcome {
  query: JudgedQuery;
  /** Thread keys in the order the API answered (first page). */
  ranked: string[];
  resultsFor: string;
  match: string;
  topThree: boolean;
  ndcg: number;
}

export interface RelevanceReport {
  engine: string;
  queries: number;
  topThreeHits: number;
  topThreeRate: number;
  ndcg: number;
  outcomes: QueryOutcome[];
}

/**
 * The judged set in a fresh app: every thread made by a member through the forum's own writes (replies by a second
 * member), the outbox drained into `index` (the app's own PostgreSQL index unless another is given), and every
 * query asked through GET /api/search as a member would.
 */
export async function runRelevance(options: { engine?: (app: TestApp) => Promise<SearchIndex> } = {}): Promise<RelevanceReport> {
  const testApp = await buildTestApp({ searchWorker: false });
  try {
    if (options.engine) testApp.app.searchService.index = await options.engine(testApp);
    const { client, user: asker } = await testApp.login({ displayName: 'Zoeker' });
    const { user: replier } = await testApp.login({ displayName: 'Antwoorder' });
    const keyOf = new Map<number, string>();
    for (const thread of THREADS) {
      const { threadId } = await makeThread(testApp.db, asker, { category: thread.category, title: thread.title, body: thread.body });
      for (const reply of thread.replies) await makePost(testApp.db, replier, threadId, { body: reply });
      keyOf.set(threadId, thread.key);
    }
    await testApp.app.searchService.drainOutbox();
    const outcomes: QueryOutcome[] = [];
    for (const query of QUERIES) outcomes.push(await ask(client, query, keyOf));
    const topThreeHits = outcomes.filter((o) => o.topThree).length;
    return {
      engine: testApp.app.searchService.index.name,
      queries: outcomes.length,
      topThreeHits,
      topThreeRate: topThreeHits / outcomes.length,
      ndcg: outcomes.reduce((sum, o) => sum + o.ndcg, 0) / outcomes.length,
      outcomes,
    };
  } finally {
    await testApp.close();
  }
}

async function ask(client: TestClient, query: JudgedQuery, keyOf: ReadonlyMap<number, string>): Promise<QueryOutcome> {
  const res = await client.get<SearchResponse>(`/api/search?q=${encodeURIComponent(query.q)}`);
  if (res.status !== 200) throw new Error(`"${query.q}": ${res.status} ${JSON.stringify(res.body)}`);
  // Hits are threads; a thread listed twice counts once, where it first appears.
  const ranked = [...new Set(res.body.hits.map((h) => keyOf.get(h.threadId) ?? `thread ${h.threadId}`))];
  return {
    query,
    ranked,
    resultsFor: res.body.resultsFor ?? query.q,
    match: res.body.match ?? 'all',
    topThree: topThreeHit(ranked, query.relevant),
    ndcg: ndcgAt10(ranked, query.relevant),
  };
}

/** The report as the bench prints it: the figures, then every query that missed the first three. */
export function formatReport(report: RelevanceReport): string {
  const lines = [
    `relevance (${report.engine}): ${report.topThreeHits}/${report.queries} queries find a right thread in the first three ` +
      `(${(report.topThreeRate * 100).toFixed(1)} %), nDCG@10 ${report.ndcg.toFixed(3)}`,
  ];
  const misses = report.outcomes.filter((o) => !o.topThree);
  if (misses.length > 0) lines.push('  missed:');
  for (const o of misses) {
    const wanted = Object.keys(o.query.relevant).join(', ');
    const got = o.ranked.slice(0, 3).join(', ') || 'nothing';
    const note = o.resultsFor !== o.query.q ? ` (results for "${o.resultsFor}")` : o.match === 'some' ? ' (match: some)' : '';
    lines.push(`  - "${o.query.q}" [${o.query.kind}]: wanted ${wanted}; got ${got}${note}`);
  }
  return lines.join('\n');
}
