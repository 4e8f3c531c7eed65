import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { passwordProblem, type PasswordProblem } from './auth/password-policy.js';

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  /** A real PostgreSQL server; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | null;
  meiliUrl: string | null;
  /**
   * Meilisearch's master key: Plein uses it only at start, to create a key limited to its own index and the actions
   * it needs (server/search/meili/keys.ts), and works with that key from then on.
   */
  meiliMasterKey: string | null;
  /** A key already limited to Plein's index (made by the operator): used as given, instead of deriving one. */
  meiliApiKey: string | null;
  adminEmail: string | null;
  adminPassword: string | null;
  sessionSecret: string;
  /** The site's own origin (scheme://host[:port]); websocket upgrades from any other Origin are refused. */
  publicOrigin: string | null;
  /**
   * Cookies are `__Host-` prefixed and may only be set over HTTPS; a login or other change over plain HTTP is refused
   * with a message that says what to set (auth/session-plugin.ts). On in production, except for a local trial
   * (PUBLIC_ORIGIN=http://localhost…), where the browser and the server are the same machine.
   */
  httpsOnly: boolean;
  logLevel: string;
  /**
   * Which reverse proxies may name the client in X-Forwarded-For, as Fastify's `trustProxy` takes it: a hop
   * count, or a comma-separated list of proxy addresses and CIDR ranges; false: none (the socket's peer is the client).
   */
  trustProxy: false | number | string;
  rateLimit: {
    /** Requests per minute per client for the whole API. */
    max: number;
    /** Login, registration and password-change attempts per 15 minutes per address, and login attempts per account. */
    authMax: number;
    /** Posts (threads and replies) per minute per member. */
    postMax: number;
  };
  /**
   * Where members reach the knowledge centre (a suspended or rejected member, a privacy question): shown on those
   * pages and in the account mails. Null: the text names the centre without an address.
   */
  contact: { email: string | null; url: string | null };
  /**
   * Who is responsible for the members' data under the AVG (the "verwerkingsverantwoordelijke"), as the privacy
   * statement names it: PRIVACY_CONTROLLER, e.g. "Stichting Kenniscentrum Lokale Partijen, Utrecht". Null: the
   * statement names "de organisatie die dit forum beheert" and the contact address.
   */
  privacyController: string | null;
  /** Moderators and admins must log in with a second step (auth/totp-policy.ts); STAFF_TOTP_REQUIRED, default on in production. */
  staffTotpRequired: boolean;
  /** Distinct member reports after which a post is hidden until a moderator decides. */
  autoHideReports: number;
  /** Serve the built client from dist/client (off in tests that only need the API). */
  serveClient: boolean;
  mail: {
    /** smtp:// or smtps:// with credentials; null: every mail is written as an .eml file under `dir` instead. */
    smtpUrl: string | null;
    /** The From of every mail. */
    from: string;
    /** Where mail goes without SMTP: DATA_DIR/mail. */
    dir: string;
    /** The address links in mails point at: PUBLIC_ORIGIN, or http://localhost:PORT. */
    siteUrl: string;
  };
}

/** Where the embedded database lives, or undefined when DATABASE_URL names a real server. */
export const embeddedDataDir = (config: Pick<Config, 'databaseUrl' | 'dataDir'>): string | undefined => (config.databaseUrl ? undefined : join(config.dataDir, 'pglite'));

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

