import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchema } from 'fastify';
import fp from 'fastify-plugin';
import type { OpenAPIV3_1 } from 'openapi-types';
import { ErrorBody } from '../../shared/api/common.js';
import { cookieNames } from '../auth/cookie-names.js';
import type { Access } from '../auth/types.js';
import type { Config } from '../config.js';
import { renderApiDocs } from './openapi-page.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** One tag per concern; every route names one (tests/http/openapi.test.ts), and the docs page groups by them in this order. */
export const API_TAGS: OpenAPIV3_1.TagObject[] = [
  { name: 'auth', description: 'Registreren, inloggen (met tweestapsverificatie), wachtwoord en het eigen account.' },
  { name: 'forum', description: 'Categorieën, discussies, berichten, reacties, het beste antwoord en wat gelezen is.' },
  { name: 'bookmarks', description: 'Bewaarde berichten met notitie en herinnering.' },
  { name: 'drafts', description: 'Concepten: één per discussie en één voor een nieuwe discussie.' },
  { name: 'conversations', description: 'Privégesprekken tussen leden (Berichten), concepten ervan en leden blokkeren.' },
  { name: 'members', description: 'Leden: de ledenlijst, hun pagina’s en profielfoto’s.' },
  { name: 'privacy', description: 'De eigen gegevens (AVG): alles downloaden, het account verwijderen; een moderator die dat op verzoek doet.' },
  { name: 'notifications', description: 'Meldingen, volgen en negeren, en de instellingen voor e-mail.' },
  { name: 'search', description: 'Zoeken in het forum en vergelijkbare discussies.' },
  { name: 'guide', description: 'De Wegwijzer: links naar wetten, de Kiesraad, handreikingen en opleiders, bijgehouden door het kenniscentrum.' },
  { name: 'helpdesk', description: 'Vraag het het kenniscentrum: vragen van leden aan het team, de gedeelde inbox, standaardantwoorden, reactietijden en publiceren met toestemming.' },
  { name: 'trainings', description: 'Trainingen, kennisuitwisselingen en webinars van het kenniscentrum: aanmelden, wachtlijst, agenda en deelnemers.' },
  { name: 'moderation', description: 'Gerapporteerde berichten, de wachtrij, verbergen en verwijderen, accounts en het logboek.' },
  { name: 'admin', description: 'Beheer: categorieën en zoeksynoniemen.' },
  { name: 'mail', description: 'Afmelden met één klik vanuit een e-mail, zonder in te loggen.' },
  { name: 'live', description: 'De websocket voor live berichten en meldingen.' },
  { name: 'site', description: 'Gegevens van de site en de controles voor de beheerder van de server.' },
  { name: 'docs', description: 'Deze documentatie.' },
];

/** The methods the CSRF check of auth/session-plugin.ts covers. */
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface RouteDocConfig {
  auth?: Access;
  csrf?: boolean;
}

/** Who may call an operation and what it must send, in the document's terms: its security requirement. */
function securityOf(method: string, config: RouteDocConfig): OpenAPIV3_1.SecurityRequirementObject[] {
  const csrf = MUTATING.has(method) && config.csrf !== false;
  const requirement: OpenAPIV3_1.SecurityRequirementObject = {
    ...(config.auth === 'public' ? {} : { session: [] }),
    ...(csrf ? { csrf: [] } : {}),
  };
  return Object.keys(requirement).length === 0 ? [] : [requirement];
}

const STATUS_TEXT: Record<string, string> = { '200': 'Gelukt', '201': 'Aangemaakt', '202': 'Aangenomen', '204': 'Gelukt, zonder inhoud', '503': 'Niet beschikbaar' };

/**
 * Each declared answer with a Dutch description (@fastify/swagger would write "Default Response"). Through its
 * x-response-description, which it removes again: a `description` would also be copied into the answer's schema.
 */
function described(responses: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(responses).map(([status, schema]) => [status, { ...(schema as object), 'x-response-description': STATUS_TEXT[status] ?? 'Fout' }]),
  );
}

/**
 * The TypeBox schemas of every API route as an OpenAPI 3.1 document (GET /api/openapi.json) and a page that reads
 * it (GET /api/docs). 3.1, not 3.0: its schemas are JSON Schema 2020-12, which TypeBox writes (`type: 'null'`,
 * `anyOf`, `const`), so nothing is converted. Both are public: the contract is in the repository anyway, and each
 * route still checks its own access. Registered before the routes: @fastify/swagger collects them in onRoute. The
 * document is built on the first request and kept (@fastify/swagger caches it), so starting costs nothing.
 */
async function openapi(app: FastifyInstance, opts: { config: Config }) {
  const names = cookieNames(opts.config.httpsOnly);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Plein API',
        version,
        description:
          'De HTTP-API van Plein, het ledenforum voor lokale politieke partijen. Dit document volgt uit de schema’s waarmee de server elk verzoek en antwoord controleert. Uitleg over sessies, CSRF, fouten en de websocket staat in docs/api.md in de repository.',
      },
      tags: API_TAGS,
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: names.session,
            description: 'De sessiecookie die POST /api/auth/login zet (HttpOnly; Secure en met `__Host-` ervoor over HTTPS).',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description: 'Verplicht bij POST, PUT, PATCH en DELETE: het token van GET /api/auth/csrf, opnieuw op te halen na inloggen of uitloggen.',
          },
        },
      },
    },
    // 3.1 has const; turning it into a one-value enum would only be for Swagger UI, which we do not serve.
    convertConstToEnum: false,
    transform: ({ schema, url, route }) => {
      // The SPA's pages and files are not the API.
      if (!url.startsWith('/api')) return { schema: { ...schema, hide: true } as FastifySchema, url };
      const config = (route.config ?? {}) as RouteDocConfig;
      const method = [route.method].flat()[0] ?? 'GET';
      const declared = (schema as { response?: Record<string, unknown> } | undefined)?.response;
      return {
        url,
        schema: {
          ...schema,
          // @fastify/websocket hides its routes; ours is part of the contract, documented as the GET it upgrades.
          ...('websocket' in route && route.websocket ? { hide: false } : {}),
          security: securityOf(method, config),
          'x-plein-access': config.auth,
          response: {
            // A route that declares no answer (a 204, an image, the websocket) would otherwise have no success at all.
            ...(declared ? described(declared) : { '2XX': { 'x-response-description': 'Gelukt; het antwoord heeft geen vast schema.', type: 'null' } }),
            default: { ...ErrorBody, 'x-response-description': 'Fout: `error.code` voor programma’s, `error.message` in het Nederlands voor mensen, `error.field` en `error.fields` bij ongeldige invoer.' },
          },
        } as FastifySchema,
      };
    },
  });

  // Both made once, on first request (about 120 ms): 180 KB of JSON would otherwise be serialized again for every reader.
  let json: string | undefined;
  let page: string | undefined;
  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { summary: 'Dit document (OpenAPI 3.1)', tags: ['docs'] } }, (_request, reply) => {
    json ??= JSON.stringify(app.swagger());
    return reply.type('application/json; charset=utf-8').send(json);
  });
  app.get('/api/docs', { config: { auth: 'public' }, schema: { summary: 'Leesbare documentatie van de API', tags: ['docs'] } }, (_request, reply) => {
    page ??= renderApiDocs(app.swagger() as OpenAPIV3_1.Document, API_TAGS);
    return reply.type('text/html; charset=utf-8').send(page);
  });
}

export default fp(openapi, { name: 'openapi' });
