import type { FastifyInstance } from 'fastify';
import { SiteInfo } from '../../shared/api/site.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../auth/session-lifetime.js';
import type { Config } from '../config.js';
import { EXPORT_LIFETIME_MS } from '../privacy/exports.js';
import {
  ACCOUNT_TOKENS_AFTER_MS,
  MAIL_THREAD_LOG_AFTER_MS,
  READ_MARKERS_AFTER_MS,
  READ_NOTIFICATIONS_AFTER_MS,
  UNSENT_MAIL_AFTER_MS,
  USED_RECOVERY_CODES_AFTER_MS,
} from '../privacy/retention.js';

const days = (ms: number) => ms / (24 * 3600_000);

/**
 * GET /api/site: the knowledge centre's contact address, for the pages of a suspended or rejected member (who may
 * open nothing else) and the privacy statement (which anyone may read), with the controller and the retention
 * periods the code applies, so the statement cannot say other than what happens. Public: none of it is personal.
 */
export default async function siteRoutes(app: FastifyInstance, opts: { config: Config }) {
  const body: SiteInfo = {
    contact: opts.config.contact,
    privacy: {
      controller: opts.config.privacyController,
      retentionDays: {
        sessionIdle: days(SESSION_IDLE_MS),
        sessionAbsolute: days(SESSION_ABSOLUTE_MS),
        accountTokens: days(ACCOUNT_TOKENS_AFTER_MS),
        usedRecoveryCodes: days(USED_RECOVERY_CODES_AFTER_MS),
        readMarkers: days(READ_MARKERS_AFTER_MS),
        readNotifications: days(READ_NOTIFICATIONS_AFTER_MS),
        mailLog: days(MAIL_THREAD_LOG_AFTER_MS),
        unsentMail: days(UNSENT_MAIL_AFTER_MS),
        exports: days(EXPORT_LIFETIME_MS),
      },
    },
  };
  app.get('/api/site', { config: { auth: 'public' }, schema: { summary: 'Contactadres, verantwoordelijke en bewaartermijnen', tags: ['site'], response: { 200: SiteInfo } } }, async () => body);
}
