import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { createSearchIndex } from './engine.js';
import { OutboxWorker, type DrainResult } from './outbox.js';
import { reindexIfAnalysisChanged } from './analyzer-version.js';
import searchRoutes from './routes.js';
import { SearchService as SearchOrchestrator } from './service.js';
import synonymRoutes from './synonym-routes.js';
import { SynonymStore } from './synonyms.js';
import type { SearchIndex } from './types.js';

/** Readiness turns "degraded" when the oldest waiting change is older than this. */
const BACKLOG_DEGRADED_SECONDS = 60;

export interface SearchService {
  /** The engine in use. Replaceable, so tests can put a fault injector around it. */
  index: SearchIndex;
  /** The admins' synonym list (cached). */
  synonyms: SynonymStore;
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
 * The search concern: GET /api/search and /api/search/similar, the admins' synonym list, the outbox worker that
 * keeps the index in step with the forum, and the search line of /api/ready. Wrapped with fastify-plugin so tests
 * (and reindex) reach `app.searchService`.
 */
export default fp(
  async (app: FastifyInstance, opts: { config: Config; poll: boolean }) => {
    const synonyms = new SynonymStore(app.db);
    const service: SearchService = {
      index: createSearchIndex(opts.config, app.db, app.log),
      synonyms,
      drainOutbox: (options) => worker.drain(options),
      backlog: () => worker.backlog(),
    };
    const index = () => service.index;
    const worker = new OutboxWorker(app.db, index, app.log);
    app.decorate('searchService', service);

    app.readinessChecks.push(async () => {
      const [engine, backlog] = await Promise.all([service.index.health().catch(() => 'degraded' as const), worker.backlog()]);
      const lagging = backlog.count > 0 && backlog.oldestSeconds > BACKLOG_DEGRADED_SECONDS;
      return { name: 'search', status: engine === 'ok' && !lagging ? 'ok' : 'degraded' };
    });

    await app.register(searchRoutes, { service: new SearchOrchestrator(app.db, index, synonyms), synonyms, index });
    await app.register(synonymRoutes, { store: synonyms, index });

    app.addHook('onReady', async () => {
      // Index built by another version of the Dutch analysis (or none: a migrated database): queue every post again.
      await reindexIfAnalysisChanged(app.db, app.log);
      // An engine that is down at start must not stop the forum: the worker retries setup before indexing.
      // The synonyms first: an engine that keeps them (Meilisearch) holds on to the list even when it is down now,
      // and the setup that succeeds later applies it.
      try {
        await service.index.setSynonyms(await synonyms.current());
        await service.index.setup();
      } catch (err) {
        app.log.warn({ err }, 'search: engine setup failed; will retry');
      }
      if (opts.poll) worker.start();
    });
    app.addHook('onClose', () => worker.stop());
  },
  { name: 'search', dependencies: ['db'] },
);
