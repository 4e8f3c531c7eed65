/**
 * The participant list as Dutch Excel opens it: UTF-8 with a byte order mark (else Excel reads it as Windows-1252),
 * semicolons between fields (a comma is the decimal separator there), CRLF lines. A cell that starts with = + - @
 * (or a tab or carriage return) would run as a formula when opened, and names and parties are typed by members: such
 * a cell gets a leading apostrophe, which Excel shows as text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvFile(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
