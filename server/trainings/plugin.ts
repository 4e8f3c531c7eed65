import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { TrainingReminderScheduler } from './reminders.js';
import trainingRoutes from './routes.js';
import trainingStaffRoutes from './staff-routes.js';

export interface TrainingReminderService {
  /** Queues the reminders due now (or at `now`); waits for a round already running. Tests call it by hand. */
  run(options?: { now?: Date }): Promise<number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    trainingReminders: TrainingReminderService;
  }
}

/**
 * Trainings and kennisuitwisselingen of the kenniscentrum: members' routes, staff's routes and the day-before
 * reminder round, which polls when `poll` is on (as the notification worker and the digest do).
 */
export default fp(
  async (app: FastifyInstance, opts: { config: Config; poll: boolean }) => {
    const scheduler = new TrainingReminderScheduler(app.db, app.log);
    app.decorate('trainingReminders', { run: (options) => scheduler.run(options) } satisfies TrainingReminderService);
    await app.register(trainingRoutes, { config: opts.config });
    await app.register(trainingStaffRoutes, { config: opts.config });
    app.addHook('onReady', async () => {
      if (opts.poll) scheduler.start();
    });
    app.addHook('onClose', () => scheduler.stop());
  },
  { name: 'trainings', dependencies: ['db'] },
);
