import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { createSearchIndex } from './engine.js';
import { OutboxWorker, type DrainResult } from './outbox.js';
import searchRoutes from './routes.js';
import type { SearchIndex } from './types.js';

/** Readiness turns "degraded" when the oldest waiting change is older than this. */
const BACKLOG_DEGRADED_SECONDS = 60;

export interface SearchService {
  /** The engine in use. Replaceable, so tests can put a fault injector around it. */
  index: SearchIndex;
  /** Indexes everything that is due now (or at `now`); waits for a drain already running. */
  drainOutbox(options?: { now?: Date }): Promise<DrainResult>;
  backlog(): Promise<{ count: number; oldestSeconds: number }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Not `search`: Fastify already has app.search() for the HTTP SEARCH method. */
    searchService: SearchService;
  }
}

/**
 * The search concern: GET /api/search, the outbox worker that keeps the index in step with the forum,
 * and the search line of /api/ready. Wrapped with fastify-plugin so tests (and reindex) reach `app.searchService`.
 */
export default fp(
  async (app: FastifyInstance, opts: { config: Config; poll: boolean }) => {
    const service: SearchService = {
      index: createSearchIndex(opts.config, app.db),
      drainOutbox: (options) => worker.drain(options),
      backlog: () => worker.backlog(),
    };
    const worker = new OutboxWorker(app.db, () => service.index, app.log);
    app.decorate('searchService', service);

    app.readinessChecks.push(async () => {
      const [engine, backlog] = await Promise.all([service.index.health().catch(() => 'degraded' as const), worker.backlog()]);
      const lagging = backlog.count > 0 && backlog.oldestSeconds > BACKLOG_DEGRADED_SECONDS;
      return { name: 'search', status: engine === 'ok' && !lagging ? 'ok' : 'degraded' };
    });

    await app.register(searchRoutes, { index: () => service.index });

    app.addHook('onReady', async () => {
      // An engine that is down at start must not stop the forum: the worker retries setup before indexing.
      await service.index.setup().catch((err: unknown) => app.log.warn({ err }, 'search: engine setup failed; will retry'));
      if (opts.poll) worker.start();
    });
    app.addHook('onClose', () => worker.stop());
  },
  { name: 'search', dependencies: ['db'] },
);
