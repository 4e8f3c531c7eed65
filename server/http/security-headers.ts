import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Browser features the forum never uses, denied to the page and to anything it embeds: a script that got in
 * could otherwise ask for the camera or the location, and the ad-tracking ones (FLoC, Topics) are opted out of.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'ambient-light-sensor',
  'autoplay',
  'bluetooth',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'interest-cohort',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];
const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');
const API_PATH = /^\/api(?:[/?]|$)/;

/**
 * The websocket origin of the public site ("wss://plein.example.nl"). CSP 3 counts the page's own ws:/wss: origin
 * as 'self'; browsers before it do not, so the exact origin is named when it is known. Never any host ("wss:").
 */
function websocketOrigin(publicOrigin: string | null): string[] {
  if (!publicOrigin) return [];
  const url = new URL(publicOrigin);
  return [`${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`];
}

export interface SecurityHeadersOptions {
  production: boolean;
  publicOrigin: string | null;
}

/**
 * helmet's security headers (CSP, frame and referrer policy, HSTS in production) on every answer, a Permissions-Policy
 * on every document (the SPA's pages and files),
 * and `Cache-Control: no-store` on every API answer that does not set its own. The helmet middleware is built once
 * here: @fastify/helmet 13 builds it anew for every request, parsing the CSP again each time, which took 3 % of the
 * server's CPU on the thread page (docs/benchmarks.md).
 */
async function securityHeaders(app: FastifyInstance, opts: SecurityHeadersOptions) {
  const setHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...websocketOrigin(opts.publicOrigin)],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: opts.production ? [] : null,
      },
    },
    hsts: opts.production,
  });
  app.addHook('onRequest', (request, reply, done) => {
    // Browsers apply a Permissions-Policy to documents only: on the API's JSON it would be 400 bytes per answer for
    // nothing (the health ceiling of npm run bench fell by a fifth with it).
    if (!API_PATH.test(request.url)) void reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    // helmet 8 throws instead of passing an error to its callback: the callback only ever continues.
    setHeaders(request.raw, reply.raw, () => done());
  });
  // API answers are personal (who is logged in, what they may see): no browser or proxy may keep a copy. A route that
  // knows better sets its own Cache-Control; static files are outside /api and keep @fastify/static's.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (API_PATH.test(request.url) && !reply.hasHeader('cache-control')) void reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });
}

export default fp(securityHeaders, { name: 'security-headers' });
