/**
 * The moments every part of the stack can hold: the years 0001 to 9999. JavaScript goes further (±275,760 years),
 * but toISOString() then writes "+010000-…" or "-000001-…", which PostgreSQL refuses, and PostgreSQL has no year 0.
 * A date from a client outside this range is a 400, never a query that fails.
 */
export const EARLIEST_MS = Date.parse('0001-01-01T00:00:00.000Z');
/** Exclusive: the first moment of the year 10000. */
export const END_MS = Date.parse('+010000-01-01T00:00:00.000Z');

export function inDateRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms < END_MS;
}
