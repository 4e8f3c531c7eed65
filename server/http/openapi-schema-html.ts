/** The part of JSON Schema 2020-12 the TypeBox schemas of shared/api use, as the docs page reads it. */
export interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

const TYPE_NAMES: Record<string, string> = { string: 'tekst', integer: 'geheel getal', number: 'getal', boolean: 'ja/nee', null: 'null', object: 'object', array: 'lijst' };
const value = (v: unknown) => `<code>${escapeHtml(JSON.stringify(v))}</code>`;
/** Deeper than any schema of shared/api; a limit so a self-referencing schema cannot loop. */
const MAX_DEPTH = 8;

function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  if (min === undefined && max === undefined) return null;
  if (min !== undefined && max !== undefined) return min === max ? `${min}${unit}` : `${min}–${max}${unit}`;
  return min !== undefined ? `minstens ${min}${unit}` : `hoogstens ${max}${unit}`;
}

function constraints(s: JsonSchema): string {
  const parts = [
    range(s.minLength, s.maxLength, ' tekens'),
    range(s.minimum, s.maximum, ''),
    range(s.minItems, s.maxItems, ' stuks'),
    s.format ? `formaat ${escapeHtml(s.format)}` : null,
    s.pattern ? `patroon <code>${escapeHtml(s.pattern)}</code>` : null,
    s.default !== undefined ? `standaard ${value(s.default)}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** One line for a schema's type: "tekst (1–200 tekens)", "lijst van object", "een van "a", "b"". */
export function typeText(s: JsonSchema, depth = 0): string {
  if (depth > MAX_DEPTH) return '…';
  if (s.$ref) return `<code>${escapeHtml(s.$ref.split('/').pop() ?? s.$ref)}</code>`;
  if (s.const !== undefined) return value(s.const);
  if (s.enum) return `een van ${s.enum.map(value).join(', ')}`;
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((u) => typeText(u, depth + 1)).join(' of ');
  if (s.allOf) return s.allOf.map((u) => typeText(u, depth + 1)).join(' en ');
  const types = [s.type ?? []].flat();
  if (types.length === 0) return 'elke waarde';
  return types
    .map((t) => (t === 'array' && s.items ? `lijst van ${typeText(s.items, depth + 1)}` : (TYPE_NAMES[t] ?? escapeHtml(t))))
    .join(' of ')
    .concat(constraints(s));
}

/** The objects a value may be: its own properties, a list's items, each member of a union. */
function objectsIn(s: JsonSchema): JsonSchema[] {
  if (s.properties) return [s];
  if (s.items) return objectsIn(s.items);
  return [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].flatMap(objectsIn);
}

function fields(s: JsonSchema, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  const lists = objectsIn(s).map((object) => {
    const required = new Set(object.required ?? []);
    const items = Object.entries(object.properties ?? {}).map(
      ([name, property]) =>
        `<li><code>${escapeHtml(name)}</code> <span class="type">${typeText(property, depth)}${required.has(name) ? '' : ', niet verplicht'}</span>${property.description ? `: ${escapeHtml(property.description)}` : ''}${fields(property, depth + 1)}</li>`,
    );
    return items.length ? `<ul class="schema">${items.join('')}</ul>` : '';
  });
  return lists.join('');
}

/** A schema as HTML: its type, then (unless inline) the fields of every object in it, nested. */
export function describeSchema(schema: JsonSchema, { inline = false } = {}): string {
  const head = `<span class="type">${typeText(schema)}</span>${schema.description && !inline ? `: ${escapeHtml(schema.description)}` : ''}`;
  return inline ? head : `<p class="media">${head}</p>${fields(schema, 0)}`;
}
