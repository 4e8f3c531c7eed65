import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client.js';
import { seedCategories } from '../../server/forum/categories.js';

export const usingRealPostgres = Boolean(process.env.DATABASE_URL);

type TestDatabase = Database & { url: string | null; drop(): Promise<void> };

/**
 * A fresh database with nothing in it (not even migrations): an in-process PGlite, or (with DATABASE_URL) a new
 * database on that server, dropped again by `drop()`. Tests of migrations start here.
 */
export async function createEmptyDatabase(onQuery?: (query: string) => void): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ onQuery });
    return { ...database, url: null, drop: () => database.close() };
  }
  const name = `plein_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), onQuery });
  let dropped = false;
  return {
    ...database,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await database.close().catch(() => {});
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A fresh, migrated, seeded database for one test file: an in-process PGlite copied from the dump that
 * global-setup made, or (with DATABASE_URL) a new database on that server, dropped again by `drop()`.
 */
export async function createTestDatabase(onQuery?: (query: string) => void): Promise<TestDatabase> {
  const dumpFile = process.env.DATABASE_URL ? null : inject('pgliteDump');
  if (dumpFile) {
    const database = await openDatabase({ pgliteDump: new Blob([readFileSync(dumpFile)]), onQuery });
    return { ...database, url: null, drop: () => database.close() };
  }
  const database = await createEmptyDatabase(onQuery);
  await database.migrate();
  await seedCategories(database.db);
  return database;
}
