import type { OpenAPIV3_1 } from 'openapi-types';
import { describeSchema, escapeHtml, type JsonSchema } from './openapi-schema-html.js';

/** The access levels of server/auth/types.ts, as an integrator reads them. */
const ACCESS_TEXT: Record<string, string> = {
  public: 'iedereen, ook zonder in te loggen',
  user: 'ingelogd, ook een account dat wacht of geschorst is',
  member: 'leden met een actief account',
  moderator: 'moderatoren en beheerders',
  admin: 'beheerders',
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Operation = OpenAPIV3_1.OperationObject<{ 'x-plein-access'?: string }>;
interface Entry {
  method: string;
  path: string;
  op: Operation;
}

/** Text from the document, escaped, with its `code` spans (Markdown's, as OpenAPI descriptions allow) shown as code. */
const prose = (text: string | undefined) => escapeHtml(text ?? '').replace(/`([^`]+)`/g, '<code>$1</code>');
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const opId = (entry: Entry) => `${entry.method}-${slug(entry.path)}`;

function content(body: { content?: Record<string, { schema?: unknown }> } | undefined): string {
  const media = body?.content ? Object.entries(body.content)[0] : undefined;
  if (!media) return '';
  return `<p class="media">${escapeHtml(media[0])}</p>${media[1].schema ? describeSchema(media[1].schema as JsonSchema) : ''}`;
}

function parameters(op: Operation): string {
  const params = (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  if (params.length === 0) return '';
  const where: Record<string, string> = { path: 'pad', query: 'query', header: 'header', cookie: 'cookie' };
  const rows = params.map(
    (p) =>
      `<tr><th scope="row"><code>${escapeHtml(p.name)}</code></th><td>${where[p.in] ?? escapeHtml(p.in)}</td><td>${p.required ? 'ja' : 'nee'}</td><td>${describeSchema((p.schema ?? {}) as JsonSchema, { inline: true })}</td></tr>`,
  );
  return `<h4>Parameters</h4><table><thead><tr><th scope="col">Naam</th><th scope="col">In</th><th scope="col">Verplicht</th><th scope="col">Waarde</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function responses(op: Operation): string {
  const items = Object.entries(op.responses ?? {}).map(([status, response]) => {
    const r = response as OpenAPIV3_1.ResponseObject;
    // The error shape is the same on every operation: described once, at the top (#fouten).
    if (status === 'default') return '<p class="plain">Anders: een fout in de <a href="#fouten">vaste vorm</a>.</p>';
    const label = `${escapeHtml(status)}: ${escapeHtml(r.description)}`;
    const body = content(r);
    return body ? `<details><summary>${label}</summary>${body}</details>` : `<p class="plain">${label}</p>`;
  });
  return `<h4>Antwoorden</h4>${items.join('')}`;
}

function security(op: Operation): string {
  const needs = (op.security ?? []).flatMap((requirement) => Object.keys(requirement));
  const access = op['x-plein-access'];
  const who = `<strong>Wie:</strong> ${escapeHtml(ACCESS_TEXT[access ?? ''] ?? access ?? 'onbekend')}`;
  return `<p>${who}${needs.includes('csrf') ? '. Stuurt de header <code>X-CSRF-Token</code> mee' : ''}.</p>`;
}

function operation(entry: Entry): string {
  const { method, path, op } = entry;
  const body = op.requestBody ? `<h4>Inhoud van het verzoek</h4>${content(op.requestBody as OpenAPIV3_1.RequestBodyObject)}` : '';
  return `<article class="op" id="${opId(entry)}" aria-labelledby="${opId(entry)}-h">
<h3 id="${opId(entry)}-h"><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> <span class="summary">${escapeHtml(op.summary ?? '')}</span></h3>
${op.description ? `<p>${prose(op.description)}</p>` : ''}${security(op)}${parameters(op)}${body}${responses(op)}
</article>`;
}

/** The error answer every operation shares (its `default` response), with its explanation. */
function errorShape(entries: Entry[]): string {
  const error = entries[0]?.op.responses?.default as OpenAPIV3_1.ResponseObject | undefined;
  return error ? `<p>${prose(error.description)}</p>${content(error)}` : '';
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1f;--muted:#4a4a55;--bg:#fff;--line:#d5d5dc;--code:#f3f3f6;--accent:#0b5cad}
@media (prefers-color-scheme:dark){:root{--fg:#ececf1;--muted:#b9b9c6;--bg:#17171b;--line:#3a3a44;--code:#24242b;--accent:#8cc2ff}}
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 4rem}
a{color:var(--accent)}
code{background:var(--code);padding:0 .2em;border-radius:3px;font-size:.95em}
h2{margin-top:2.5rem;border-bottom:2px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.1rem;margin:0 0 .5rem}
h4{font-size:1rem;margin:.75rem 0 .25rem}
.op{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:4.2em;font-weight:700}
.summary{display:block;font-weight:400;color:var(--muted);margin-top:.15rem}
table{border-collapse:collapse;width:100%}
th,td{border-top:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
details{margin:.25rem 0}summary{cursor:pointer}
.schema{margin:.25rem 0 .25rem 1.25rem;padding:0}
.media,.plain{margin:.25rem 0;color:var(--muted)}
.type{color:var(--muted)}
`;

/** A page of its own for the OpenAPI document: Dutch, without script (the site's CSP stays as strict) and small. */
export function renderApiDocs(doc: OpenAPIV3_1.Document, tags: OpenAPIV3_1.TagObject[]): string {
  const entries: Entry[] = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item?.[method] as Operation | undefined;
      return op ? [{ method, path, op }] : [];
    }),
  );
  const sections = tags.map((tag) => {
    const ops = entries.filter((e) => e.op.tags?.includes(tag.name));
    if (ops.length === 0) return '';
    return `<section aria-labelledby="tag-${slug(tag.name)}"><h2 id="tag-${slug(tag.name)}">${escapeHtml(tag.name)}</h2><p>${prose(tag.description)}</p>${ops.map(operation).join('\n')}</section>`;
  });
  const toc = tags
    .filter((tag) => entries.some((e) => e.op.tags?.includes(tag.name)))
    .map((tag) => `<li><a href="#tag-${slug(tag.name)}">${escapeHtml(tag.name)}</a>: ${prose(tag.description)}</li>`);
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(doc.info.title)} <span class="type">${escapeHtml(doc.info.version)}</span></h1>
<p>${prose(doc.info.description)}</p>
<p>Het document zelf, voor programma’s en andere viewers: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}).</p>
<h2 id="gebruik">Sessies en CSRF</h2>
<p>Log in met <code>POST /api/auth/login</code>; de server zet een sessiecookie die elk volgend verzoek meestuurt. Wie iets wijzigt (POST, PUT, PATCH, DELETE) stuurt ook de header <code>X-CSRF-Token</code> met het token van <code>GET /api/auth/csrf</code>, opnieuw op te halen na inloggen en uitloggen. Bij elke bewerking staat wie haar mag aanroepen.</p>
<h2 id="fouten">Fouten</h2>
${errorShape(entries)}
<nav aria-labelledby="inhoud"><h2 id="inhoud">Inhoud</h2><ul>${toc.join('')}</ul></nav>
${sections.join('\n')}
</main></body></html>`;
}
