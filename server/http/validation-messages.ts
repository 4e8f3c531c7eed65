import type { FastifySchemaValidationError } from 'fastify';
import { fieldLabel } from '../../shared/field-labels.js';

/** One field's problem, in Dutch, naming the field by the label its form shows. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ValidationAnswer {
  /** The first problem's message (what a client that knows only `message` shows). */
  message: string;
  field?: string;
  /** Every field with a problem, once, in the order of the schema. */
  fields: FieldProblem[];
}

const nlNumber = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('nl-NL') : String(n));
const quoted = (label: string) => `„${label}”`;

/**
 * The patterns our schemas use (shared/api/*.ts), each said as what is expected. A regular expression is never shown:
 * a pattern not listed here gets the general sentence, and the test of every route fails on it.
 */
const PATTERNS: Record<string, (l: string) => string> = {
  '\\S': (l) => `${l} bevat alleen spaties: vul tekst in.`,
  '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$': (l) => `Vul bij ${l} een geldig e-mailadres in, zoals naam@partij.nl.`,
  '^\\s*\\d{3}\\s?\\d{3}\\s*$': (l) => `Vul bij ${l} de 6 cijfers in die je app nu toont.`,
  '^[A-Z2-7]{16,64}$': (l) => `${l} is geen geldige sleutel: gebruik de sleutel die Plein je bij het instellen gaf.`,
};

const TYPES: Record<string, (l: string) => string> = {
  integer: (l) => `Vul bij ${l} een heel getal in.`,
  number: (l) => `Vul bij ${l} een getal in.`,
  boolean: (l) => `Kies bij ${l} ja of nee.`,
  string: (l) => `Vul bij ${l} tekst in.`,
  array: (l) => `${l} hoort een lijst te zijn.`,
  object: (l) => `${l} heeft niet de juiste vorm.`,
};

/** Which problem of a field is told when it has several: the one that says most about what to do. */
const PRIORITY = ['required', 'enum', 'const', 'type', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'minItems', 'maxItems', 'uniqueItems'];
const rank = (keyword: string) => {
  const i = PRIORITY.indexOf(keyword);
  return i === -1 ? PRIORITY.length : i;
};

