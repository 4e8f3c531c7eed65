import { randomBytes } from 'node:crypto';
import { describe } from 'vitest';
import { MeiliSearchIndex } from '../../server/search/meili-index.js';
import { searchContract } from './contract.js';

const url = process.env.MEILI_URL;
if (!url) {
  console.info('search contract: Meilisearch SKIPPED — set MEILI_URL (and MEILI_MASTER_KEY if needed) to run it against a real server');
}

// Each run gets its own index, so runs never see each other's documents.
describe.skipIf(!url)('search contract: Meilisearch', () => {
  searchContract({
    makeIndex: async () => {
      const index = new MeiliSearchIndex(url!, process.env.MEILI_MASTER_KEY ?? null, `plein_test_${randomBytes(4).toString('hex')}`);
      await index.setup();
      return index;
    },
    // Meilisearch has no Dutch stemmer: it matches word forms through prefix search and typo tolerance.
    dutchStemming: false,
    suggestions: false,
  });
});
