import type { Db } from '../db/client.js';
import { MeiliSearchIndex } from './meili-index.js';
import { PostgresSearchIndex } from './postgres-index.js';
import type { SearchEngineConfig, SearchIndex } from './types.js';

/** Meilisearch when MEILI_URL is set, otherwise search inside the database (PostgreSQL or PGlite). */
export function createSearchIndex(config: SearchEngineConfig, db: Db): SearchIndex {
  if (config.meiliUrl) return new MeiliSearchIndex(config.meiliUrl, config.meiliMasterKey);
  return new PostgresSearchIndex(db);
}
