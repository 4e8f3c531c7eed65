import { badRequest } from './errors.js';

/**
 * Keyset cursors are opaque to clients: base64url of a small JSON array of the last row's sort keys.
 * A cursor that does not decode to the shape the route expects is a 400, never a 500.
 */
export function encodeCursor(keys: readonly (string | number | boolean | null)[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

export function decodeCursor<T extends readonly ('string' | 'number' | 'boolean' | 'date')[]>(
  cursor: string | undefined,
  shape: T,
): { [K in keyof T]: T[K] extends 'number' ? number : T[K] extends 'boolean' ? boolean : T[K] extends 'date' ? Date : string } | null {
  if (cursor === undefined || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length) throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
  const out = parsed.map((value: unknown, i) => {
    const kind = shape[i];
    if (kind === 'date') {
      const date = typeof value === 'string' ? new Date(value) : null;
      if (!date || Number.isNaN(date.getTime())) throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
      return date;
    }
    if (kind === 'number' && !(typeof value === 'number' && Number.isSafeInteger(value))) throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
    if (kind !== 'number' && typeof value !== kind) throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
    return value;
  });
  return out as never;
}

export function pageSize(limit: number | undefined, fallback = 20): number {
  return limit ?? fallback;
}
