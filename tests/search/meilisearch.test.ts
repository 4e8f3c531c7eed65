import { afterAll, beforeAll, describe } from 'vitest';
import { MeiliSearchIndex } from '../../server/search/meili-index.js';
import { cleanStaleTestIndexes, dropTestIndex, meiliFromEnv, testIndexUid } from '../helpers/meili.js';
import { searchContract } from './contract.js';

const meili = meiliFromEnv();
if (!meili) {
  console.info('search contract: Meilisearch SKIPPED — set MEILI_URL (and MEILI_MASTER_KEY if needed) to run it against a real server');
}

// Each run gets its own index (and the app its own key for it), deleted afterwards, so runs never see each other's
// documents and leave nothing behind.
describe.skipIf(!meili)('search contract: Meilisearch', () => {
  const uid = testIndexUid();
  beforeAll(async () => {
    await cleanStaleTestIndexes(meili!.url, meili!.key);
  });
  afterAll(async () => {
    await dropTestIndex(meili!.url, meili!.key, uid);
  });

  searchContract({
    makeIndex: async (t) => {
      const index = new MeiliSearchIndex(meili!.url, meili!.key, uid, { db: t.db, log: t.app.log });
      await index.setup();
      await index.setSynonyms(await t.app.searchService.synonyms.current());
      return index;
    },
    // The Dutch analysis (analysis/) reaches Meilisearch as terms: roots and compound parts.
    dutchStemming: true,
    // Meilisearch tolerates typos itself and answers for the typed words.
    corrections: false,
  });
});
