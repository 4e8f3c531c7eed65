import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from './app.js';
import { ensureAdmin } from './auth/ensure-admin.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { seedCategories } from './forum/categories.js';

/** Opens and migrates the configured database, seeds what must exist, and builds the app. Shared by main.ts and the benchmarks. */
export async function prepare(config: Config, logger?: BuildOptions['logger']): Promise<{ app: FastifyInstance; database: Database }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite` });
  await database.migrate();
  await seedCategories(database.db);
  if (config.adminEmail && config.adminPassword) await ensureAdmin(database.db, config.adminEmail, config.adminPassword);
  const app = await buildApp({ config, database, logger });
  return { app, database };
}
