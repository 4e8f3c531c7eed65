import { describe, expect, it } from 'vitest';
import { clockTime, dateTime, longDate, shortDate, weekdayDate } from '../../client/src/i18n/dutch-time.js';

/** Every month and weekday, around midnight and noon, in two years: written out, they read as nl-NL's Intl has them. */
const moments = [2026, 2027].flatMap((year) =>
  Array.from({ length: 12 }, (_, month) => [new Date(year, month, 1 + month, 0, 0), new Date(year, month, 28 - month, 12, 7), new Date(year, month, 9, 23, 59)]).flat(),
);

const intl = (options: Intl.DateTimeFormatOptions) => (d: Date) => new Intl.DateTimeFormat('nl-NL', options).format(d);

describe('dates in Dutch without Intl', () => {
  it.each([
    ['dateTime', dateTime, intl({ dateStyle: 'medium', timeStyle: 'short' })],
    ['longDate', longDate, intl({ dateStyle: 'long' })],
    ['shortDate', shortDate, intl({ dateStyle: 'medium' })],
    ['weekdayDate', weekdayDate, intl({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })],
    ['clockTime', clockTime, intl({ hour: '2-digit', minute: '2-digit' })],
  ] as const)('%s reads as Intl writes it', (_, ours, theirs) => {
    for (const moment of moments) expect(ours(moment), moment.toString()).toBe(theirs(moment));
  });

  it('takes the API’s ISO strings as well as dates', () => {
    const iso = '2026-12-04T13:05:00.000Z';
    expect(dateTime(iso)).toBe(dateTime(new Date(iso)));
  });
});
