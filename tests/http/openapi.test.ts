import { readFileSync } from 'node:fs';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TAGS } from '../../server/http/openapi.js';
import { describeSchema } from '../../server/http/openapi-schema-html.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

type Operation = OpenAPIV3_1.OperationObject<{ 'x-plein-access'?: string }>;
interface Schemaish {
  type?: string;
  properties?: Record<string, unknown>;
  required?: string[];
}

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Fastify's `/api/threads/:id` as OpenAPI writes it: `/api/threads/{id}`. */
const openapiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

let t: TestApp;
let doc: OpenAPIV3_1.Document;
let operations: { method: string; path: string; op: Operation }[];
const operation = (method: string, url: string) => doc.paths?.[openapiPath(url)]?.[method.toLowerCase() as 'get'] as Operation | undefined;

beforeAll(async () => {
  t = await buildTestApp();
  const res = await t.guest().request<OpenAPIV3_1.Document>('GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
  operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item?.[method] ? [{ method: method.toUpperCase(), path, op: item[method] as Operation }] : [])),
  );
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('is an OpenAPI 3.1 document with info, paths, tags and the two security schemes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Plein API', version });
    expect(doc.info.description).toContain('docs/api.md');
    expect(doc.tags?.map((tag) => tag.name)).toEqual(API_TAGS.map((tag) => tag.name));
    expect(doc.components?.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'plein_session' }),
      csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }),
    });
    expect(operations.length).toBeGreaterThan(90);
    for (const { method, path, op } of operations) {
      const label = `${method} ${path}`;
      expect(path, label).toMatch(/^\/api(\/|$)/);
      expect(Object.keys(op.responses ?? {}).length, label).toBeGreaterThan(0);
      for (const response of Object.values(op.responses ?? {})) expect((response as OpenAPIV3_1.ResponseObject).description, label).toMatch(/\S/);
      // Every {name} in the path is a required path parameter, and every path parameter is in the path.
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const params = ((op.parameters ?? []) as OpenAPIV3_1.ParameterObject[]).filter((p) => p.in === 'path');
      expect(params.map((p) => p.name).sort(), label).toEqual(inPath);
      expect(params.every((p) => p.required), label).toBe(true);
      for (const requirement of op.security ?? []) for (const scheme of Object.keys(requirement)) expect(doc.components?.securitySchemes, label).toHaveProperty(scheme);
    }
  });

  it('holds every API route the app registered, with its method, and nothing else', () => {
    const registered = t.app.accessTable.map((r) => `${r.method} ${openapiPath(r.url)}`).sort();
    expect(registered.length).toBeGreaterThan(90);
    expect(operations.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(registered);
  });

  it('gives every operation a Dutch summary, one known tag and the access its route declares', () => {
    const tagNames = new Set(API_TAGS.map((tag) => tag.name));
    const summaries = new Set<string>();
    for (const route of t.app.accessTable) {
      const op = operation(route.method, route.url)!;
      const label = `${route.method} ${route.url}`;
      expect(op.summary ?? 'geen samenvatting', label).toMatch(/^[A-Z].{2,80}$/);
      summaries.add(op.summary!);
      expect(op.tags, label).toHaveLength(1);
      expect(tagNames.has(op.tags![0]!), label).toBe(true);
      expect(op['x-plein-access'], label).toBe(route.auth);
      const schemes = (op.security ?? []).flatMap((requirement) => Object.keys(requirement));
      expect(schemes.includes('session'), label).toBe(route.auth !== 'public');
    }
    // A summary says what this operation does, not a copy of another's.
    expect(summaries.size).toBe(t.app.accessTable.length);
  });

  it('asks for the CSRF header exactly where the server checks it', () => {
    expect(operation('POST', '/api/auth/login')?.security).toEqual([{ csrf: [] }]);
    expect(operation('GET', '/api/threads/:id')?.security).toEqual([{ session: [] }]);
    expect(operation('POST', '/api/threads/:id/posts')?.security).toEqual([{ session: [], csrf: [] }]);
    // The one-click unsubscribe carries its own signed token and is posted by mail clients without cookies.
    expect(operation('POST', '/api/mail/unsubscribe')?.security).toEqual([]);
    expect(operation('GET', '/api/health')?.security).toEqual([]);
  });

  it('documents every declared request and response schema, and the error shape on every operation', () => {
    for (const { method, url, schema } of t.app.accessTable) {
      const op = operation(method, url)!;
      const label = `${method} ${url}`;
      const declared = (schema?.response ?? {}) as Record<string, Schemaish>;
      for (const [status, responseSchema] of Object.entries(declared)) {
        const documented = op.responses?.[status] as OpenAPIV3_1.ResponseObject | undefined;
        expect(documented, `${label} ${status}`).toBeDefined();
        if (responseSchema.type === 'null') {
          expect(documented?.content, `${label} ${status}`).toBeUndefined();
          continue;
        }
        const content = documented?.content?.['application/json']?.schema as Schemaish | undefined;
        expect(content?.type, `${label} ${status}`).toBe(responseSchema.type);
        expect(Object.keys(content?.properties ?? {}), `${label} ${status}`).toEqual(Object.keys(responseSchema.properties ?? {}));
      }
      if (Object.keys(declared).length === 0) expect(op.responses, label).toHaveProperty('2XX');
      const error = (op.responses?.default as OpenAPIV3_1.ResponseObject | undefined)?.content?.['application/json']?.schema as Schemaish | undefined;
      expect(error?.required, label).toEqual(['error']);
      if (schema?.body) expect(op.requestBody, label).toBeDefined();
      const query = schema?.querystring as Schemaish | undefined;
      const queryParams = ((op.parameters ?? []) as OpenAPIV3_1.ParameterObject[]).filter((p) => p.in === 'query').map((p) => p.name);
      expect(queryParams.sort(), label).toEqual(Object.keys(query?.properties ?? {}).sort());
    }
  });

  it('documents the websocket as the GET it upgrades', () => {
    const live = operation('GET', '/api/live');
    expect(live?.tags).toEqual(['live']);
    expect(live?.description).toContain('Upgrade: websocket');
  });

  it('is made once and served the same to everyone', async () => {
    const again = await t.guest().request<OpenAPIV3_1.Document>('GET', '/api/openapi.json');
    expect(again.body).toEqual(doc);
    const { client } = await t.login({ role: 'admin' });
    expect((await client.request('GET', '/api/openapi.json')).body).toEqual(doc);
  });
});

