import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import claimRoutes from './claim-routes.js';
import logRoutes from './log-routes.js';
import memberRoutes from './member-routes.js';
import moderationPostRoutes from './post-routes.js';
import queueRoutes from './queue-routes.js';
import reportRoutes from './report-routes.js';
import moderationThreadRoutes from './thread-routes.js';
import messageReportRoutes from './message-report-routes.js';

/**
 * The moderation concern: reports and the review queue, moderators' actions on posts and threads, member
 * administration (approval, suspension, verified roles, moderator rights) and the append-only log.
 */
export default async function moderationPlugin(app: FastifyInstance, opts: { config: Config }) {
  await app.register(reportRoutes, { config: opts.config });
  await app.register(messageReportRoutes);
  await app.register(queueRoutes);
  await app.register(claimRoutes);
  await app.register(moderationPostRoutes);
  await app.register(moderationThreadRoutes);
  await app.register(logRoutes);
  await app.register(memberRoutes);
}
