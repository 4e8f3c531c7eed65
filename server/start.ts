import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from './app.js';
import { ensureAdmin, ensureLocalAdmin } from './auth/ensure-admin.js';
import { embeddedDataDir, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { seedCategories } from './forum/categories.js';

export interface Prepared {
  app: FastifyInstance;
  database: Database;
  /** How to log in as an admin, for the start-up message. */
  login: { email: string; password: string | null } | null;
}

/** Opens and migrates the configured database, seeds what must exist, and builds the app. Shared by main.ts and the benchmarks. */
export async function prepare(config: Config, logger?: BuildOptions['logger']): Promise<Prepared> {
  // The embedded database's folder is locked for as long as the server runs (ops/database-lock.ts): npm run seed,
  // reindex, backup and restore refuse while it is held, and stop() gives it back.
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: embeddedDataDir(config), holder: 'de server (npm start)' });
  try {
    await database.migrate();
    await seedCategories(database.db);
    let login: Prepared['login'] = null;
    if (config.adminEmail && config.adminPassword) {
      await ensureAdmin(database.db, config.adminEmail, config.adminPassword);
      login = { email: config.adminEmail, password: null };
    } else if (!config.production) {
      login = await ensureLocalAdmin(database.db, config.dataDir);
    }
    const app = await buildApp({ config, database, logger });
    return { app, database, login };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/**
 * Stops taking requests, lets handlers still at work finish (even for clients that hung up) for up to five
 * seconds, then closes the database. Shared by main.ts and the benchmark's server.
 */
export async function stop({ app, database }: Pick<Prepared, 'app' | 'database'>): Promise<void> {
  await app.close();
  if (!(await app.handlersSettled(5000))) app.log.warn('shutdown: handlers still running after 5 s; closing the database under them');
  await database.close();
}
