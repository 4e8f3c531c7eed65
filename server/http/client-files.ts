import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isClientRoute } from '../../shared/client-routes.js';

/** Vite puts a content hash in every file name under assets/: a new build makes new names, so a year is safe. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The app's HTML names the current assets: always ask the server whether it changed (a 304 costs little). */
export const REVALIDATE = 'no-cache';
/** Icons, the manifest and robots.txt keep their names across builds: a day old at most. */
export const SHORT = 'public, max-age=86400';

function cacheControl(root: string, path: string): string {
  const relative = path.startsWith(root) ? path.slice(root.length) : path;
  if (relative.startsWith(`${sep}assets${sep}`) || relative.startsWith('/assets/')) return IMMUTABLE;
  if (/(^|[\\/])index\.html(\.br|\.gz)?$/.test(relative)) return REVALIDATE;
  return SHORT;
}

export interface ClientFilesOptions {
  /** The built client (dist/client); tests pass a small directory of their own. */
  root: string;
}

/**
 * The built client: its files as they are (with the .br and .gz that vite.config.ts wrote beside each one larger
 * than a kilobyte), and the app's index.html for every other GET outside /api. A path that is one of the client's
 * routes (shared/client-routes.ts) gets it with 200; any other path with 404, so a browser still shows the app's
 * own "niet gevonden" page while crawlers, link checkers and monitors are told the truth. Not a second not-found
 * handler: the error-handler plugin owns that one, and answers /api and missing assets in the API's JSON shape.
 */
export default async function clientFiles(app: FastifyInstance, opts: ClientFilesOptions) {
  const root = opts.root;
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn('no built client: run `npm run build:client`; only the API is served');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    // One route per file, found once at start; a build replaces the files and restarts the server anyway.
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => void reply.header('Cache-Control', cacheControl(root, path)),
  });

  const html = (reply: FastifyReply, status: number) => reply.code(status).sendFile('index.html');

  // These two send files too (streams, with their compressed forms built beside them): not compressed again.
  // Browsers ask for /favicon.ico whatever the HTML says; the 32-pixel PNG is what they would use (a PNG in an .ico
  // URL is understood by every browser), else the SVG.
  const favicon = existsSync(join(root, 'favicon-32.png')) ? 'favicon-32.png' : null;
  app.get('/favicon.ico', { config: { auth: 'public' } }, (_request, reply) =>
    favicon ? reply.sendFile(favicon) : reply.redirect('/favicon.svg', 301),
  );

  app.get('/*', { config: { auth: 'public' } }, (request, reply) => {
    const pathname = request.url.split('?', 1)[0] ?? '/';
    // Unknown API paths and missing build files get the plain JSON 404: HTML would only confuse a script or fetch.
    if (pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/assets/')) return reply.callNotFound();
    return html(reply, isClientRoute(pathname) ? 200 : 404);
  });
}
