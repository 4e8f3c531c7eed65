import { inDateRange } from './dates.js';
import { badRequest } from './errors.js';
import { findBadCharacters } from './text-input.js';

/** The range of a PostgreSQL integer column, which every id (and every count a cursor carries) lives in. */
const ID_MAX = 2_147_483_647;

/**
 * Keyset cursors are opaque to clients: base64url of a small JSON array of the last row's sort keys.
 * A cursor that does not decode to the shape the route expects is a 400, never a 500. A client can write any
 * cursor, so each key is checked to the range the query can take:
 * - 'number': a row id or a count, 1..2^31-1;
 * - 'moment': milliseconds since 1970 within the years 0001–9999 (see dates.ts), decoded to a Date;
 * - 'date': an ISO date string within those years, decoded to a Date;
 * - 'string': one line of text without control characters (see text-input.ts);
 * - 'boolean'.
 */
export function encodeCursor(keys: readonly (string | number | boolean | null)[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

export function decodeCursor<T extends readonly ('string' | 'number' | 'boolean' | 'date' | 'moment')[]>(
  cursor: string | undefined,
  shape: T,
): { [K in keyof T]: T[K] extends 'number' ? number : T[K] extends 'boolean' ? boolean : T[K] extends 'date' | 'moment' ? Date : string } | null {
  if (cursor === undefined || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length) throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
  const out = parsed.map((value: unknown, i) => {
    const key = decodeKey(shape[i]!, value);
    if (key === undefined) throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
    return key;
  });
  return out as never;
}

/** The key as the route gets it, or undefined when it is not of that kind or out of its range. */
function decodeKey(kind: 'string' | 'number' | 'boolean' | 'date' | 'moment', value: unknown): string | number | boolean | Date | undefined {
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= ID_MAX ? value : undefined;
    case 'moment':
      return typeof value === 'number' && Number.isInteger(value) && inDateRange(value) ? new Date(value) : undefined;
    case 'date': {
      const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return inDateRange(ms) ? new Date(ms) : undefined;
    }
    case 'string':
      return typeof value === 'string' && findBadCharacters(value) === null ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
  }
}

export function pageSize(limit: number | undefined, fallback = 20): number {
  return limit ?? fallback;
}
