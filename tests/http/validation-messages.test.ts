import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import { knownLabel } from '../../shared/field-labels.js';
import { validationAnswer } from '../../server/http/validation-messages.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { rowCounts } from '../helpers/row-counts.js';

/**
 * Every route that validates input, sent input that breaks its schema in each way the schema allows (missing, wrong
 * type, too short, too long, wrong form, not one of the choices, out of range): each answer is a 400 that lists every
 * field that was wrong, each in Dutch words that name the field by its label, and nothing changed.
 */

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

type Kind = 'type' | 'short' | 'long' | 'form' | 'choice' | 'range';
const KINDS: Kind[] = ['type', 'short', 'long', 'form', 'choice', 'range'];
type Where = 'body' | 'querystring' | 'params';

/** A value that fits the schema (for the items around a broken list length). */
function valid(schema: Schema, i: number): unknown {
  if (schema.type === 'integer' || schema.type === 'number') return (schema.minimum ?? 1) + i;
  return `woord${i}`;
}

/**
 * A value that breaks `schema` in the way `kind` says, and the fields (dotted paths) it breaks; undefined when the
 * schema has no such rule, or (in a query string or path, where everything is text) it cannot be sent.
 */
function broken(schema: Schema, kind: Kind, path: string, text: boolean): { value: unknown; fields: string[] } | undefined {
  const single = (value: unknown) => ({ value, fields: [path] });
  const nonNull = schema.anyOf?.find((s) => s.type !== 'null');
  if (nonNull) {
    const inner = broken(nonNull, kind, path, text);
    // With type coercion an empty text is null, which the union allows.
    return inner && inner.value !== null && inner.value !== '' ? inner : undefined;
  }
  if (schema.type === 'object' && schema.properties) {
    // A field that should be an object; the whole body is not sent as anything else (a JSON string is a 415).
    if (kind === 'type' && path) return text ? undefined : single('geen-object');
    const value: Record<string, unknown> = {};
    const fields: string[] = [];
    for (const [name, child] of Object.entries(schema.properties)) {
      const b = broken(child, kind, path ? `${path}.${name}` : name, text);
      if (b) {
        value[name] = b.value;
        fields.push(...b.fields);
      }
    }
    return fields.length ? { value, fields } : undefined;
  }
  switch (kind) {
    case 'type':
      if (schema.type === 'integer' || schema.type === 'number' || schema.type === 'boolean') return single('abc');
      // Text is what a query string or a path always holds; an object is no text in a JSON body.
      if (schema.type === 'string' || schema.type === 'array') return text ? undefined : single({ geen: 'tekst' });
      return undefined;
    case 'short':
      if (schema.type === 'string' && schema.minLength) return single('x'.repeat(schema.minLength - 1));
      if (schema.type === 'array' && schema.minItems && schema.items && !text) return single(Array.from({ length: schema.minItems - 1 }, (_, i) => valid(schema.items!, i)));
      return undefined;
    case 'long':
      if (schema.type === 'string' && schema.maxLength !== undefined) return single('x'.repeat(schema.maxLength + 1));
      if (schema.type === 'array' && schema.maxItems && schema.items && !text) return single(Array.from({ length: schema.maxItems + 1 }, (_, i) => valid(schema.items!, i)));
      return undefined;
    case 'form':
      if (schema.type === 'string' && schema.pattern === '\\S') return single(' '.repeat(Math.max(schema.minLength ?? 1, 1)));
      if (schema.type === 'string' && schema.pattern) return single('x'.repeat(Math.max(schema.minLength ?? 1, Math.min(20, schema.maxLength ?? 20))));
      if (schema.type === 'string' && schema.format) return single('geen-datum');
      if (schema.type === 'array' && schema.uniqueItems && schema.items && !text) return single([valid(schema.items, 0), valid(schema.items, 0)]);
      return undefined;
    case 'choice':
      if (schema.enum) return single('zzz-onbekend');
      if (schema.const !== undefined) return text ? undefined : single(typeof schema.const === 'boolean' ? !schema.const : 'zzz-onbekend');
      return undefined;
    case 'range':
      if (schema.maximum !== undefined) return single(schema.maximum + 1);
      if (schema.minimum !== undefined) return single(schema.minimum - 1);
      return undefined;
  }
}

/** Words and signs of ajv's developer English, and of a regular expression, that no person should be shown. */
const ENGLISH = /\b(must|should|NOT|pattern|property|properties|match|format|schema|instance)\b/;
const REGEX = /[\^$]|\\[sdSwW]|\[\^|\{\d/;

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  // An admin may call every route, so every answer here is about the input and not about who asks.
  admin = (await t.login({ role: 'admin' })).client;
});
afterAll(() => t.close());

