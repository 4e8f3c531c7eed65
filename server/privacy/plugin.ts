import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { DrainLoop } from '../db/drain-loop.js';
import deletionRoutes from './deletion-routes.js';
import exportRoutes from './export-routes.js';
import { ExportWorker } from './exports.js';
import { RETENTION_INTERVAL_MS, runRetention, type RetentionResult } from './retention.js';

export interface PrivacyService {
  /** Builds every due export now (or at `now`); waits for a drain already running. */
  drainExports(options?: { now?: Date }): Promise<number>;
  /** One retention round now (or at `now`). */
  retention(options?: { now?: Date }): Promise<RetentionResult>;
}

declare module 'fastify' {
  interface FastifyInstance {
    privacy: PrivacyService;
  }
}

/**
 * The AVG concern: data export (routes, worker), account deletion (routes), and the retention round. `poll: false`
 * leaves the export worker and the retention round to the caller (tests drain by hand), as the other workers do.
 */
export default fp(
  async (app: FastifyInstance, opts: { config: Config; poll: boolean }) => {
    const { config, poll } = opts;
    const exports = new ExportWorker(app.db, app.log);
    const retention = new DrainLoop<RetentionResult>(
      (now) => runRetention(app.db, { mailDir: config.mail.dir, now }),
      RETENTION_INTERVAL_MS,
      // A missed round is made up within the hour; nothing a request depends on.
      (err) => app.log.warn({ err }, 'retention round failed'),
    );
    app.decorate('privacy', {
      drainExports: (options) => exports.drain(options?.now),
      retention: (options) => retention.drain(options?.now),
    } satisfies PrivacyService);
    // A small account's export is ready within this drain, not the next poll.
    const onRequested = () => {
      if (poll) exports.drain().catch((err: unknown) => app.log.warn({ err }, 'export worker failed'));
    };
    await app.register(exportRoutes, { config, onRequested });
    await app.register(deletionRoutes, { config });
    app.addHook('onReady', async () => {
      if (!poll) return;
      exports.start();
      retention.start();
      void retention.drain().catch((err: unknown) => app.log.warn({ err }, 'retention round failed'));
    });
    app.addHook('onClose', async () => {
      await exports.stop();
      await retention.stop();
    });
  },
  { name: 'privacy', dependencies: ['db'] },
);
