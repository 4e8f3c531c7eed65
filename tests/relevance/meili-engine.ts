import { MeiliSearchIndex } from '../../server/search/meili-index.js';
import { SynonymStore } from '../../server/search/synonyms.js';
import type { SearchIndex } from '../../server/search/types.js';
import type { TestApp } from '../helpers/app.js';
import { dropTestIndex, testIndexUid } from '../helpers/meili.js';

/**
 * A fresh, uniquely named Meilisearch index for one relevance run (MEILI_URL, MEILI_MASTER_KEY), set up as the app
 * sets up its own (the database, the admins' synonyms), and the way to delete it and its derived key again, so runs
 * never see each other's documents and leave nothing behind.
 */
export function meiliEngine(url: string, key: string | null): { make: (t: TestApp) => Promise<SearchIndex>; drop: () => Promise<void> } {
  const uid = testIndexUid();
  return {
    async make(t) {
      const index = new MeiliSearchIndex(url, key, uid, { db: t.db });
      await index.setup();
      await index.setSynonyms(await new SynonymStore(t.db).current());
      return index;
    },
    drop: () => dropTestIndex(url, key, uid),
  };
}
