import type { Db } from '../db/client.js';
import { MeiliSearchIndex } from './meili-index.js';
import type { MeiliLog } from './meili/writer.js';
import { PostgresSearchIndex } from './postgres-index.js';
import type { SearchEngineConfig, SearchIndex } from './types.js';

/**
 * Meilisearch when MEILI_URL is set, otherwise search inside the database (PostgreSQL or PGlite). Meilisearch gets
 * MEILI_API_KEY (a key limited to its index) or else the master key, from which it derives such a key at setup
 * (meili/keys.ts); it gets the database to know which post opens a thread and to check its writes.
 */
export function createSearchIndex(config: SearchEngineConfig, db: Db, log?: MeiliLog): SearchIndex {
  if (config.meiliUrl) return new MeiliSearchIndex(config.meiliUrl, config.meiliApiKey ?? config.meiliMasterKey, 'posts', { db, ...(log ? { log } : {}) });
  return new PostgresSearchIndex(db);
}
