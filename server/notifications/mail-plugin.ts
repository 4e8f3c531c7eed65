import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DigestScheduler, type DigestRun } from './digest.js';
import settingsRoutes from './settings-routes.js';

export interface DigestService {
  /** Queues every digest due now (or at `now`); waits for a round already running. Tests call it by hand. */
  run(options?: { now?: Date }): Promise<DigestRun>;
}

declare module 'fastify' {
  interface FastifyInstance {
    digest: DigestService;
  }
}

/**
 * Her side of notification mail: the settings routes (/api/me/notification-settings) and the digest round
 * (digest.ts), run every few minutes when `poll` is on, as the notification worker is. The direct mail itself is
 * queued by the notification worker (mail-schedule.ts) and made by the mail templates (mail/templates/notification-mail.ts).
 */
export default fp(
  async (app: FastifyInstance, opts: { poll: boolean }) => {
    const scheduler = new DigestScheduler(app.db, app.log);
    app.decorate('digest', { run: (options) => scheduler.run(options) } satisfies DigestService);
    await app.register(settingsRoutes);
    app.addHook('onReady', async () => {
      if (opts.poll) scheduler.start();
    });
    app.addHook('onClose', () => scheduler.stop());
  },
  { name: 'notification-mail', dependencies: ['db'] },
);
