import type { FastifyInstance } from 'fastify';
import { SiteInfo } from '../../shared/api/site.js';
import type { Config } from '../config.js';

/**
 * GET /api/site: the knowledge centre's contact address, for the pages of a suspended or rejected member (who may
 * open nothing else) and the privacy statement (which anyone may read). Public: it is the centre's public address.
 */
export default async function siteRoutes(app: FastifyInstance, opts: { config: Config }) {
  const body: SiteInfo = { contact: opts.config.contact };
  app.get('/api/site', { config: { auth: 'public' }, schema: { response: { 200: SiteInfo } } }, async () => body);
}
