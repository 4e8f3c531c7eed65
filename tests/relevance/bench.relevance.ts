import { describe, it } from 'vitest';
import { formatReport, runRelevance } from './harness.js';
import { meiliEngine } from './meili-engine.js';

/**
 * `npm run bench:relevance`: the judged set on PostgreSQL (PGlite, or the server in DATABASE_URL) and, when
 * MEILI_URL is set, on Meilisearch; prints per engine the top-3 hit rate, nDCG@10 and every miss. Not part of
 * `npm test` (tests/search/relevance.test.ts keeps the floor there).
 */
describe('relevance bench', () => {
  it('PostgreSQL', { timeout: 600_000 }, async () => {
    console.info(formatReport(await runRelevance()));
  });

  const url = process.env.MEILI_URL;
  it.skipIf(!url)('Meilisearch', { timeout: 600_000 }, async () => {
    const engine = meiliEngine(url!, process.env.MEILI_MASTER_KEY ?? null);
    try {
      console.info(formatReport(await runRelevance({ engine: engine.make })));
    } finally {
      await engine.drop();
    }
  });
  if (!url) console.info('relevance: Meilisearch SKIPPED — set MEILI_URL (and MEILI_MASTER_KEY) to measure it');
});
