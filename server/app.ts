import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions, type LogController } from 'fastify';
import { addressKey, trustProxyOption } from './auth/client-address.js';
import accountMailRoutes from './auth/account-mail-routes.js';
import profileRoutes from './auth/profile-routes.js';
import authRoutes from './auth/routes.js';
import sessionPlugin from './auth/session-plugin.js';
import type { Config } from './config.js';
import previewRoutes from './content/preview-routes.js';
import type { Database } from './db/client.js';
import dbPlugin from './db/plugin.js';
import bookmarkRoutes from './bookmarks/routes.js';
import draftRoutes from './drafts/routes.js';
import conversationRoutes from './conversations/routes.js';
import conversationBlockRoutes from './conversations/block-routes.js';
import conversationDraftRoutes from './conversations/draft-routes.js';
import guideRoutes from './guide/routes.js';
import helpdeskRoutes from './helpdesk/routes.js';
import helpdeskTeamRoutes from './helpdesk/team-routes.js';
import categoryAdminRoutes from './forum/category-admin-routes.js';
import categoryRoutes from './forum/categories.js';
import postRoutes from './forum/post-routes.js';
import reactionRoutes from './forum/reaction-routes.js';
import solutionRoutes from './forum/solution-routes.js';
import threadRoutes from './forum/thread-routes.js';
import { errorHandler } from './http/error-handler.js';
import { tooManyRequests } from './http/errors.js';
import healthRoutes from './http/health.js';
import siteRoutes from './http/site.js';
import { loggerOptions, RequestLogController } from './http/logging.js';
import inFlight from './http/in-flight.js';
import openapi from './http/openapi.js';
import securityHeaders from './http/security-headers.js';
import textInput from './http/text-input.js';
import clientFiles from './http/client-files.js';
import compression from './http/compression.js';
import { requireDeclaredAccess } from './http/route-guard.js';
import livePlugin from './live/plugin.js';
import mailPlugin from './mail/plugin.js';
import avatarRoutes from './members/avatar-routes.js';
import memberRoutes from './members/routes.js';
import moderationPlugin from './moderation/plugin.js';
import notificationMailPlugin from './notifications/mail-plugin.js';
import notificationsPlugin from './notifications/plugin.js';
import privacyPlugin from './privacy/plugin.js';
import searchPlugin from './search/plugin.js';
import trainingsPlugin from './trainings/plugin.js';

export const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url));

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Pino options; tests pass a quiet level and a capturing stream. */
  logger?: FastifyServerOptions['logger'];
  /**
   * Whether the search outbox is drained by a background poller (default). Tests that assert what one drain
   * did turn it off and drain by hand, so the poller cannot take their rows first.
   */
  searchWorker?: boolean;
  /** Whether the mail outbox is sent by a background poller (default); tests send by hand with app.mail.drain(). */
  mailWorker?: boolean;
  /** Whether forum changes are turned into notifications by a background poller (default); tests drain with app.notifications.drain(). */
  notificationWorker?: boolean;
  /** The built client to serve (default dist/client); tests pass a small directory of their own. */
  clientDir?: string;
}

/** The whole server as a value: main.ts listens with it, tests inject requests into it. */
export async function buildApp({ config, database, logger, searchWorker = true, mailWorker = true, notificationWorker = true, clientDir: clientRoot = clientDir }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // The same serializers whatever the caller passed: no SQL parameters, bodies, headers, addresses or query strings.
    logger: loggerOptions(logger, config.logLevel, config.production),
    // One line per request instead of two (http/logging.ts). Typed as the base class: the subclass's own type sent
    // TypeScript to another of Fastify's overloads, and every route lost its request types.
    logController: new RequestLogController() as LogController,
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 256 * 1024,
    // Ids in URLs are short; anything longer is junk and should not reach a handler.
    routerOptions: { maxParamLength: 200 },
    // Bad URLs (undecodable, or a parameter over maxParamLength) are refused by the router before any hook;
    // without this they would get Fastify's own error shape instead of the API's.
    frameworkErrors: (_error, _request, reply) => {
      // The option is typed for any schema's reply; this one sends the plain error shape.
      void (reply as unknown as FastifyReply).code(400).send({ error: { code: 'bad_request', message: 'Het verzoek is ongeldig.' } });
    },
    // allErrors: a form learns of every field it got wrong at once (server/http/validation-messages.ts).
    ajv: { customOptions: { removeAdditional: 'all', coerceTypes: 'array', useDefaults: true, allErrors: true } },
  });
  app.decorate('readinessChecks', []);

  // Outside plugins first, then our services, then each concern's routes (docs/architecture.md says why).
  await app.register(inFlight);
  await app.register(requireDeclaredAccess);
  await app.register(errorHandler);
  // HSTS and upgrade-insecure-requests only where the site is HTTPS: a trial on http://localhost would break under them.
  await app.register(securityHeaders, { production: config.httpsOnly, publicOrigin: config.publicOrigin });
  await app.register(textInput);
  // Early, so its onSend hook runs after the routes' own (security headers, Cache-Control) have set theirs.
  await app.register(compression);
  await app.register(dbPlugin, { database });
  await app.register(sessionPlugin, { config });
  // After sessions, so limits keyed on the member (posting) can see who is asking.
  await app.register(rateLimit, {
    max: config.rateLimit.max,
    timeWindow: '1 minute',
    // The routes that take a password override this with their own per-address key (auth/client-address.ts).
    keyGenerator: (request) => (request.user ? `user:${request.user.id}` : addressKey(request)),
    // An HttpError, so the error handler sends this message (a plain object reached it as an unknown 429).
    errorResponseBuilder: (_request, context) => tooManyRequests(context.ttl, 'Te veel verzoeken.'),
  });

  // Before every route: @fastify/swagger collects them as they are registered.
  await app.register(openapi, { config });
  await app.register(healthRoutes);
  await app.register(siteRoutes, { config });
  await app.register(authRoutes, { config });
  await app.register(accountMailRoutes, { config });
  await app.register(profileRoutes, { config });
  await app.register(categoryRoutes);
  await app.register(categoryAdminRoutes);
  await app.register(threadRoutes, { config });
  await app.register(postRoutes, { config });
  await app.register(solutionRoutes);
  await app.register(reactionRoutes);
  await app.register(bookmarkRoutes);
  await app.register(draftRoutes);
  await app.register(conversationRoutes, { config });
  await app.register(conversationBlockRoutes);
  await app.register(conversationDraftRoutes);
  await app.register(guideRoutes);
  await app.register(helpdeskRoutes, { config });
  await app.register(helpdeskTeamRoutes, { config });
  await app.register(previewRoutes, { config });
  await app.register(memberRoutes);
  await app.register(avatarRoutes);
  await app.register(moderationPlugin, { config });
  await app.register(notificationsPlugin, { poll: notificationWorker });
  // Mail settings and the digest round; the digest polls when the notification worker does.
  await app.register(notificationMailPlugin, { poll: notificationWorker });
  await app.register(searchPlugin, { config, poll: searchWorker });
  await app.register(mailPlugin, { config, poll: mailWorker });
  // Data export, account deletion and the retention round; its workers poll when the notification worker does.
  await app.register(privacyPlugin, { config, poll: notificationWorker });
  // Trainings of the kenniscentrum; the day-before reminder round polls when the notification worker does.
  await app.register(trainingsPlugin, { config, poll: notificationWorker });
  await app.register(livePlugin, { config });

  if (config.serveClient) await app.register(clientFiles, { root: clientRoot });
  return app;
}
