import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/constants.js';
import { queryRows } from '../../server/db/client.js';
import { renderMarkdown } from '../../server/content/render.js';
import { PREVIEWS_PER_POST } from '../../server/content/preview-routes.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { listRoutes } from '../reliability/route-list.js';

type Answer = { bodyHtml: string };
type ErrorBody = { error: { code: string; message: string; field?: string } };

const URL = '/api/posts/preview';

let t: TestApp;
let member: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  ({ client: member } = await t.login({ displayName: 'Voorbeeld Lid' }));
});
afterAll(() => t.close());

/** Rows in the tables a post touches: a preview must leave every one of them as it was. */
async function writtenRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['posts', 'threads', 'post_revisions', 'search_outbox', 'notifications']) {
    const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
    counts[table] = row!.n;
  }
  return counts;
}

describe('POST /api/posts/preview', () => {
  it('is in the route tables that the access and fuzz tests walk, for members', () => {
    expect(t.app.accessTable).toContainEqual(expect.objectContaining({ method: 'POST', url: URL, auth: 'member' }));
    expect(listRoutes(t.app)).toContainEqual({ method: 'POST', url: URL });
  });

  it('renders the Markdown exactly as posting it would, and stores nothing', async () => {
    const body = '**Vet** en _cursief_\n\n- punt een\n- punt twee\n\n> een citaat\n\n[De Kiesraad](https://www.kiesraad.nl)';
    const before = await writtenRows();
    const res = await member.post<Answer>(URL, { body });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ bodyHtml: renderMarkdown(body) });
    expect(res.body.bodyHtml).toContain('<strong>Vet</strong>');
    expect(res.body.bodyHtml).toContain('<ul>\n<li>punt een</li>');
    expect(res.body.bodyHtml).toContain('rel="nofollow noopener noreferrer ugc"');
    expect(await writtenRows()).toEqual(before);
  });

  it('answers what a post made from the same text shows', async () => {
    const body = '# Kop\n\nTekst met een regel-\neinde en `code`.';
    const preview = await member.post<Answer>(URL, { body });
    const created = await member.post<{ post: { bodyHtml: string } }>('/api/threads', { categorySlug: 'algemeen', title: 'Voorbeeld en echt', body });
    expect(created.status).toBe(201);
    expect(preview.body.bodyHtml).toBe(created.body.post.bodyHtml);
  });

  it('sends an XSS payload back sanitized', async () => {
    const body = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[klik](javascript:alert(1))',
      '<a href="https://ok.example" onclick="alert(1)">klik</a>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '**nog** wel vet',
    ].join('\n\n');
    const res = await member.post<Answer>(URL, { body });
    expect(res.status).toBe(200);
    const html = res.body.bodyHtml;
    expect(html).not.toMatch(/<(script|img|iframe|svg)\b/i);
    // Markup the renderer refused comes back as text (&lt;…): inside real tags there is no handler and no script link.
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/<[^>]*href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<strong>nog</strong> wel vet');
  });

  it('answers 401 to guests and 403 to pending and suspended accounts', async () => {
    const guest = t.guest();
    const asGuest = await guest.post<ErrorBody>(URL, { body: 'Hallo' });
    expect(asGuest.status).toBe(401);
    const { client: pending } = await t.login({ status: 'pending' });
    const asPending = await pending.post<ErrorBody>(URL, { body: 'Hallo' });
    expect(asPending.status).toBe(403);
    expect(asPending.body.error.code).toBe('account_pending');
    const { client: suspended } = await t.login({ status: 'suspended' });
    expect((await suspended.post<ErrorBody>(URL, { body: 'Hallo' })).body.error.code).toBe('account_suspended');
  });

  it('refuses a request without the CSRF token, or with a wrong one', async () => {
    const res = await member.post<ErrorBody>(URL, { body: 'Hallo' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_invalid');
    const forged = await member.request<ErrorBody>('POST', URL, { body: 'Hallo' }, { csrf: false, headers: { 'x-csrf-token': 'verzonnen' } });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_invalid');
  });

  it('holds the draft to the limits of a post body', async () => {
    const longest = await member.post<Answer>(URL, { body: 'x'.repeat(LIMITS.bodyMax) });
    expect(longest.status).toBe(200);
    // (A number would be read as its text: the API coerces types, for posts as well.)
    for (const body of ['x'.repeat(LIMITS.bodyMax + 1), '', ' \n\t ', null, ['een', 'twee']]) {
      const res = await member.post<ErrorBody>(URL, { body });
      expect(res.status, JSON.stringify(body).slice(0, 20)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_input', field: 'body' });
    }
    expect((await member.post<ErrorBody>(URL, {})).body.error).toMatchObject({ code: 'invalid_input', field: 'body' });
  });

  it('answers 413 to a request body over the server-wide size limit', async () => {
    const res = await member.post<ErrorBody>(URL, { body: 'x'.repeat(300 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_large');
  });
});

describe('the preview rate limit', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await buildTestApp({ env: { RATE_LIMIT_POST_MAX: '1' } });
  });
  afterAll(() => limited?.close());

  it('allows a few previews per post a member may place, per member, then 429 with Retry-After', async () => {
    const { client: eager } = await limited.login();
    const { client: calm } = await limited.login();
    const statuses: number[] = [];
    for (let i = 0; i <= PREVIEWS_PER_POST; i++) statuses.push((await eager.post(URL, { body: `Versie ${i}` })).status);
    expect(statuses).toEqual([...Array<number>(PREVIEWS_PER_POST).fill(200), 429]);
    const refused = await eager.post<ErrorBody>(URL, { body: 'Nog een keer' });
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await calm.post(URL, { body: 'Mijn eerste versie' })).status).toBe(200);
    // Previewing does not use up the allowance for posting.
    expect((await eager.post('/api/threads', { categorySlug: 'algemeen', title: 'Na het voorbeeld', body: 'Nu echt' })).status).toBe(201);
  });
});
