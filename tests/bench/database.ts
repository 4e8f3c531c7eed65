import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface BenchDatabase {
  /** Set on a real PostgreSQL server: the freshly made bench database. */
  databaseUrl: string | null;
  /** The server's DATA_DIR (session secret; PGlite's files under pglite/). */
  dataDir: string;
  label: string;
  cleanup(): Promise<void>;
}

const BENCH_DB = 'plein_bench';

/**
 * A database of its own for every run: on a real server the database plein_bench is dropped and made again
 * (never the database DATABASE_URL names itself), else PGlite in a temporary folder.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plein-bench-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    return { databaseUrl: null, dataDir, label: 'PGlite (in-process, temporary folder)', cleanup: async () => removeDir() };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
  await admin.query(`create database ${BENCH_DB}`);
  const version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?';
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  return {
    databaseUrl: url.toString(),
    dataDir,
    label: `PostgreSQL ${version} at ${url.host}, database ${BENCH_DB}`,
    // The database stays until the next run, so a slow query can still be looked at with EXPLAIN ANALYZE.
    cleanup: async () => removeDir(),
  };
}
