import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolves when every request handler has finished, or after `timeoutMs`; false if some had not. */
    handlersSettled(timeoutMs: number): Promise<boolean>;
  }
  interface FastifyRequest {
    /** Counted among the handlers at work (not a websocket upgrade) and not yet answered. */
    counted: boolean;
  }
}

/**
 * Counts requests whose handler is still at work. app.close() resolves once the sockets are gone, but a handler
 * whose client hung up keeps running (Fastify sends it no onResponse), and closing the database under it would
 * fail its last queries. onSend comes for every answer, even one to a client that has left. A websocket upgrade
 * is not counted: it gets no answer, and the live plugin closes its sockets itself.
 */
async function inFlight(app: FastifyInstance) {
  let running = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (running > 0) return;
    for (const wake of waiters) wake();
    waiters = [];
  };
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.headers.upgrade === undefined) {
      running++;
      request.counted = true;
    }
    done();
  });
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (request.counted) {
      request.counted = false;
      running--;
      settle();
    }
    done(null, payload);
  });
  app.decorateRequest('counted', false);
  app.decorate('handlersSettled', (timeoutMs: number) => {
    if (running === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs).unref();
      waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  });
}

export default fp(inFlight, { name: 'in-flight' });
