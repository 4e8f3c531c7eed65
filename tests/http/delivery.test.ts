import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ROUTES, isClientRoute } from '../../shared/client-routes.js';
import { avatars, users } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import WebSocket from 'ws';
import { chooseEncoding, COMPRESSION_THRESHOLD } from '../../server/http/compression.js';
import { precompressFiles } from '../../vite.config.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { listen } from '../live/sockets.js';

/**
 * What a browser gets besides the API's answers: compressed responses, cache headers, the client's routes with 200
 * and anything else with 404, robots.txt, the manifest and icons. npm test runs without a built client, so the
 * client here is a small one made in a temporary folder: the real client/public, an index.html and two assets,
 * precompressed by the same function the build uses (vite.config.ts).
 */
const publicDir = new URL('../../client/public/', import.meta.url);
// Over the threshold, like the real index.html with its icons and meta tags, and distinguishable from an error page.
const indexHtml = `<!doctype html><html lang="nl"><head><meta charset="utf-8" /><title>Plein</title>${'<meta name="x" content="opvulling" />'.repeat(40)}</head><body><div id="root"></div></body></html>`;
const bigScript = `export const tekst = ${JSON.stringify('Plein, het ledenforum. '.repeat(200))};\n`;
const smallStyle = 'body { margin: 0; }\n';

let dir: string;
let t: TestApp;
let member: TestClient;
let threadId: number;

const get = (url: string, encoding?: string) => t.app.inject({ method: 'GET', url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });
const decoded = (res: LightMyRequestResponse) => {
  const encoding = res.headers['content-encoding'];
  const raw = res.rawPayload;
  return (encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plein-client-'));
  cpSync(publicDir, dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), indexHtml);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-AbCd1234.js'), bigScript);
  writeFileSync(join(dir, 'assets', 'small-XyZ98765.css'), smallStyle);
  const compressed = await precompressFiles(dir);
  expect(compressed.sort()).toEqual([join('assets', 'index-AbCd1234.js'), 'index.html']);

  t = await buildTestApp({ env: { SERVE_CLIENT: 'true' }, clientDir: dir });
  ({ client: member } = await t.login());
  const author = await makeUser(t.db);
  ({ threadId } = await makeThread(t.db, author, { title: 'Een lange discussie' }));
  for (let i = 0; i < 20; i++) await makePost(t.db, author, threadId, { body: `Reactie ${i}: wij doen dit ook zo, met de ledenvergadering in het dorpshuis en een motie over het zwembad.` });
});

afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('compression of dynamic answers', () => {
  const headers = (encoding: string) => ({ cookie: member.cookieHeader, 'accept-encoding': encoding });

  it('sends a large JSON answer with brotli where the browser accepts it, else gzip, and says it varies', async () => {
    const plain = await t.app.inject({ method: 'GET', url: `/api/threads/${threadId}`, headers: { cookie: member.cookieHeader } });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESSION_THRESHOLD);

    const br = await t.app.inject({ method: 'GET', url: `/api/threads/${threadId}`, headers: headers('gzip, deflate, br, zstd') });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(decoded(br))).toEqual(plain.json());

    const gzip = await t.app.inject({ method: 'GET', url: `/api/threads/${threadId}`, headers: headers('gzip') });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(String(gzip.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(JSON.parse(decoded(gzip))).toEqual(plain.json());
  });

  it('honours what the browser accepts, q=0 included', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('*')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBeNull();
  });

  it('leaves answers under the threshold as they are', async () => {
    const res = await get('/api/health', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toEqual({ ok: true });
  });

  it('does not compress pictures again: an avatar goes out as stored', async () => {
    const { user } = await t.login();
    // Highly compressible bytes: only the type can keep them from being compressed.
    await t.db.insert(avatars).values({ userId: user.id, image: Buffer.alloc(8192, 7), contentType: 'image/webp' });
    await t.db.update(users).set({ avatarUpdatedAt: new Date() }).where(eq(users.id, user.id));
    const res = await t.app.inject({ method: 'GET', url: `/api/members/${user.id}/avatar`, headers: headers('br, gzip') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.length).toBe(8192);
  });
});

describe('the live socket', () => {
  it('opens and talks uncompressed for a browser that accepts brotli and gzip', async () => {
    const { url, origin } = await listen(t.app);
    const ws = new WebSocket(url, { headers: { cookie: member.cookieHeader, origin, 'accept-encoding': 'gzip, deflate, br, zstd' }, perMessageDeflate: false });
    const first = await new Promise<{ type: string }>((resolve, reject) => {
      ws.once('message', (data) => resolve(JSON.parse(data.toString()) as { type: string }));
      ws.once('unexpected-response', (_request, response) => reject(new Error(`handshake refused: ${response.statusCode}`)));
      ws.once('error', reject);
    });
    expect(first.type).toBe('hello');
    ws.close();
  });
});

describe('the built client', () => {
  it('sends index.html compressed at build time, revalidated on every visit', async () => {
    for (const [encoding, expected] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate, br', 'br'],
    ] as const) {
      const res = await get('/', encoding);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(expected);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
      expect(decoded(res)).toBe(indexHtml);
    }
    const plain = await get('/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(indexHtml);
  });

  it('sends a hashed asset precompressed and cacheable for a year; a small one as it is', async () => {
    const res = await get('/assets/index-AbCd1234.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decoded(res)).toBe(bigScript);
    expect(existsSync(join(dir, 'assets', 'index-AbCd1234.js.gz'))).toBe(true);
    expect((await get('/assets/index-AbCd1234.js', 'gzip')).headers['content-encoding']).toBe('gzip');

    const small = await get('/assets/small-XyZ98765.css', 'gzip, deflate, br');
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(small.body).toBe(smallStyle);
  });

  it('answers a missing asset with a plain 404, not the app', async () => {
    const res = await get('/assets/index-Gone0000.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it("answers each of the client's routes with the app and 200", async () => {
    for (const path of ['/forum', '/forum/algemeen', `/discussie/${threadId}`, '/leden', '/leden/12', '/moderatie/logboek', '/forum/', '/Forum?pagina=2']) {
      const res = await get(path, 'br');
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(decoded(res)).toBe(indexHtml);
    }
  });

  it('answers any other path with the app (its own not-found page) and 404', async () => {
    for (const path of ['/bestaat-niet', '/forum/algemeen/extra', '/discussie', '/wp-login.php', '/index.php?x=1']) {
      const res = await get(path, 'gzip');
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(decoded(res)).toBe(indexHtml);
    }
  });

  it('answers an unknown API path in JSON, whatever the method', async () => {
    for (const method of ['GET', 'POST'] as const) {
      for (const url of ['/api/bestaat-niet', '/api']) {
        const res = await t.app.inject({ method, url, headers: { 'accept-encoding': 'br' } });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Niet gevonden.' } });
      }
    }
  });

  it('tells every crawler to stay out of the members-only forum', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body.split('\n')).toEqual(['User-agent: *', 'Disallow: /', '']);
  });

  it('serves the web app manifest with its own type, naming icons that exist', async () => {
    const res = await get('/manifest.webmanifest');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const manifest = JSON.parse(res.body) as { name: string; lang: string; icons: { src: string; sizes: string }[] };
    expect(manifest).toMatchObject({ name: 'Plein', lang: 'nl' });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const file = await get(icon.src);
      expect(file.statusCode, icon.src).toBe(200);
      expect(file.headers['content-type'], icon.src).toMatch(/^image\//);
    }
    expect(readFileSync(new URL('../../client/index.html', import.meta.url), 'utf8')).toContain('<link rel="manifest" href="/manifest.webmanifest" />');
  });

  it('answers /favicon.ico with an icon, not the app', async () => {
    const res = await get('/favicon.ico');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

describe('the list of client routes', () => {
  it('is the list of routes.tsx', () => {
    const source = readFileSync(new URL('../../client/src/routes.tsx', import.meta.url), 'utf8');
    const paths = [...source.matchAll(/<Route\s+path="([^"]+)"/g)].map((match) => match[1]).filter((path) => path !== '*');
    expect([...paths].sort()).toEqual([...CLIENT_ROUTES].sort());
  });

  it('matches parameters as one segment, ignoring case and a trailing slash', () => {
    expect(isClientRoute('/')).toBe(true);
    expect(isClientRoute('/discussie/42')).toBe(true);
    expect(isClientRoute('/Discussie/42/')).toBe(true);
    expect(isClientRoute('/discussie/')).toBe(false);
    expect(isClientRoute('/discussie/42/extra')).toBe(false);
    expect(isClientRoute('//forum')).toBe(false);
  });
});
