import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { fieldLabel } from '../../shared/field-labels.js';
import { badRequest } from './errors.js';

/**
 * Characters no text input may hold: C0 controls but tab, line feed and carriage return; DEL; C1 controls; and
 * lone surrogates (half a UTF-16 pair: not a character, and the database driver would silently turn it into U+FFFD).
 * PostgreSQL refuses a NUL in text outright, which used to surface as a 500.
 */
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const NEVER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const UNPRINTABLE_ALL = new RegExp(`${NEVER.source}|${LINE_BREAK_OR_TAB.source}`, 'g');

/**
 * The one table of fields (by their last path segment, in body, query or path alike) that may hold line breaks and
 * tabs: the texts written in a textarea, and passwords (whatever a password manager typed is the member's secret).
 * Every other field is a single line: a name, title, e-mail or search with a line break in it is a mistake or a trick.
 */
const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set(['body', 'note', 'reason', 'password', 'currentPassword', 'newPassword']);

interface Node {
  value: unknown;
  /** The key or index this value has in its parent; '' at the top. */
  key: string;
  parent: Node | null;
}

function pathOf(node: Node): string {
  const keys: string[] = [];
  for (let n: Node | null = node; n && n.parent; n = n.parent) keys.push(n.key);
  return keys.reverse().join('.');
}

/** A string with no field around it (a text/plain body, a cursor key) is held to the characters only. */
function badText(text: string, node: Node): boolean {
  return NEVER.test(text) || (node.parent !== null && !MULTI_LINE_FIELDS.has(node.key) && LINE_BREAK_OR_TAB.test(text));
}

/**
 * The dotted path ("profile.party", "ids.0") of the first string (value or key) with a forbidden character, or null.
 * Walked with a stack of its own, not recursion: a JSON body may nest tens of thousands of levels deep, and the
 * paths are only put together for the one that is reported.
 */
export function findBadCharacters(value: unknown): string | null {
  const stack: Node[] = [{ value, key: '', parent: null }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (typeof node.value === 'string') {
      if (badText(node.value, node)) return pathOf(node);
      continue;
    }
    // Raw bytes (an uploaded picture: members/avatar-routes.ts) are not text a route reads; do not walk them byte by byte.
    if (typeof node.value !== 'object' || node.value === null || ArrayBuffer.isView(node.value)) continue;
    const entries: [string, unknown][] = Array.isArray(node.value) ? node.value.map((v, i) => [String(i), v]) : Object.entries(node.value);
    for (const [key, item] of entries) {
      // A bad key is named with its bad characters replaced: the answer should not echo them.
      if (NEVER.test(key) || LINE_BREAK_OR_TAB.test(key)) return pathOf({ value: item, key: key.replace(UNPRINTABLE_ALL, '\uFFFD'), parent: node });
    }
    // Pushed in reverse, so the first key is looked at first and the first bad field is the one named.
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: node });
  }
  return null;
}

/**
 * One check for every route: path parameters, query string and JSON body are searched before the schema validation
 * (and so before any handler), after the session and access checks of onRequest. A route needs no code of its own.
 */
async function textInput(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const route = request.routeOptions.url ? `${request.method} ${request.routeOptions.url}` : undefined;
    for (const [context, part] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
      const field = findBadCharacters(part);
      if (field === '') throw badRequest('invalid_characters', 'Het verzoek bevat tekens die niet zijn toegestaan (zoals stuurtekens).');
      if (field !== null) {
        throw badRequest('invalid_characters', `„${fieldLabel(field, context, route)}” bevat tekens die niet zijn toegestaan (zoals stuurtekens of een regeleinde in een veld van één regel).`, field);
      }
    }
  });
}

export default fp(textInput, { name: 'text-input' });
