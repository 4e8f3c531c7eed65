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
const date = (value: When) => (value instanceof Date ? value : new Date(value));
const twoDigits = (n: number) => String(n).padStart(2, '0');

/** "14:05" */
export const clockTime = (value: When) => {
  const d = date(value);
  return `${twoDigits(d.getHours())}:${twoDigits(d.getMinutes())}`;
};

/** "4 dec 2026" */
export const shortDate = (value: When) => {
  const d = date(value);
  return `${d.getDate()} ${MONTHS_SHORT[d.getMonth()]} ${d.getFullYear()}`;
};

/** "4 december 2026" */
export const longDate = (value: When) => {
  const d = date(value);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
};

/** "vrijdag 4 december 2026" */
export const weekdayDate = (value: When) => `${WEEKDAYS[date(value).getDay()]} ${longDate(value)}`;

/** "4 dec 2026, 14:05" */
export const dateTime = (value: When) => `${shortDate(value)}, ${clockTime(value)}`;
