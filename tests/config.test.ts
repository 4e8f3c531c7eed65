import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'plein-config-'));

describe('configuration', () => {
  it('has working defaults on a machine with nothing set', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, meiliUrl: null, production: false, publicOrigin: null });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('generates the session secret once and keeps it private beside the data', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(first);
    expect(statSync(join(dir, 'session-secret')).mode & 0o077).toBe(0);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/plein'],
    ['DATABASE_URL', 'not a url'],
    ['MEILI_URL', 'ftp://meili'],
    ['CONTACT_EMAIL', 'kenniscentrum'],
    ['CONTACT_URL', 'javascript:alert(1)'],
    ['PRIVACY_CONTROLLER', 'x'.repeat(201)],
    ['PRIVACY_CONTROLLER', 'Stichting\nKenniscentrum'],
    ['SESSION_SECRET', 'te-kort'],
    ['PUBLIC_ORIGIN', 'forum.example.nl'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'misschien'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '10.0.0.0/8,proxy.example.nl'],
    ['TRUST_PROXY', '99'],
    ['RATE_LIMIT_MAX', '0'],
    ['AUTO_HIDE_REPORTS', '-1'],
    ['ADMIN_EMAIL', 'geen-adres'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    const env: Record<string, string> = { DATA_DIR: dataDir(), [name]: value };
    if (name === 'ADMIN_EMAIL') env.ADMIN_PASSWORD = 'een-lang-wachtwoord';
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    expect((error as Error).message).toContain(name);
  });

  it.each(['SESSION_SECRET', 'ADMIN_PASSWORD'])("refuses .env.example's placeholder for %s", (name) => {
    const env: Record<string, string> = { DATA_DIR: dataDir(), [name]: 'vervang-door-minstens-32-willekeurige-tekens' };
    if (name === 'ADMIN_PASSWORD') env.ADMIN_EMAIL = 'beheer@example.nl';
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}: is still the placeholder from .env.example`));
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ADMIN_EMAIL: 'a@example.nl' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('wants MEILI_URL when a Meilisearch key is set, and takes a scoped key beside the master key', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), MEILI_MASTER_KEY: 'sleutel' })).toThrow(/MEILI_URL.*MEILI_MASTER_KEY/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), MEILI_API_KEY: 'sleutel' })).toThrow(/MEILI_URL.*MEILI_API_KEY/);
    const config = loadConfig({ DATA_DIR: dataDir(), MEILI_URL: 'http://meili:7700', MEILI_API_KEY: 'beperkt' });
    expect(config).toMatchObject({ meiliUrl: 'http://meili:7700', meiliApiKey: 'beperkt', meiliMasterKey: null });
  });

  it('reads a full production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dataDir(),
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://plein@db:5432/plein',
      MEILI_URL: 'http://meili:7700',
      MEILI_MASTER_KEY: 'sleutel',
      ADMIN_EMAIL: 'Beheer@Example.nl',
      ADMIN_PASSWORD: 'een-lang-wachtwoord',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_ORIGIN: 'https://forum.example.nl/',
      TRUST_PROXY: '1',
      RATE_LIMIT_POST_MAX: '5',
    });
    expect(config).toMatchObject({
      production: true,
      port: 8080,
      adminEmail: 'beheer@example.nl',
      publicOrigin: 'https://forum.example.nl',
      trustProxy: 1,
      rateLimit: { max: 600, authMax: 20, postMax: 5 },
    });
  });

  it('refuses to start in production with an http:// PUBLIC_ORIGIN on a real host, and says what to set', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir(), PUBLIC_ORIGIN: 'http://forum.example.nl' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('PUBLIC_ORIGIN');
    expect((error as Error).message).toContain('PUBLIC_ORIGIN=https://forum.example.nl');
    expect((error as Error).message).toContain('TRUST_PROXY=1');
    expect((error as Error).message).toContain('PUBLIC_ORIGIN=http://localhost:3000');
  });

  it.each([
    [{}, false],
    [{ NODE_ENV: 'production' }, true],
    [{ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://forum.example.nl' }, true],
    [{ NODE_ENV: 'production', PUBLIC_ORIGIN: 'http://localhost:3000' }, false],
    [{ NODE_ENV: 'production', PUBLIC_ORIGIN: 'http://127.0.0.1:8080' }, false],
    [{ NODE_ENV: 'production', PUBLIC_ORIGIN: 'http://[::1]:3000' }, false],
    [{ PUBLIC_ORIGIN: 'http://forum.example.nl' }, false],
  ])('takes cookies as HTTPS-only for %o: %s', (env, httpsOnly) => {
    expect(loadConfig({ DATA_DIR: dataDir(), ...env }).httpsOnly).toBe(httpsOnly);
  });

  it.each(['true', 'TRUE', 'yes'])('refuses TRUST_PROXY=%s and says what to set instead', (value) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('TRUST_PROXY');
    expect((error as Error).message).toContain('TRUST_PROXY=1');
    expect((error as Error).message).toContain('TRUST_PROXY=10.0.0.0/8');
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.0/8,127.0.0.1', '10.0.0.0/8,127.0.0.1'],
    [' 10.0.0.0/8 , 127.0.0.1 ', '10.0.0.0/8,127.0.0.1'],
    ['fd00::/8,::1', 'fd00::/8,::1'],
    ['loopback', 'loopback'],
  ])('reads TRUST_PROXY=%j as %j', (value, expected) => {
    const env: Record<string, string> = { DATA_DIR: dataDir() };
    if (value !== undefined) env.TRUST_PROXY = value;
    expect(loadConfig(env).trustProxy).toBe(expected);
  });
});
