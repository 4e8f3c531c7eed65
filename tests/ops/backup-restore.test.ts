import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client.js';
import { threads, users } from '../../server/db/schema.js';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import { seedCategories } from '../../server/forum/categories.js';
import { OperatorError } from '../../server/ops/cli.js';
import { backup, defaultBackupFile, restore } from '../../server/ops/backup.js';
import { createTestDatabase, usingRealPostgres } from '../helpers/database.js';

const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'plein-backup-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A migrated embedded database in DATA_DIR/pglite: from the suite's dump where there is one (faster than initdb). */
async function embedded(dataDir: string): Promise<Database> {
  const dump = inject('pgliteDump');
  const database = await openDatabase({ dataDir: join(dataDir, 'pglite'), pgliteDump: dump && !existsSync(join(dataDir, 'pglite')) ? new Blob([readFileSync(dump)]) : undefined });
  await database.migrate();
  await seedCategories(database.db);
  return database;
}

async function titles(database: Database): Promise<string[]> {
  return (await database.db.select({ title: threads.title }).from(threads)).map((r) => r.title).sort();
}

// On PGlite runs only: with DATABASE_URL the suite has no migrated PGlite dump to start from, and every embedded
// database here would cost an initdb and all migrations; the PostgreSQL run tests pg_dump and pg_restore below.
describe.skipIf(usingRealPostgres)('backup and restore of the embedded database', () => {
  it('round-trips: what was there at the backup is back after a restore, and the previous folder is kept', async () => {
    const dataDir = tempDir();
    const config = { dataDir, databaseUrl: null };
    let database = await embedded(dataDir);
    const author = await makeUser(database.db, { email: 'bewaard@example.nl' });
    await makeThread(database.db, author, { title: 'Voor de backup' });
    await database.close();

    const { file, bytes } = await backup(config);
    expect(file.startsWith(join(dataDir, 'backups', 'plein-'))).toBe(true);
    expect(file.endsWith('.tar.gz')).toBe(true);
    expect(bytes).toBeGreaterThan(1000);
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([file.split('/').pop()]);

    database = await embedded(dataDir);
    await makeThread(database.db, author, { title: 'Na de backup' });
    await database.db.update(users).set({ displayName: 'Veranderd' }).where(eq(users.id, author.id));
    expect(await titles(database)).toEqual(['Na de backup', 'Voor de backup']);
    await database.close();

    const { previous } = await restore(config, file);
    expect(previous).not.toBeNull();
    expect(existsSync(previous!)).toBe(true);

    database = await embedded(dataDir);
    try {
      expect(await titles(database)).toEqual(['Voor de backup']);
      const [row] = await database.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, author.id));
      expect(row?.displayName).toBe(author.displayName);
    } finally {
      await database.close();
    }
  });

  it('leaves the database as it was when the file is not a backup', async () => {
    const dataDir = tempDir();
    let database = await embedded(dataDir);
    const author = await makeUser(database.db);
    await makeThread(database.db, author, { title: 'Blijft staan' });
    await database.close();
    const junk = join(dataDir, 'geen-backup.tar.gz');
    writeFileSync(junk, 'dit is geen tarball');

    await expect(restore({ dataDir, databaseUrl: null }, junk)).rejects.toThrow(/Terugzetten mislukt, de database is onveranderd/);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('pglite'))).toEqual(['pglite']);
    database = await embedded(dataDir);
    try {
      expect(await titles(database)).toEqual(['Blijft staan']);
    } finally {
      await database.close();
    }
  });

  it('names the default file after the time, without colons', () => {
    expect(defaultBackupFile({ dataDir: '/srv/plein', databaseUrl: null }, new Date('2026-12-04T10:15:30.123Z'))).toBe('/srv/plein/backups/plein-2026-12-04T10-15-30Z.tar.gz');
    expect(defaultBackupFile({ dataDir: '/srv/plein', databaseUrl: 'postgres://db/plein' }, new Date('2026-12-04T10:15:30Z'))).toBe('/srv/plein/backups/plein-2026-12-04T10-15-30Z.dump');
  });

  it('says so when there is nothing to back up or the file is missing', async () => {
    const dataDir = tempDir();
    await expect(backup({ dataDir, databaseUrl: null })).rejects.toThrow(OperatorError);
    await expect(restore({ dataDir, databaseUrl: null }, join(dataDir, 'bestaat-niet.tar.gz'))).rejects.toThrow(/Backupbestand niet gevonden/);
  });

  it('runs as npm run backup and restore do, with Dutch messages and exit codes', async () => {
    const dataDir = tempDir();
    const database = await embedded(dataDir);
    await makeThread(database.db, await makeUser(database.db), { title: 'Via de opdrachtregel' });
    await database.close();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    delete env.MEILI_URL;
    const file = join(dataDir, 'eigen-naam.tar.gz');
    const made = await run('node_modules/.bin/tsx', ['server/ops/backup-cli.ts', file], { env });
    expect(made.stdout).toContain(`Backup gemaakt: ${file}`);
    const restored = await run('node_modules/.bin/tsx', ['server/ops/restore-cli.ts', file], { env });
    expect(restored.stdout).toContain('Backup teruggezet');
    const missing = await run('node_modules/.bin/tsx', ['server/ops/restore-cli.ts'], { env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(missing?.code).toBe(1);
    expect(missing?.stderr).toContain('Welke backup? Gebruik: npm run restore -- <bestand>');
    // Three child processes that each load TypeScript: slow on a busy machine, never stuck.
  }, 120_000);
});

