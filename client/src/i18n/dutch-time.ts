/**
 * Dates and times as nl-NL writes them ("4 dec 2026, 14:05"), in the reader's own time zone. Written out here
 * instead of through Intl.DateTimeFormat: the first formatter a page makes costs the browser some 20 ms (80 ms on
 * Lighthouse's phone) loading its locale data, which was the largest single cost of drawing a thread
 * (docs/benchmarks.md). tests/client/dutch-time.test.ts checks every form against Intl's.
 */
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_SHORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];

type When = string | Date;
const twoDigits = (n: number) => String(n).padStart(2, '0');

// Each form from a Date; the exported ones below read the API's ISO string (or take a Date) once.
const clock = (d: Date) => `${twoDigits(d.getHours())}:${twoDigits(d.getMinutes())}`;
const short = (d: Date) => `${d.getDate()} ${MONTHS_SHORT[d.getMonth()]} ${d.getFullYear()}`;
const long = (d: Date) => `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
const when = <T>(format: (d: Date) => T) => (value: When) => format(value instanceof Date ? value : new Date(value));

/** "14:05" */
export const clockTime = when(clock);
/** "4 dec 2026" */
export const shortDate = when(short);
/** "4 december 2026" */
export const longDate = when(long);
/** "vrijdag 4 december 2026" */
export const weekdayDate = when((d) => `${WEEKDAYS[d.getDay()]} ${long(d)}`);
/** "4 dec 2026, 14:05" */
export const dateTime = when((d) => `${short(d)}, ${clock(d)}`);
