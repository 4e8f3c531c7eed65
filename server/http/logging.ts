import { Writable } from 'node:stream';
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';

/**
 * What the server's log may hold. A log is read by whoever runs the server and is kept longer than a request, so it
 * holds what helps to find a fault and nothing a member typed or owns: no SQL parameters, request bodies, cookies,
 * headers, tokens, password hashes, e-mail addresses, client addresses or query strings (search text shows
 * political interest). These serializers are applied to every logger buildApp makes, whatever options it is given.
 */

type Logged = Record<string, unknown>;
/** Fastify's logger types ask these three of every serialized error. */
type LoggedError = Logged & { type: string; message: string; stack: string };

/** Error fields that describe the fault, not the data: pg's DatabaseError, Node's system errors, Fastify's and ours. */
const ERROR_FIELDS = ['code', 'statusCode', 'severity', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine', 'position', 'errno', 'syscall'] as const;
const MAX_CAUSES = 5;
const MAX_MESSAGE = 500;
const MAX_QUERY = 4000;
const EMAIL = /[^\s@"'<>(),;:/?]+@[^\s@"'<>(),;:/?]+/g;

/**
 * An error message with what may be data taken out. PostgreSQL quotes the value it could not take
 * ('invalid input syntax for type integer: "a@b.nl"'), drizzle appends every parameter ("params: …"), and any code
 * may put an address or a token into a message; the quoted spans, addresses, password hashes and token-like runs go.
 */
export function redactMessage(message: string): string {
  return message
    .replace(/\nparams:[\s\S]*$/, '')
    .slice(0, 4 * MAX_MESSAGE)
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\$argon2[^\s"']*/g, '[hash]')
    .replace(EMAIL, '[e-mail]')
    .replace(/[A-Za-z0-9_\-+=.]{20,}/g, (run) => (/\d/.test(run) && /[A-Za-z]/.test(run) ? '[token]' : run))
    .slice(0, MAX_MESSAGE);
}

/** The stack's frames only: its first lines repeat the message, which drizzle fills with the query's parameters. */
function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

export function serializeError(error: unknown, depth = 0, parentQuery?: string): LoggedError {
  if (typeof error !== 'object' || error === null) return { type: typeof error, message: '', stack: '' };
  const e = error as Record<string, unknown>;
  const out: LoggedError = { type: (error as { constructor?: { name?: string } }).constructor?.name ?? 'Error', message: '', stack: '' };
  if (typeof e.name === 'string' && e.name !== out.type && e.name !== 'Error') out.name = e.name;
  for (const field of ERROR_FIELDS) {
    const value = e[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  // DrizzleQueryError: the statement with $1, $2 … placeholders helps; its message and `params` carry the values.
  // PGlite's error repeats the statement of the DrizzleQueryError around it; once is enough.
  const query = typeof e.query === 'string' ? e.query : undefined;
  if (query !== undefined && query !== parentQuery) out.query = query.slice(0, MAX_QUERY);
  if (typeof e.message === 'string') out.message = query !== undefined && e.message.startsWith('Failed query:') ? 'Failed query' : redactMessage(e.message);
  out.stack = stackFrames(e.stack) ?? '';
  if (e.cause !== undefined && depth < MAX_CAUSES) out.cause = serializeError(e.cause, depth + 1, query);
  if (Array.isArray(e.errors) && depth < MAX_CAUSES) out.errors = e.errors.slice(0, 5).map((inner: unknown) => serializeError(inner, depth + 1));
  return out;
}

/**
 * A request as the log sees it: method, the route's pattern ("/api/threads/:id") or, for a request no route
 * matched, the path without its query string. No headers (cookies, tokens), no address, no port.
 */
export function serializeRequest(request: unknown): { method?: string; url: string } {
  const r = request as { method?: unknown; url?: unknown; routeOptions?: { url?: unknown } };
  const route = typeof r.routeOptions?.url === 'string' ? r.routeOptions.url : undefined;
  // A path no route knows is whatever the client typed: an address in it is taken out like one in a message.
  const path = (typeof r.url === 'string' ? r.url : '').split('?')[0]!.slice(0, 200).replace(EMAIL, '[e-mail]');
  return { ...(typeof r.method === 'string' ? { method: r.method } : {}), url: route ?? path };
}

export function serializeReply(reply: unknown): { statusCode?: number } {
  const { statusCode } = reply as { statusCode?: unknown };
  return typeof statusCode === 'number' ? { statusCode } : {};
}

export const logSerializers = { err: serializeError, req: serializeRequest, res: serializeReply };

/**
 * A second guard for whatever a future log call passes by hand (`log.warn({ email }, …)`): these keys are censored
 * (pino's redact). Top-level keys only: they cost nothing, where wildcard paths ("*.email") made every line five
 * times slower to write.
 */
const REDACT_PATHS = ['email', 'password', 'passwordHash', 'token', 'csrfToken', 'sessionId', 'cookie', 'cookies', 'headers', 'body', 'params', 'detail'];

type LoggerOption = FastifyServerOptions['logger'];

/**
 * The Fastify logger option with the serializers and redaction above, from the options a caller gave (or the level).
 * Without options of its own, production writes JSON lines (for journald, Docker or a log collector) and development
 * writes them as short human lines (humanLines below).
 */
export function loggerOptions(logger: LoggerOption, level: string, production = true): LoggerOption {
  if (logger === false) return false;
  const base: Exclude<LoggerOption, boolean | undefined> = logger === undefined || logger === true ? { level, ...(production ? {} : { stream: humanLines(process.stdout) }) } : logger;
  return { ...base, serializers: { ...base.serializers, ...logSerializers }, redact: { paths: REDACT_PATHS, censor: '[verborgen]' } };
}

export const REQUEST_MESSAGE = 'request completed';

/**
 * One line per answered request, in place of Fastify's two ("incoming request", "request completed"): method, the
 * route's pattern, status and milliseconds, through the serializers above, so never a query string, address or
 * header. Health probes (a container's healthcheck asks every 30 seconds) go at debug: 2,880 lines a day that say
 * nothing. Fastify's other lines (a failed reply, a 404) keep its defaults.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    if (error) {
      reply.log.error({ req: request, res: reply, err: error, ms }, 'request errored');
      return;
    }
    const probe = request.routeOptions.url === '/api/health' || request.routeOptions.url === '/api/ready';
    reply.log[probe && reply.statusCode < 400 ? 'debug' : 'info']({ req: request, res: reply, ms }, REQUEST_MESSAGE);
  }
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface LogEntry {
  level?: number;
  time?: number;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  ms?: number;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

/**
 * A pino line as a developer reads it in a terminal: "10:15:02 GET /api/threads/:id 200 3.1 ms" for a request,
 * "10:15:03 WARN database unavailable {…}" with the error's frames for anything else. It formats what pino wrote,
 * after the serializers and redaction, so it can show nothing the JSON would not.
 */
export function humanLine(json: string): string {
  let entry: LogEntry;
  try {
    entry = JSON.parse(json) as LogEntry;
  } catch {
    return json;
  }
  const { level = 30, time, msg = '', req, res, ms, err, pid: _pid, hostname: _host, reqId: _reqId, ...rest } = entry;
  const clock = new Date(time ?? Date.now()).toTimeString().slice(0, 8);
  if (msg === REQUEST_MESSAGE && req) return `${clock} ${req.method ?? ''} ${req.url ?? ''} ${res?.statusCode ?? ''} ${ms ?? ''} ms\n`;
  const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  const error = err ? `\n  ${err.type ?? 'Error'}: ${err.message ?? ''}${err.stack ? `\n${err.stack}` : ''}` : '';
  return `${clock} ${LEVEL_NAMES[level] ?? String(level)} ${msg}${extra}${error}\n`;
}

/** A destination that writes each pino line to `out` as humanLine makes it. */
export function humanLines(out: { write(text: string): unknown }): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out.write(humanLine(chunk.toString()));
      callback();
    },
  });
}
