import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * helmet's security headers (CSP, frame and referrer policy, HSTS in production) on every answer. The helmet
 * middleware is built once here: @fastify/helmet 13 builds it anew for every request, parsing the CSP again
 * each time, which took 3 % of the server's CPU on the thread page (docs/benchmarks.md).
 */
async function securityHeaders(app: FastifyInstance, opts: { production: boolean }) {
  const setHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: opts.production ? [] : null,
      },
    },
    hsts: opts.production,
  });
  app.addHook('onRequest', (request, reply, done) => {
    // helmet 8 throws instead of passing an error to its callback: the callback only ever continues.
    setHeaders(request.raw, reply.raw, () => done());
  });
}

export default fp(securityHeaders, { name: 'security-headers' });
