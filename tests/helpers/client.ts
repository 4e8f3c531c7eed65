import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

/**
 * A browser-like client over `app.inject`: it keeps cookies and sends the CSRF token on every
 * state-changing request, as the SPA does. `csrf: false` on a call leaves the token out (to test the refusal).
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = unknown>(method: Method, url: string, body?: unknown, options: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<TestResponse<T>> {
    const mutating = method !== 'GET';
    if (mutating && options.csrf !== false && this.csrfToken === null) await this.refreshCsrf();
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader;
    if (mutating && options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const inject: InjectOptions = { method, url, headers };
    if (body !== undefined) inject.payload = body as InjectOptions['payload'];
    const raw = await this.app.inject(inject);
    for (const cookie of raw.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    let parsed: unknown = raw.body;
    if (String(raw.headers['content-type'] ?? '').includes('application/json')) parsed = raw.json();
    return { status: raw.statusCode, body: parsed as T, headers: raw.headers, raw };
  }

  async refreshCsrf(): Promise<string> {
    const res = await this.request<{ token: string }>('GET', '/api/auth/csrf');
    this.csrfToken = res.body.token;
    return this.csrfToken;
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = unknown>(url: string, body?: unknown, options?: { csrf?: boolean }) {
    return this.request<T>('POST', url, body ?? {}, options);
  }
  patch<T = unknown>(url: string, body?: unknown, options?: { csrf?: boolean }) {
    return this.request<T>('PATCH', url, body ?? {}, options);
  }
  put<T = unknown>(url: string, body?: unknown, options?: { csrf?: boolean }) {
    return this.request<T>('PUT', url, body ?? {}, options);
  }
  delete<T = unknown>(url: string, options?: { csrf?: boolean }) {
    return this.request<T>('DELETE', url, undefined, options);
  }

  /** Logs in and keeps the session cookie and the new CSRF token that login hands out. */
  async login(email: string, password: string): Promise<TestResponse<{ user: { id: number }; csrfToken: string }>> {
    const res = await this.post<{ user: { id: number }; csrfToken: string }>('/api/auth/login', { email, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}