interface Case {
  route: string;
  where: Where;
  kind: Kind | 'missing';
  method: string;
  url: string;
  body?: unknown;
  fields: string[];
}

/** The requests to send for one route: per part of the request and per way of breaking it. */
function casesFor(route: { method: string; url: string; schema: Partial<Record<Where, unknown>> }): Case[] {
  const cases: Case[] = [];
  const name = `${route.method} ${route.url}`;
  // A path that fits (the parts that are not broken): Fastify checks the path before the query string and body.
  const goodPath = route.url.replace(/:slug/g, 'campagne').replace(/:kind/g, route.url.includes('claims') ? 'report' : 'thanks').replace(/:[a-zA-Z]+/g, '1');
  const send = (where: Where, kind: Case['kind'], value: Record<string, unknown>, fields: string[]) => {
    let url = goodPath;
    let body: unknown = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
    if (where === 'params') url = route.url.replace(/:([a-zA-Z]+)/g, (_, p: string) => (p in value ? encodeURIComponent(String(value[p])) : p === 'slug' ? 'campagne' : p === 'kind' ? 'report' : '1'));
    if (where === 'querystring') url = `${goodPath}?${new URLSearchParams(Object.entries(value).map(([k, v]) => [k, String(v)])).toString()}`;
    if (where === 'body') body = value;
    cases.push({ route: name, where, kind, method: route.method, url, body, fields });
  };
  for (const where of ['params', 'querystring', 'body'] as const) {
    const schema = route.schema[where] as Schema | undefined;
    if (!schema) continue;
    const text = where !== 'body';
    if (schema.anyOf) {
      // A choice of shapes (two-step login: a code or a recovery code): sent nothing, it names what is missing.
      send(where, 'missing', {}, []);
      continue;
    }
    // A path always has its parts; a query string or body can leave out what is required.
    if (schema.required?.length && where !== 'params') send(where, 'missing', {}, schema.required);
    for (const kind of KINDS) {
      const b = broken(schema, kind, '', text);
      if (b) send(where, kind, b.value as Record<string, unknown>, b.fields);
    }
  }
  return cases;
}

/** Every API route that takes input (path, query string or body), from the route table. */
const inputRoutes = () => t.app.accessTable.filter(({ schema }) => schema?.body || schema?.querystring || schema?.params);

