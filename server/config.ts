import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  /** A real PostgreSQL server; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | null;
  meiliUrl: string | null;
  meiliMasterKey: string | null;
  adminEmail: string | null;
  adminPassword: string | null;
  sessionSecret: string;
  /** The site's own origin (scheme://host[:port]); websocket upgrades from any other Origin are refused. */
  publicOrigin: string | null;
  logLevel: string;
  trustProxy: boolean;
  rateLimit: {
    /** Requests per minute per client for the whole API. */
    max: number;
    /** Login and registration attempts per 15 minutes per client. */
    authMax: number;
    /** Posts (threads and replies) per minute per member. */
    postMax: number;
  };
  /** Distinct member reports after which a post is hidden until a moderator decides. */
  autoHideReports: number;
  /** Serve the built client from dist/client (off in tests that only need the API). */
  serveClient: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name);
  if (raw === null) return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = str(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** The secret is generated once and kept beside the data, so sessions survive a restart. */
function sessionSecret(env: Env, dataDir: string): string {
  const given = str(env, 'SESSION_SECRET');
  if (given !== null) {
    if (given.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters long');
    return given;
  }
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(str(env, 'DATA_DIR') ?? './data');
  const adminEmail = str(env, 'ADMIN_EMAIL');
  const adminPassword = str(env, 'ADMIN_PASSWORD');
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError(adminEmail === null ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD', 'ADMIN_EMAIL and ADMIN_PASSWORD go together');
  }
  if (adminEmail !== null && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'is not an e-mail address');
  }
  if (adminPassword !== null && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 10 characters long');
  }
  const publicOrigin = url(env, 'PUBLIC_ORIGIN', ['http:', 'https:']);
  const logLevel = str(env, 'LOG_LEVEL') ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', 'must be one of fatal, error, warn, info, debug, trace, silent');
  }
  const meiliUrl = url(env, 'MEILI_URL', ['http:', 'https:']);
  return {
    production,
    port: int(env, 'PORT', 3000, 0, 65535),
    host: str(env, 'HOST') ?? '127.0.0.1',
    dataDir,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    meiliUrl,
    meiliMasterKey: str(env, 'MEILI_MASTER_KEY'),
    adminEmail: adminEmail?.toLowerCase() ?? null,
    adminPassword,
    sessionSecret: sessionSecret(env, dataDir),
    publicOrigin: publicOrigin === null ? null : new URL(publicOrigin).origin,
    logLevel,
    trustProxy: bool(env, 'TRUST_PROXY', false),
    rateLimit: {
      max: int(env, 'RATE_LIMIT_MAX', 600, 1, 10_000_000),
      authMax: int(env, 'RATE_LIMIT_AUTH_MAX', 20, 1, 10_000_000),
      postMax: int(env, 'RATE_LIMIT_POST_MAX', 10, 1, 10_000_000),
    },
    autoHideReports: int(env, 'AUTO_HIDE_REPORTS', 3, 1, 1000),
    serveClient: bool(env, 'SERVE_CLIENT', true),
  };
}
