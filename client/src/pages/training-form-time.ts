/**
 * The form's datetime-local inputs hold a wall-clock time without a zone ("2026-12-04T14:00"), which means her own;
 * the API speaks in ISO moments. Converted here both ways, in the browser's time zone.
 */
const twoDigits = (n: number) => String(n).padStart(2, '0');

/** An API moment as a datetime-local input holds it: "2026-12-04T14:00", in her own time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${twoDigits(d.getMonth() + 1)}-${twoDigits(d.getDate())}T${twoDigits(d.getHours())}:${twoDigits(d.getMinutes())}`;
}

/**
 * A datetime-local value (no zone: it means her own) as an ISO moment. What is not a moment is sent as it is, so the
 * server's own Dutch message names the field.
 */
export function toIso(local: string): string {
  const d = new Date(local);
  return local && !Number.isNaN(d.getTime()) ? d.toISOString() : local;
}