/** One ajv keyword failure as a Dutch sentence about the field labelled `label`; `value` is what was sent. */
export function keywordMessage(error: FastifySchemaValidationError, label: string, value: unknown): string {
  const l = quoted(label);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${l} is verplicht.`;
    case 'minLength':
      // Empty, or the one-character minimum every required text has: she left it blank.
      if (value === '' || p.limit === 1) return `${l} is verplicht.`;
      return `${l} is te kort: gebruik minstens ${nlNumber(p.limit)} tekens.`;
    case 'maxLength':
      return `${l} is te lang: gebruik hoogstens ${nlNumber(p.limit)} tekens.`;
    case 'pattern':
      if (value === '') return `${l} is verplicht.`;
      return (PATTERNS[String(p.pattern)] ?? ((x: string) => `${x} heeft niet de juiste vorm.`))(l);
    case 'format':
      return p.format === 'date-time' || p.format === 'date' ? `Vul bij ${l} een geldige datum en tijd in.` : `${l} heeft niet de juiste vorm.`;
    case 'type':
      return (TYPES[String(p.type).split(',')[0]!] ?? ((x: string) => `${x} heeft niet de juiste vorm.`))(l);
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return `Kies bij ${l} een van de mogelijkheden.`;
    case 'minimum':
      return `${l} is te klein: het kleinste dat kan is ${nlNumber(p.limit)}.`;
    case 'exclusiveMinimum':
      return `${l} is te klein: het moet groter zijn dan ${nlNumber(p.limit)}.`;
    case 'maximum':
      return `${l} is te groot: het grootste dat kan is ${nlNumber(p.limit)}.`;
    case 'exclusiveMaximum':
      return `${l} is te groot: het moet kleiner zijn dan ${nlNumber(p.limit)}.`;
    case 'minItems':
      return `Vul bij ${l} minstens ${nlNumber(p.limit)} in.`;
    case 'maxItems':
      return `Vul bij ${l} hoogstens ${nlNumber(p.limit)} in.`;
    case 'uniqueItems':
      return `${l} bevat iets twee keer.`;
    case 'not':
      return `${l} hoort hier niet bij.`;
    default:
      return `${l} klopt niet.`;
  }
}

/** A problem of the whole request rather than of one field (a body that is not an object, nothing to change). */
function requestMessage(error: FastifySchemaValidationError): string {
  switch (error.keyword) {
    case 'minProperties':
      return 'Er is niets om te wijzigen: vul minstens één gegeven in.';
    case 'type':
      return 'Het verzoek is ongeldig: stuur de gegevens als JSON-object.';
    default:
      return 'Het verzoek is ongeldig.';
  }
}

/** "/mail/replies" → ["mail", "replies"]; an item of a list keeps its index ("terms.1"), as the routes' own checks name it. */
function segments(error: FastifySchemaValidationError): string[] {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  const missing = error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  if (missing !== undefined) parts.push(missing);
  return parts;
}

function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split('/').slice(1)) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** The branch of an anyOf/oneOf an error belongs to ("#/properties/x/anyOf/0/type" under "#/properties/x/anyOf" → 0). */
function branchOf(error: FastifySchemaValidationError, union: FastifySchemaValidationError): number {
  return Number(error.schemaPath.slice(union.schemaPath.length + 1).split('/')[0]);
}

/**
 * With allErrors, a union reports every branch's failures (`remindAt`: "not a date-time" and "not null"). Keep only
 * the branch that fits what was sent best: not one whose type is wrong for it, then the one that misses the fewest
 * fields and has the fewest problems. So a bad date says "geen geldige datum", not "moet leeg zijn".
 */
function pickUnionBranches(errors: readonly FastifySchemaValidationError[]): FastifySchemaValidationError[] {
  let kept = [...errors];
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const union of unions) {
    if (!kept.includes(union)) continue;
    const children = kept.filter((e) => e !== union && e.schemaPath.startsWith(`${union.schemaPath}/`));
    if (children.length === 0) continue;
    const branches = new Map<number, FastifySchemaValidationError[]>();
    for (const child of children) branches.set(branchOf(child, union), [...(branches.get(branchOf(child, union)) ?? []), child]);
    const score = (list: FastifySchemaValidationError[]) =>
      (list.some((e) => e.keyword === 'type' && e.instancePath === union.instancePath) ? 1000 : 0) + 10 * list.filter((e) => e.keyword === 'required').length + list.length;
    // A branch that is only "null" explains nothing about what was meant.
    const isNullBranch = (list: FastifySchemaValidationError[]) =>
      list.length === 1 && list[0]!.keyword === 'type' && (list[0]!.params as { type?: string }).type === 'null';
    const candidates = [...branches.entries()].filter(([, list]) => !isNullBranch(list));
    if (candidates.length === 0) continue;
    const [best] = candidates.reduce((a, b) => (score(b[1]) < score(a[1]) ? b : a));
    kept = kept.filter((e) => e !== union && (!children.includes(e) || branchOf(e, union) === best));
  }
  return kept;
}

/**
 * Fastify's schema errors (ajv, allErrors) as the API's answer: one Dutch message per field, naming it by its label
 * (shared/field-labels.ts). `context` is where the input was (body, querystring, params), `route` the route's
 * `METHOD /url`, `data` the input as validated (to tell an empty text from a short one) and `schema` its schema
 * (the order of its fields).
 */
export function validationAnswer(
  errors: readonly FastifySchemaValidationError[],
  context: string,
  route: string | undefined,
  data: unknown,
  schema?: unknown,
): ValidationAnswer {
  const byField = new Map<string, FastifySchemaValidationError>();
  let general: FastifySchemaValidationError | undefined;
  for (const error of pickUnionBranches(errors)) {
    const field = segments(error).join('.');
    if (!field) {
      general ??= error;
      continue;
    }
    const seen = byField.get(field);
    if (!seen || rank(error.keyword) < rank(seen.keyword)) byField.set(field, error);
  }
  // ajv tells missing fields before wrong ones; a form reads top to bottom, as the schema lists its fields.
  const order = Object.keys((schema as { properties?: object } | undefined)?.properties ?? {});
  const place = (field: string) => {
    const i = order.indexOf(field.split('.')[0]!);
    return i === -1 ? order.length : i;
  };
  const sorted = [...byField].sort(([a], [b]) => place(a) - place(b));
  const fields = sorted.map(([field, error]) => ({
    field,
    message: keywordMessage(error, fieldLabel(field, context, route), error.keyword === 'required' ? undefined : valueAt(data, error.instancePath)),
  }));
  const first = fields[0];
  if (first) return { message: first.message, field: first.field, fields };
  return { message: general ? requestMessage(general) : 'Het verzoek is ongeldig.', fields: [] };
}