const LOOPBACK_HOST = /^(localhost|[^.]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Whether the site is on plain HTTP on this machine: a trial (say, the Docker image on http://localhost:3000). Browsers
 * treat such an origin as secure, and nothing travels over a network an eavesdropper could read.
 */
export function isLocalHttpOrigin(origin: string | null): boolean {
  if (origin === null) return false;
  const url = new URL(origin);
  return url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname);
}

/**
 * A production server whose own address is http:// on a real host could never keep a member logged in: its cookies
 * must be Secure, and a browser keeps a Secure cookie only from an HTTPS page (or from localhost). Refusing to start
 * says so at once, instead of a login that answers 200 and forgets the member on the next request.
 */
function checkOriginForProduction(origin: string | null, production: boolean): void {
  if (!production || origin === null || new URL(origin).protocol === 'https:' || isLocalHttpOrigin(origin)) return;
  throw new ConfigError(
    'PUBLIC_ORIGIN',
    `is ${origin}, but in production Plein's cookies are Secure and a browser only keeps those over HTTPS. Set PUBLIC_ORIGIN=https://${new URL(origin).host} and let a reverse proxy handle HTTPS (with TRUST_PROXY=1 when it runs on the same host or a private network); for a trial on this machine only, PUBLIC_ORIGIN=http://localhost:3000 (with the port the browser uses)`,
  );
}

/** Names that proxy-addr (Fastify's trustProxy) knows for the private ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function validProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `true` would trust every hop, so the left-most X-Forwarded-For entry, which the client writes itself, would
 * become its address and every rate limit could be dodged by changing a header. Only a hop count or the
 * proxies' own addresses are taken.
 */
function trustProxy(env: Env): false | number | string {
  const raw = str(env, 'TRUST_PROXY');
  if (raw === null || ['false', 'no', '0'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes'].includes(raw.toLowerCase())) {
    throw new ConfigError(
      'TRUST_PROXY',
      '"true" would trust any X-Forwarded-For a client sends. Set the number of proxies in front of Plein (TRUST_PROXY=1 for one nginx or load balancer on the same host or a private network) or their addresses (TRUST_PROXY=10.0.0.0/8,127.0.0.1)',
    );
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError('TRUST_PROXY', `must be a hop count between 0 and 10, got ${hops}`);
    return hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !validProxyEntry(entry));
  if (bad !== undefined) {
    throw new ConfigError('TRUST_PROXY', `must be a hop count (1) or a comma-separated list of proxy addresses or CIDR ranges (10.0.0.0/8,127.0.0.1); "${bad}" is neither`);
  }
  return entries.join(',');
}

const ADMIN_PASSWORD_PROBLEMS: Record<PasswordProblem, string> = {
  too_short: 'must be at least 10 characters long',
  blank: 'must not be only spaces',
  one_character: 'must not be one character repeated',
  common: 'is one of the most common passwords; choose another',
};

/** .env.example's placeholders all start so; left in place, every copy of Plein would share one secret or admin password. */
function refusePlaceholder(name: string, value: string | null): void {
  if (value?.startsWith('vervang-')) throw new ConfigError(name, 'is still the placeholder from .env.example; make a value of your own, e.g. with: openssl rand -base64 32');
}

/** The secret is generated once and kept beside the data, so sessions survive a restart. */
function sessionSecret(env: Env, dataDir: string): string {
  const given = str(env, 'SESSION_SECRET');
  if (given !== null) {
    if (given.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters long');
    refusePlaceholder('SESSION_SECRET', given);
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
  // The same rule as for members (auth/password-policy.ts): the admin account is the one most worth guessing.
  refusePlaceholder('ADMIN_PASSWORD', adminPassword);
  const adminPasswordProblem = adminPassword === null ? null : passwordProblem(adminPassword);
  if (adminPasswordProblem) throw new ConfigError('ADMIN_PASSWORD', ADMIN_PASSWORD_PROBLEMS[adminPasswordProblem]);
  const publicOrigin = url(env, 'PUBLIC_ORIGIN', ['http:', 'https:']);
  checkOriginForProduction(publicOrigin, production);
  const logLevel = str(env, 'LOG_LEVEL') ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', 'must be one of fatal, error, warn, info, debug, trace, silent');
  }
  const meiliUrl = url(env, 'MEILI_URL', ['http:', 'https:']);
  const meiliMasterKey = str(env, 'MEILI_MASTER_KEY');
  const meiliApiKey = str(env, 'MEILI_API_KEY');
  // A key without a server means search silently stays on PostgreSQL: most likely a typo in MEILI_URL's name.
  if (meiliUrl === null && (meiliMasterKey !== null || meiliApiKey !== null)) {
    throw new ConfigError('MEILI_URL', `must be set when ${meiliApiKey !== null ? 'MEILI_API_KEY' : 'MEILI_MASTER_KEY'} is (Meilisearch's address, e.g. http://127.0.0.1:7700)`);
  }
  const contactEmail = str(env, 'CONTACT_EMAIL');
  if (contactEmail !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail)) throw new ConfigError('CONTACT_EMAIL', 'is not an e-mail address');
  const privacyController = str(env, 'PRIVACY_CONTROLLER');
  if (privacyController !== null && (privacyController.length > 200 || /\p{Cc}/u.test(privacyController))) {
    throw new ConfigError('PRIVACY_CONTROLLER', 'must be one line of at most 200 characters (the name, and if you like the place, of who is responsible for the data)');
  }
  const port = int(env, 'PORT', 3000, 0, 65535);
  const mailFrom = str(env, 'MAIL_FROM') ?? 'Plein <noreply@plein.local>';
  if (!/@[^\s@>]+/.test(mailFrom) || /[\r\n]/.test(mailFrom)) throw new ConfigError('MAIL_FROM', 'must be an address, as "Plein <forum@example.nl>" or forum@example.nl');
  return {
    production,
    port,
    host: str(env, 'HOST') ?? '127.0.0.1',
    dataDir,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    meiliUrl,
    meiliMasterKey,
    meiliApiKey,
    adminEmail: adminEmail?.toLowerCase() ?? null,
    adminPassword,
    sessionSecret: sessionSecret(env, dataDir),
    publicOrigin: publicOrigin === null ? null : new URL(publicOrigin).origin,
    httpsOnly: production && !isLocalHttpOrigin(publicOrigin),
    logLevel,
    trustProxy: trustProxy(env),
    rateLimit: {
      max: int(env, 'RATE_LIMIT_MAX', 600, 1, 10_000_000),
      authMax: int(env, 'RATE_LIMIT_AUTH_MAX', 20, 1, 10_000_000),
      postMax: int(env, 'RATE_LIMIT_POST_MAX', 10, 1, 10_000_000),
    },
    contact: { email: contactEmail?.toLowerCase() ?? null, url: url(env, 'CONTACT_URL', ['http:', 'https:']) },
    privacyController,
    staffTotpRequired: bool(env, 'STAFF_TOTP_REQUIRED', production),
    autoHideReports: int(env, 'AUTO_HIDE_REPORTS', 3, 1, 1000),
    serveClient: bool(env, 'SERVE_CLIENT', true),
    mail: {
      smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
      from: mailFrom,
      dir: join(dataDir, 'mail'),
      siteUrl: publicOrigin === null ? `http://localhost:${port}` : new URL(publicOrigin).origin,
    },
  };
}
