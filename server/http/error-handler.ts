import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError, someCause } from './errors.js';
import { validationAnswer } from './validation-messages.js';

/** Postgres error codes that mean "the database is out of reach", not "your input is wrong". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

function isDatabaseUnavailable(error: unknown): boolean {
  return someCause(
    error,
    ({ code, message }) =>
      (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) ||
      // "… is not queryable": pg's answer to a query (often the ROLLBACK) on a client whose connection just broke.
      (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|is not queryable/.test(message)),
  );
}

/**
 * The one error handler and the one 404 handler. Clients always get the API's error shape;
 * a 5xx never carries the internal message or stack.
 */
export const errorHandler = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof HttpError) {
        if (error.headers) void reply.headers(error.headers);
        // A route's own check of one field answers in the same shape as the schema's: `fields` lists it.
        const field = error.field ? { field: error.field, fields: [{ field: error.field, message: error.message }] } : {};
        return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message, ...field } });
      }
      if (error.code?.startsWith('FST_CSRF')) {
        return reply.code(403).send({ error: { code: 'csrf_invalid', message: 'Je sessie is verlopen of het verzoek is ongeldig. Vernieuw de pagina en probeer het opnieuw.' } });
      }
      if (error.validation) {
        // Fastify stops at the first part of the request that fails (params, body, querystring): all of its fields are told.
        const context = error.validationContext ?? 'body';
        const route = request.routeOptions.url ? `${request.method} ${request.routeOptions.url}` : undefined;
        const data = context === 'body' ? request.body : context === 'querystring' ? request.query : context === 'params' ? request.params : undefined;
        const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[context];
        const { message, field, fields } = validationAnswer(error.validation, context, route, data, schema);
        return reply.code(400).send({ error: { code: 'invalid_input', message, ...(field ? { field } : {}), fields } });
      }
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, 'database unavailable');
        return reply.code(503).header('Retry-After', '5').send({ error: { code: 'unavailable', message: 'Plein is even niet bereikbaar. Probeer het zo opnieuw.' } });
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        return reply.code(500).send({ error: { code: 'internal_error', message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' } });
      }
      // Fastify's own 4xx errors (bad JSON, body too large, unsupported media type, rate limit …).
      const code = status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : status === 429 ? 'rate_limited' : 'bad_request';
      const message =
        status === 413
          ? 'Wat je stuurt is te groot.'
          : status === 415
            ? 'Stuur JSON (Content-Type: application/json).'
            : status === 429
              ? 'Te veel verzoeken. Wacht even en probeer het opnieuw.'
              : 'Het verzoek is ongeldig.';
      return reply.code(status).send({ error: { code, message } });
    });

    app.setNotFoundHandler((request, reply) => {
      return reply.code(404).send({ error: { code: 'not_found', message: 'Niet gevonden.' } });
    });
  },
  { name: 'error-handler' },
);
