import { BENCH_PASSWORD, memberEmail } from './corpus.js';

/**
 * Production cookies are Secure, so the server only sets them on HTTPS. The bench plays the TLS-terminating
 * proxy a deployment has: TRUST_PROXY=1 (one proxy, on loopback) on the server and this header on every request.
 */
export const PROXY_HEADERS = { 'x-forwarded-proto': 'https' } as const;

export interface Member {
  id: number;
  cookie: string;
  csrfToken: string;
}

function mergeCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Logs one member in through the real routes, as the browser does: CSRF token first, then the login. */
export async function login(origin: string, email: string, password: string): Promise<Member> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${origin}/api/auth/csrf`, { headers: PROXY_HEADERS });
  mergeCookies(jar, csrf);
  const { token } = (await csrf.json()) as { token: string };
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { ...PROXY_HEADERS, 'content-type': 'application/json', cookie: cookieHeader(jar), 'x-csrf-token': token },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${await res.text()}`);
  mergeCookies(jar, res);
  const body = (await res.json()) as { user: { id: number }; csrfToken: string };
  return { id: body.user.id, cookie: cookieHeader(jar), csrfToken: body.csrfToken };
}

/** Logs in `count` corpus members, a few at a time (each login is an argon2 verification on the server). */
export async function loginMembers(origin: string, count: number, onEach: () => void): Promise<Member[]> {
  const members: Member[] = [];
  let next = 1;
  const worker = async () => {
    while (next <= count) {
      const n = next++;
      members.push(await login(origin, memberEmail(n), BENCH_PASSWORD));
      onEach();
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return members;
}
