/** An error with a status and a stable code; the error handler turns it into `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, message: string, field?: string) => new HttpError(400, code, message, field);
export const unauthorized = () => new HttpError(401, 'not_logged_in', 'Je bent niet ingelogd.');
export const forbidden = (code: string, message: string) => new HttpError(403, code, message);
export const notFound = (message = 'Niet gevonden.') => new HttpError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);

/**
 * 429 with Retry-After and the wait in Dutch: "<what> Probeer het over 3 minuten opnieuw." Every limit answers with
 * it, the rate-limit plugin's (app.ts) and our own per-account counters alike.
 */
export function tooManyRequests(waitMs: number, what: string): HttpError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 90 ? `${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}` : `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`;
  return new HttpError(429, 'rate_limited', `${what} Probeer het over ${wait} opnieuw.`, undefined, { 'retry-after': String(seconds) });
}

/**
 * Whether `error` or one of the errors it wraps (`cause`: drizzle wraps the driver's error, which may wrap a
 * socket's) passes `test`; a few levels deep at most.
 */
export function someCause(error: unknown, test: (e: { code?: unknown; message?: unknown; constraint?: unknown }) => boolean): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (test(e as { code?: unknown })) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
