import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_ADMIN_EMAIL } from '../server/auth/ensure-admin.js';
import { prepare, type Prepared } from '../server/start.js';
import { TestClient } from './helpers/client.js';
import { createTestDatabase } from './helpers/database.js';
import { captureStream } from './helpers/log-capture.js';
import { testConfig } from './helpers/app.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Starts the server as main.ts does, on a fresh PGlite folder or a fresh real database. */
async function start(env: Record<string, string>): Promise<Prepared> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plein-start-'));
  let databaseUrl: string | null = null;
  if (process.env.DATABASE_URL) {
    const fresh = await createTestDatabase();
    // prepare() migrates again: on an already migrated database that must be a no-op.
    await fresh.close();
    databaseUrl = fresh.url;
    cleanups.push(() => fresh.drop());
  }
  const config = testConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env });
  const prepared = await prepare(config, { level: 'error', stream: captureStream() });
  cleanups.unshift(async () => {
    await prepared.app.close();
    await prepared.database.close();
  });
  return prepared;
}

// Each case starts a fresh embedded database on disk (initdb and migrations): seconds, more on a busy machine.
describe('start-up', { timeout: 120_000 }, () => {
  it('creates the admin from ADMIN_EMAIL and ADMIN_PASSWORD, who can log in and approve members', async () => {
    const { app, login } = await start({ ADMIN_EMAIL: 'Beheer@Kenniscentrum.nl', ADMIN_PASSWORD: 'een-lang-wachtwoord' });
    expect(login).toEqual({ email: 'beheer@kenniscentrum.nl', password: null });
    const admin = new TestClient(app);
    const res = await admin.login('beheer@kenniscentrum.nl', 'een-lang-wachtwoord');
    expect(res.status).toBe(200);
    expect((await admin.get<{ user: { role: string; status: string } }>('/api/me')).body.user).toMatchObject({ role: 'admin', status: 'active' });
    expect((await admin.get('/api/admin/users?status=pending')).status).toBe(200);
  });

  it('outside production, makes a local admin with a generated password and shows it again on the next start', async () => {
    const { app, login } = await start({});
    expect(login?.email).toBe(LOCAL_ADMIN_EMAIL);
    expect(login?.password).toMatch(/^[\w-]{16}$/);
    const client = new TestClient(app);
    expect((await client.login(LOCAL_ADMIN_EMAIL, login!.password!)).status).toBe(200);
  });

  it('in production, makes no admin by itself', async () => {
    const { login } = await start({ NODE_ENV: 'production' });
    expect(login).toBeNull();
  });

  it('keeps the generated admin password private in DATA_DIR', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plein-start-'));
    if (process.env.DATABASE_URL) return; // the file is the same on both drivers; one run is enough
    const prepared = await prepare(testConfig({ DATA_DIR: dataDir }), { level: 'error', stream: captureStream() });
    cleanups.unshift(async () => {
      await prepared.app.close();
      await prepared.database.close();
    });
    expect(readFileSync(join(dataDir, 'admin-password'), 'utf8')).toBe(prepared.login!.password);
  });
});
