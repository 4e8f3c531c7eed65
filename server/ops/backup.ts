import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { embeddedDataDir, type Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { OperatorError } from './cli.js';
import { acquireDatabaseLock } from './database-lock.js';

/**
 * `npm run backup` and `npm run restore`. The embedded database (PGlite) is written whole as PGlite's own tarball
 * (dumpDataDir, gzip) while this process holds its lock, so no server writes during the copy; a real PostgreSQL
 * server is dumped with pg_dump in its custom format and restored with pg_restore in one transaction.
 * Meilisearch is not backed up: it holds only a copy of the posts, which `npm run reindex` rebuilds.
 */

export type BackupConfig = Pick<Config, 'databaseUrl' | 'dataDir'>;

/** 2026-12-04T10-15-00Z: sorts by time, and has no colon (not allowed in Windows file names, awkward in scp). */
const stamp = (now: Date) => now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');

/** DATA_DIR/backups/plein-<time>.tar.gz (embedded) or .dump (PostgreSQL's custom format). */
export function defaultBackupFile(config: BackupConfig, now = new Date()): string {
  return join(config.dataDir, 'backups', `plein-${stamp(now)}.${config.databaseUrl ? 'dump' : 'tar.gz'}`);
}

/** Written beside the target and renamed into place: a failed or interrupted backup never looks like a finished one. */
function writeWhole(file: string, data: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.onvolledig`;
  writeFileSync(partial, data, { mode: 0o600 });
  renameSync(partial, file);
}

export interface BackupResult {
  file: string;
  bytes: number;
}

export async function backup(config: BackupConfig, target?: string): Promise<BackupResult> {
  const file = resolve(target ?? defaultBackupFile(config));
  if (config.databaseUrl) {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.onvolledig`;
    try {
      await runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`], config.databaseUrl);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    renameSync(partial, file);
  } else {
    const dataDir = embeddedDataDir(config)!;
    if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new OperatorError(`Er is geen database om te bewaren: ${dataDir} bestaat niet of is leeg (klopt DATA_DIR?).`);
    const database = await openDatabase({ dataDir, holder: 'npm run backup' });
    try {
      const tarball = await database.pglite!.dumpDataDir('gzip');
      writeWhole(file, new Uint8Array(await tarball.arrayBuffer()));
    } finally {
      await database.close();
    }
  }
  return { file, bytes: statSync(file).size };
}

export interface RestoreResult {
  /** Where the embedded database was before the restore (kept until the operator removes it); null on PostgreSQL. */
  previous: string | null;
}

export async function restore(config: BackupConfig, source: string): Promise<RestoreResult> {
  const file = resolve(source);
  if (!existsSync(file) || !statSync(file).isFile()) throw new OperatorError(`Backupbestand niet gevonden: ${file}`);
  if (config.databaseUrl) {
    if (file.endsWith('.tar.gz')) throw new OperatorError(`${file} is een backup van de ingebouwde database; DATABASE_URL wijst naar PostgreSQL. Zet DATABASE_URL uit om hem terug te zetten.`);
    // --clean --if-exists: every object in the backup is dropped first where it exists; one transaction, so a
    // failure halfway leaves the database as it was.
    await runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', file], config.databaseUrl);
    return { previous: null };
  }
  if (file.endsWith('.dump')) throw new OperatorError(`${file} is een backup van PostgreSQL (pg_dump); zet DATABASE_URL om hem daarin terug te zetten.`);
  return restoreEmbedded(embeddedDataDir(config)!, file);
}

/**
 * The current folder is moved aside (not deleted: a restore of the wrong file must be undoable) and the backup is
 * unpacked into a new one, then migrated, so a backup from an older version of Plein comes up to date. Any failure
 * puts the old folder back. The lock is held throughout, so no server or script opens the folder halfway.
 */
async function restoreEmbedded(dataDir: string, file: string): Promise<RestoreResult> {
  const tarball = new Blob([readFileSync(file)]);
  const lock = acquireDatabaseLock(dataDir, 'npm run restore');
  const previous = existsSync(dataDir) ? `${dataDir}.voor-herstel-${stamp(new Date())}` : null;
  try {
    if (previous) renameSync(dataDir, previous);
    try {
      const database = await openDatabase({ dataDir, pgliteDump: tarball, lock });
      try {
        await database.migrate();
      } finally {
        await database.close();
      }
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      if (previous) renameSync(previous, dataDir);
      throw new OperatorError(`Terugzetten mislukt, de database is onveranderd: ${file} is geen bruikbare backup van de ingebouwde database (${error instanceof Error ? error.message : String(error)}).`);
    }
  } finally {
    lock.release();
  }
  return { previous };
}

/**
 * Runs pg_dump or pg_restore against `databaseUrl`. The password goes in PGPASSWORD, not on the command line,
 * where any user of the machine could read it in the process list.
 */
function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, [...args, `--dbname=${url.toString()}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new OperatorError(`${tool} niet gevonden. Installeer de PostgreSQL-clientprogramma's (dezelfde of een nieuwere versie dan de server), of gebruik die in de databasecontainer (docs/operations.md).`)
          : error,
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      // pg_dump's own words say what went wrong (a version mismatch, a refused connection); they hold no password.
      else reject(new OperatorError(`${tool} is mislukt (code ${code}): ${stderr.trim().slice(0, 2000)}`));
    });
  });
}
