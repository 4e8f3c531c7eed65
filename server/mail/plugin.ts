import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { templates } from './templates/index.js';
import { createMailTransport } from './transport.js';
import unsubscribeRoutes from './unsubscribe-routes.js';
import { MailWorker, type MailBacklog, type MailDrainResult } from './worker.js';

/** Readiness turns "degraded" when sending fails, or a due mail has waited longer than this (the worker lags or is not running). */
const LATE_DEGRADED_SECONDS = 120;

export interface MailService {
  /** Sends every mail due now (or at `now`); waits for a drain already running. Tests call it by hand. */
  drain(options?: { now?: Date }): Promise<MailDrainResult>;
  backlog(): Promise<MailBacklog>;
}

declare module 'fastify' {
  interface FastifyInstance {
    mail: MailService;
  }
}

export interface MailPluginOptions {
  config: Config;
  /** Whether a background poller sends the outbox (every second); tests turn it off and call app.mail.drain(). */
  poll: boolean;
}

/**
 * The mail concern: the outbox worker (SMTP_URL or .eml files), the one-click unsubscribe routes and the mail line of
 * /api/ready. Other concerns queue mail with enqueueMail (outbox.ts) in their own transaction; they never send.
 */
export default fp(
  async (app: FastifyInstance, opts: MailPluginOptions) => {
    const transport = createMailTransport(opts.config, app.log);
    const worker = new MailWorker(app.db, opts.config, templates, transport, app.log);
    app.decorate('mail', { drain: (options) => worker.drain(options), backlog: () => worker.backlog() } satisfies MailService);

    // A mail backlog never makes the forum unready: mail waits, nothing is lost.
    app.readinessChecks.push(async () => {
      const backlog = await worker.backlog().catch(() => null);
      if (!backlog) return { name: 'mail', status: 'degraded' };
      return { name: 'mail', status: backlog.failing > 0 || backlog.lateSeconds > LATE_DEGRADED_SECONDS ? 'degraded' : 'ok' };
    });

    await app.register(unsubscribeRoutes, { config: opts.config });

    app.addHook('onReady', async () => {
      if (opts.poll) worker.start();
    });
    app.addHook('onClose', async () => {
      await worker.stop();
      transport.close();
    });
  },
  { name: 'mail', dependencies: ['db'] },
);