describe.skipIf(!usingRealPostgres)('backup and restore of PostgreSQL', () => {
  it('round-trips with pg_dump and pg_restore', async () => {
    const database = await createTestDatabase();
    const dataDir = tempDir();
    const config = { dataDir, databaseUrl: database.url };
    try {
      const author = await makeUser(database.db);
      await makeThread(database.db, author, { title: 'Voor de backup' });
      const { file, bytes } = await backup(config);
      expect(file.startsWith(join(dataDir, 'backups', 'plein-'))).toBe(true);
      expect(file).toMatch(/plein-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.dump$/);
      expect(bytes).toBeGreaterThan(1000);

      await makeThread(database.db, author, { title: 'Na de backup' });
      await database.db.update(users).set({ displayName: 'Veranderd' }).where(eq(users.id, author.id));
      expect(await titles(database)).toEqual(['Na de backup', 'Voor de backup']);

      const { previous } = await restore(config, file);
      expect(previous).toBeNull();
      expect(await titles(database)).toEqual(['Voor de backup']);
      const [row] = await database.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, author.id));
      expect(row?.displayName).toBe(author.displayName);
      // The restored database works on: migrations find themselves applied, and new rows get new ids.
      await database.migrate();
      await makeThread(database.db, author, { title: 'Na het terugzetten' });
    } finally {
      await database.drop();
    }
  });

  it('refuses a backup of the embedded database and a failing pg_restore changes nothing', async () => {
    const database = await createTestDatabase();
    const dataDir = tempDir();
    const config = { dataDir, databaseUrl: database.url };
    try {
      await makeThread(database.db, await makeUser(database.db), { title: 'Blijft staan' });
      const embeddedFile = join(dataDir, 'x.tar.gz');
      writeFileSync(embeddedFile, 'x');
      await expect(restore(config, embeddedFile)).rejects.toThrow(/backup van de ingebouwde database/);
      const junk = join(dataDir, 'kapot.dump');
      writeFileSync(junk, 'geen pg_dump-bestand');
      await expect(restore(config, junk)).rejects.toThrow(/pg_restore is mislukt/);
      expect(await titles(database)).toEqual(['Blijft staan']);
    } finally {
      await database.drop();
    }
  });
});
