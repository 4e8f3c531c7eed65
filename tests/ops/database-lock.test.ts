import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/client.js';
import { threads } from '../../server/db/schema.js';
import { acquireDatabaseLock, DatabaseLockedError, lockFileFor } from '../../server/ops/database-lock.js';
import { prepare, stop } from '../../server/start.js';
import { usingRealPostgres } from '../helpers/database.js';
import { captureStream } from '../helpers/log-capture.js';

const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'plein-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has ended: a lock it left behind is stale. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** A DATA_DIR whose embedded database is migrated already (from the suite's dump where there is one). */
async function dataDirWithDatabase(): Promise<string> {
  const dataDir = tempDir();
  const dump = usingRealPostgres ? null : inject('pgliteDump');
  const database = await openDatabase({ dataDir: join(dataDir, 'pglite'), pgliteDump: dump ? new Blob([readFileSync(dump)]) : undefined });
  await database.migrate();
  await database.close();
  return dataDir;
}

describe('the lock of the embedded database', () => {
  it('is held while the database is open, refuses a second opener, and is released on close', async () => {
    const dir = join(tempDir(), 'pglite');
    const first = await openDatabase({ dataDir: dir, holder: 'de server (npm start)' });
    const lockFile = lockFileFor(dir);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, holder: 'de server (npm start)' });
    const refused = await openDatabase({ dataDir: dir, holder: 'npm run seed' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DatabaseLockedError);
    expect((refused as Error).message).toContain('in gebruik door de server (npm start)');
    expect((refused as Error).message).toContain('stop eerst de server');
    await first.close();
    expect(existsSync(lockFile)).toBe(false);
    const second = await openDatabase({ dataDir: dir });
    await second.close();
  });

  it('takes over a lock whose process has ended, or that cannot be read', async () => {
    const dir = join(tempDir(), 'pglite');
    const lockFile = lockFileFor(dir);
    writeFileSync(lockFile, JSON.stringify({ pid: await deadPid(), holder: 'de server (npm start)', since: '2026-01-01T00:00:00Z' }));
    const lock = acquireDatabaseLock(dir, 'npm run backup');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, holder: 'npm run backup' });
    lock.release();
    writeFileSync(lockFile, '{"pid":');
    acquireDatabaseLock(dir, 'npm run backup').release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it("takes over its own pid from an earlier life (a container's process 1 after a restart)", () => {
    const dir = join(tempDir(), 'pglite');
    writeFileSync(lockFileFor(dir), JSON.stringify({ pid: process.pid, holder: 'de server (npm start)', since: '2026-01-01T00:00:00Z' }));
    acquireDatabaseLock(dir, 'de server (npm start)').release();
  });

  it('refuses while another live process holds it, and leaves that lock alone', () => {
    const dir = join(tempDir(), 'pglite');
    const theirs = JSON.stringify({ pid: process.ppid, holder: 'npm run reindex', since: '2026-01-01T00:00:00Z' });
    writeFileSync(lockFileFor(dir), theirs);
    expect(() => acquireDatabaseLock(dir, 'npm run seed')).toThrow(/in gebruik door npm run reindex \(proces \d+/);
    expect(readFileSync(lockFileFor(dir), 'utf8')).toBe(theirs);
  });

  it('makes npm run seed refuse while a server runs, without touching the data; the server gives it back on stop', async () => {
    const dataDir = await dataDirWithDatabase();
    const config = loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'test-secret-test-secret-test-secret-123', SERVE_CLIENT: 'false' });
    const server = await prepare(config, { level: 'error', stream: captureStream() });
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    try {
      const seed = await run('node_modules/.bin/tsx', ['server/seed-cli.ts'], { env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(seed?.code).toBe(1);
      expect(seed?.stderr).toContain('De ingebouwde database is in gebruik door de server (npm start)');
      expect(seed?.stderr).toContain('stop eerst de server');
      expect(await server.database.db.$count(threads)).toBe(0);
    } finally {
      await stop(server);
    }
    expect(existsSync(lockFileFor(join(dataDir, 'pglite')))).toBe(false);
    // With the server stopped, the seed goes through.
    const seeded = await run('node_modules/.bin/tsx', ['server/seed-cli.ts'], { env });
    expect(seeded.stdout).toContain('discussies toegevoegd');
    // Two child processes that load TypeScript, and an embedded database made from scratch on PostgreSQL runs.
  }, 120_000);
});