describe('the docs page', () => {
  it('answers 200 HTML in Dutch, lists every operation, and keeps the site’s strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/^<!doctype html>\s*<html lang="nl">/);
    expect(res.body).not.toContain('<script');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
    for (const { method, path, op } of operations) {
      // Booleans, so that a failure names the operation instead of printing the whole page.
      const heading = `<span class="method">${method}</span> <code>${path}</code> <span class="summary">${(op.summary ?? '').replace(/&/g, '&amp;').replace(/'/g, '&#39;')}</span>`;
      expect(res.body.includes(heading), `${method} ${path}`).toBe(true);
    }
    const ids = [...res.body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size, 'element ids are unique').toBe(ids.length);
  });
});

describe('the docs page’s schema text', () => {
  it('reads types, unions, constants and limits in Dutch, nested fields included', () => {
    const html = describeSchema({
      type: 'object',
      required: ['title'],
      properties: {
        title: { type: 'string', minLength: 5, maxLength: 200 },
        sort: { anyOf: [{ const: 'activity' }, { const: 'reactions' }] },
        author: { anyOf: [{ type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } }, { type: 'null' }] },
      },
    });
    expect(html).toContain('<code>title</code> <span class="type">tekst (5–200 tekens)</span>');
    expect(html).toContain('<code>sort</code> <span class="type"><code>&quot;activity&quot;</code> of <code>&quot;reactions&quot;</code>, niet verplicht</span>');
    expect(html).toContain('<code>author</code> <span class="type">object of null, niet verplicht</span><ul class="schema"><li><code>id</code> <span class="type">geheel getal (minstens 1)</span>');
  });

  it('escapes whatever a schema says, so a description cannot add markup to the page', () => {
    const html = describeSchema({ type: 'object', properties: { '<b>': { type: 'string', description: '<script>alert(1)</script>', pattern: '^<a' } } });
    expect(html).not.toMatch(/<script|<b>|<a/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