describe('validation messages', () => {
  it('knows the routes: every route with a schema for its path, query string or body', () => {
    expect(inputRoutes().length).toBeGreaterThan(60);
    expect(inputRoutes().map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /api/auth/register', 'GET /api/search', 'GET /api/threads/:id']));
  });

  it('answers every broken input on every route with a 400 that lists every wrong field in Dutch, by its label, and changes nothing', async () => {
    const before = await rowCounts(t.db);
    const cases = inputRoutes().flatMap((route) => casesFor({ ...route, schema: route.schema ?? {} }));
    expect(cases.length).toBeGreaterThan(150);
    const seenKinds = new Set<string>();
    for (const c of cases) {
      const label = `${c.route} ${c.where} ${c.kind} ${c.url} ${JSON.stringify(c.body)}`;
      const res = await admin.request<ErrorBody>(c.method as 'GET', c.url, c.body);
      expect(res.status, label).toBe(400);
      const { error } = res.body;
      expect(error.code, label).toBe('invalid_input');
      const fields = error.fields ?? [];
      const reported = fields.map((f) => f.field);
      // All at once: every field this request broke is in the list, once.
      expect(reported, label).toEqual(expect.arrayContaining(c.fields));
      expect(new Set(reported).size, label).toBe(reported.length);
      expect(fields.length, label).toBeGreaterThan(0);
      // The first problem stays in `message` and `field`, for clients that know only those.
      expect(error.field, label).toBe(fields[0]!.field);
      expect(error.message, label).toBe(fields[0]!.message);
      for (const f of fields) {
        const name = knownLabel(f.field, c.where, c.route);
        expect(name, `${label}: no label for ${f.field}`).toBeDefined();
        expect(f.message, label).toContain(`„${name}”`);
        expect(f.message, label).not.toMatch(ENGLISH);
        expect(f.message, label).not.toMatch(REGEX);
        expect(f.message, label).toMatch(/^[„A-Z].*\.$/);
      }
      seenKinds.add(c.kind);
    }
    expect([...seenKinds].sort()).toEqual(['choice', 'form', 'long', 'missing', 'range', 'short', 'type']);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});

describe('the words', () => {
  const post = async (url: string, body: unknown) => (await admin.post<ErrorBody>(url, body)).body.error;

  it('says what a registration lacks, every field at once, without a regular expression', async () => {
    const error = await post('/api/auth/register', { email: 'geen-adres', password: 'kort', displayName: '', party: '   ' });
    expect(error.fields).toEqual([
      { field: 'email', message: 'Vul bij „E-mailadres” een geldig e-mailadres in, zoals naam@partij.nl.' },
      { field: 'password', message: '„Wachtwoord” is te kort: gebruik minstens 10 tekens.' },
      { field: 'displayName', message: '„Naam zoals anderen die zien” is verplicht.' },
      { field: 'party', message: '„Partij” bevat alleen spaties: vul tekst in.' },
      { field: 'municipality', message: '„Gemeente” is verplicht.' },
    ]);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'email', message: 'Vul bij „E-mailadres” een geldig e-mailadres in, zoals naam@partij.nl.' });
  });

  it('tells a bad choice, a bad number and a bad date in words', async () => {
    const created = await post('/api/threads', { categorySlug: 'campagne', title: 'Hoi', body: 'x'.repeat(50_001) });
    expect(created.fields).toEqual([
      { field: 'title', message: '„Titel” is te kort: gebruik minstens 5 tekens.' },
      { field: 'body', message: '„Je bericht” is te lang: gebruik hoogstens 50.000 tekens.' },
    ]);
    const bookmark = await admin.put<ErrorBody>('/api/posts/1/bookmark', { remindAt: 'morgen' });
    expect(bookmark.body.error.fields).toEqual([{ field: 'remindAt', message: 'Vul bij „Herinnering” een geldige datum en tijd in.' }]);
    const role = await admin.patch<ErrorBody>('/api/me', { representativeRole: 'koning' });
    expect(role.body.error.fields).toEqual([{ field: 'representativeRole', message: 'Kies bij „Functie” een van de mogelijkheden.' }]);
    const page = await admin.get<ErrorBody>('/api/threads/abc?limit=1000');
    expect(page.body.error.fields).toEqual([{ field: 'id', message: 'Vul bij „Nummer in het adres” een heel getal in.' }]);
    const query = await admin.get<ErrorBody>('/api/threads/1?limit=1000&after=x');
    expect(query.body.error.fields).toEqual([
      { field: 'after', message: 'Vul bij „Vanaf bericht” een heel getal in.' },
      { field: 'limit', message: '„Aantal per pagina” is te groot: het grootste dat kan is 100.' },
    ]);
  });

  it('names a nested field by its own label, and a problem of the whole request without a field', async () => {
    const settings = await admin.put<ErrorBody>('/api/me/notification-settings', { mail: { replies: 'elk uur' } });
    expect(settings.body.error.fields).toEqual([{ field: 'mail.replies', message: 'Kies bij „Reacties op mijn berichten” een van de mogelijkheden.' }]);
    const nothing = await admin.patch<ErrorBody>('/api/me', {});
    expect(nothing.body.error).toEqual({ code: 'invalid_input', message: 'Er is niets om te wijzigen: vul minstens één gegeven in.', fields: [] });
  });

  it('tells a code of two-step login by the shape that was sent', async () => {
    const code = await post('/api/auth/login/totp', { code: '12ab' });
    expect(code.fields).toEqual([{ field: 'code', message: 'Vul bij „Code uit je app” de 6 cijfers in die je app nu toont.' }]);
    const recovery = await post('/api/auth/login/totp', { recoveryCode: 'kort' });
    expect(recovery.fields).toEqual([{ field: 'recoveryCode', message: '„Herstelcode” is te kort: gebruik minstens 16 tekens.' }]);
  });

  it('lists the refusal of a route of its own in `fields` as well', async () => {
    const error = await post('/api/admin/search-synonyms', { terms: ['raad', '"gemeenteraad"'] });
    expect(error).toMatchObject({ code: 'synonym_quote', field: 'terms.1' });
    expect(error.fields).toEqual([{ field: 'terms.1', message: error.message }]);
  });

  it('turns any pattern it does not know into words, never the expression', () => {
    const answer = validationAnswer(
      [{ keyword: 'pattern', instancePath: '/postcode', schemaPath: '#/properties/postcode/pattern', params: { pattern: '^\\d{4}[A-Z]{2}$' }, message: 'must match pattern' }],
      'body',
      undefined,
      { postcode: 'x' },
    );
    expect(answer.message).toBe('„Invoer” heeft niet de juiste vorm.');
  });
});
