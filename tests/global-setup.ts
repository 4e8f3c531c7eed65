import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/db/client.js';
import { seedCategories } from '../server/forum/categories.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string | null;
  }
}

/**
 * PGlite's initdb and our migrations take seconds; do them once and hand every test file a copy
 * (a dump of the migrated, seeded data folder). With DATABASE_URL each file makes its own database instead.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    console.info(`tests: real PostgreSQL at ${new URL(process.env.DATABASE_URL).host} (one fresh database per test file)`);
    project.provide('pgliteDump', null);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'plein-test-'));
  const database = await openDatabase({});
  await database.migrate();
  await seedCategories(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = join(dir, 'pglite.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
