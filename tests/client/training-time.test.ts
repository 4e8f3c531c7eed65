import { describe, expect, it } from 'vitest';
import { eventWhen } from '../../client/src/i18n/nl-trainings.js';
import { toIso, toLocalInput } from '../../client/src/pages/training-form-time.js';

/** Local moments (the process's own time zone, as the browser's is hers): these tests hold in any zone. */
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();

describe('a training’s times', () => {
  it('says a one-day event with one date and a multi-day one with both', () => {
    expect(eventWhen(local(2026, 12, 4, 14, 0), local(2026, 12, 4, 15, 30))).toBe('vrijdag 4 december 2026, 14:00–15:30');
    expect(eventWhen(local(2027, 1, 15, 10, 0), local(2027, 1, 16, 16, 0))).toBe('15 jan 2027, 10:00 tot 16 jan 2027, 16:00');
  });

  it('turns the form’s local date and time into the same moment and back', () => {
    for (const value of ['2026-12-04T14:00', '2027-03-28T09:05', '2027-07-01T23:59', '2027-10-31T00:00']) {
      const iso = toIso(value);
      expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
      expect(new Date(iso).getTime()).toBe(new Date(value).getTime());
      expect(toLocalInput(iso)).toBe(value);
    }
  });

  it('leaves what is not a moment for the server to refuse by name, and an empty value empty', () => {
    expect(toIso('')).toBe('');
    expect(toIso('morgen')).toBe('morgen');
    expect(toLocalInput(null)).toBe('');
  });
});
