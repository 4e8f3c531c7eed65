import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDatabaseLock, type DatabaseLock } from '../ops/database-lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The one database type the code sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction, or the database itself: queries that may run inside either take this. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Present on the embedded database: it has LISTEN/NOTIFY in-process. */
  pglite: PGlite | null;
  /** Present on a real server: the live bridge opens its own LISTEN connection with it. */
  connectionString: string | null;
  pool: pg.Pool | null;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A real PostgreSQL server; otherwise PGlite. */
  databaseUrl?: string | null;
  /** Where PGlite keeps its files; undefined keeps the database in memory (tests). */
  dataDir?: string;
  /** A dump of an already migrated PGlite database, so tests skip initdb and migrations. */
  pgliteDump?: Blob;
  poolSize?: number;
  /** Sees every query drizzle sends (tests count them to catch N+1 queries). */
  onQuery?: (query: string) => void;
  /** Who opens the embedded database in `dataDir`, as a second opener's refusal names it ("de server"). */
  holder?: string;
  /** The lock of `dataDir`, when the caller took it already and releases it itself (restoring a backup replaces the folder under it). */
  lock?: DatabaseLock;
}

function queryLogger(options: OpenOptions) {
  const { onQuery } = options;
  return onQuery ? { logQuery: (query: string) => onQuery(query) } : false;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 });
    // An idle client that loses its server emits 'error' on the pool; without a listener that would crash the process.
    pool.on('error', () => {});
    // The pool stops listening to a client while it is checked out (inside a transaction); a connection lost
    // between two statements would then be an unhandled 'error' event and crash the process. The next query
    // on that client fails instead ("not queryable"), which the error handler answers with 503.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = drizzlePg(pool, { schema, logger: queryLogger(options) }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      pglite: null,
      connectionString: options.databaseUrl,
      pool,
      migrate: () => migratePg(db as never, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  // One process at a time in a data folder (ops/database-lock.ts): taken before PGlite reads a file, and given back
  // on close. A lock the caller passed stays the caller's to release.
  const lock = options.dataDir && !options.lock ? acquireDatabaseLock(options.dataDir, options.holder ?? 'een ander programma') : null;
  let client: PGlite;
  try {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    client = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.pgliteDump,
      extensions: { pg_trgm, unaccent },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema, logger: queryLogger(options) }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    connectionString: null,
    pool: null,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Rows of a raw query, the same on both drivers (both answer with `{ rows }`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export { sql };
