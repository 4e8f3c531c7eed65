import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import notificationRoutes from './routes.js';
import watchRoutes from './watch-routes.js';
import { NotificationWorker, type NotificationDrainResult } from './worker.js';

export interface NotificationService {
  /** Turns every due forum change into notifications now (or at `now`); waits for a drain already running. */
  drain(options?: { now?: Date }): Promise<NotificationDrainResult>;
  backlog(): Promise<{ count: number; oldestSeconds: number }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    notifications: NotificationService;
  }
}

/**
 * The notifications concern: the inbox routes, the watch routes, and the worker that turns forum changes into
 * notifications (worker.ts). `poll: false` leaves the worker to the caller (tests drain by hand, so a poller
 * cannot take their rows first). Wrapped with fastify-plugin so tests reach `app.notifications`.
 */
export default fp(
  async (app: FastifyInstance, opts: { poll: boolean }) => {
    const worker = new NotificationWorker(app.db, app.log);
    app.decorate('notifications', { drain: (options) => worker.drain(options), backlog: () => worker.backlog() } satisfies NotificationService);
    await app.register(notificationRoutes);
    await app.register(watchRoutes);
    app.addHook('onReady', async () => {
      if (opts.poll) worker.start();
    });
    app.addHook('onClose', () => worker.stop());
  },
  { name: 'notifications', dependencies: ['db'] },
);
