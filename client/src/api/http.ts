import { nl } from '../i18n/nl';
import { forgetEarly, takeEarly } from './early';

/** One field's problem as the API names it: the field (dotted path, "terms.1" for a list's item) and a Dutch sentence. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An answer in the API's error shape, or a network failure (status 0). The message is Dutch and meant for people.
 * `fields` lists every field the server refused (the first is also `field` and `message`); empty when none is named.
 */
export class ApiError extends Error {
  readonly fields: readonly FieldProblem[];
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    fields?: readonly FieldProblem[],
  ) {
    super(message);
    this.name = 'ApiError';
    // An answer from before `fields` existed still names its one field.
    this.fields = fields && fields.length > 0 ? fields : field ? [{ field, message }] : [];
  }
}

let csrfToken: string | null = null;
let csrfRequest: Promise<string> | null = null;

/** The token is bound to who is logged in: login hands a new one, logout forgets it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function fetchCsrf(): Promise<string> {
  csrfRequest ??= send('GET', '/api/auth/csrf')
    .then((answer) => (answer as { token: string }).token)
    .finally(() => {
      csrfRequest = null;
    });
  csrfToken = await csrfRequest;
  return csrfToken;
}

/** Set while a request is on its way whose answer gives the session a new id (RequestOptions.newSession). */
let sessionChange: Promise<void> | null = null;

async function send(method: string, path: string, body?: unknown, token?: string, newSession = false): Promise<unknown> {
  // A request sent meanwhile would carry the old session's cookie. Where the server ended that session, its answer
  // clears the cookie, and arriving after the new one it would log this tab out (a notification about the change,
  // pushed over the live socket, makes the header ask for its count at just that moment). So others wait.
  while (sessionChange && !newSession) await sessionChange;
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A Blob (a picture to upload) goes as it is, with its own type; everything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type : 'application/json';
  if (token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    if (method !== 'GET') forgetEarly();
    const answer =
      (method === 'GET' ? takeEarly(path) : undefined) ??
      fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : raw ? body : JSON.stringify(body) });
    if (newSession) {
      // The new cookie is stored when the answer's headers arrive, which is when fetch resolves.
      const change: Promise<void> = answer.then(
        () => {
          if (sessionChange === change) sessionChange = null;
        },
        () => {
          if (sessionChange === change) sessionChange = null;
        },
      );
      sessionChange = change;
    }
    response = await answer;
  } catch {
    throw new ApiError(0, 'network', nl.errors.network);
  }
  if (response.status === 204) return undefined;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; field?: string; fields?: FieldProblem[] } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'unknown', error?.message ?? nl.errors.generic, error?.field, Array.isArray(error?.fields) ? error.fields : undefined);
  }
  return parsed;
}

export interface RequestOptions {
  /** The answer gives the session a new id (a login, a new password, two-step login turned on): see send(). */
  newSession?: boolean;
}

/** One JSON request. Mutations carry the CSRF token; a stale token is refreshed once and the request retried. */
export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  if (method === 'GET') return (await send(method, path)) as T;
  const token = csrfToken ?? (await fetchCsrf());
  try {
    return (await send(method, path, body, token, options.newSession)) as T;
  } catch (error) {
    // The CSRF library answers its own 403 with code FST_CSRF_INVALID_TOKEN; the API contract says csrf_invalid.
    if (error instanceof ApiError && error.status === 403 && /csrf/i.test(error.code)) {
      return (await send(method, path, body, await fetchCsrf(), options.newSession)) as T;
    }
    throw error;
  }
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options);
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);
/** A file as the raw body (`PUT /api/me/avatar`), sent with the file's own Content-Type and the CSRF token. */
export const putBlob = <T>(path: string, blob: Blob) => request<T>('PUT', path, blob);

/** Query strings without empty values. */
export function qs(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  const s = search.toString();
  return s ? `?${s}` : '';
}
