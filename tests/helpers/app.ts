import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import type { CurrentUser } from '../../server/auth/types.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Db } from '../../server/db/client.js';
import { DEFAULT_PASSWORD, makeUser, type UserOptions } from '../../server/dev/factories.js';
import { TestClient } from './client.js';
import { createTestDatabase } from './database.js';
import { captureStream } from './log-capture.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  /** Every SQL statement sent through drizzle since the app was built; tests clear it and count. */
  queries: string[];
  /** A client with no session: a guest. */
  guest(): TestClient;
  /** Makes a user (active member unless options say otherwise) and returns a client logged in as them. */
  login(options?: UserOptions): Promise<{ client: TestClient; user: CurrentUser }>;
  /** A client logged in as an existing user (made with the default password). */
  loginAs(user: CurrentUser & { email: string }): Promise<TestClient>;
  close(): Promise<void>;
}

/** Rate limits are raised for tests through configuration, as for the benchmarks; the tests of limits lower them again. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    SESSION_SECRET: 'test-secret-test-secret-test-secret-123',
    DATA_DIR: '/tmp/plein-test-unused',
    RATE_LIMIT_MAX: '100000',
    RATE_LIMIT_AUTH_MAX: '100000',
    RATE_LIMIT_POST_MAX: '100000',
    SERVE_CLIENT: 'false',
    ...overrides,
  });
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** False: no background search worker; the test drains the outbox itself and sees every row. */
  searchWorker?: boolean;
  /** True: the mail outbox is sent by the background poller. Default false: tests send with app.mail.drain(). */
  mailWorker?: boolean;
  /** True: forum changes become notifications by the background poller. Default false: tests drain with app.notifications.drain(). */
  notificationWorker?: boolean;
  /** A built client to serve (with env SERVE_CLIENT=true): tests of delivery make a small one in a temporary folder. */
  clientDir?: string;
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const queries: string[] = [];
  const database = await createTestDatabase((query) => queries.push(query));
  const config = testConfig(options.env);
  const app = await buildApp({ config, database, logger: { level: 'error', stream: captureStream() }, searchWorker: options.searchWorker, mailWorker: options.mailWorker ?? false, notificationWorker: options.notificationWorker ?? false, clientDir: options.clientDir });
  await app.ready();
  const loginAs = async (user: { email: string }) => {
    const client = new TestClient(app);
    const res = await client.login(user.email, DEFAULT_PASSWORD);
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  };
  return {
    app,
    db: database.db,
    config,
    database,
    queries,
    guest: () => new TestClient(app),
    async login(userOptions = {}) {
      const user = await makeUser(database.db, userOptions);
      return { client: await loginAs(user), user };
    },
    loginAs,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
