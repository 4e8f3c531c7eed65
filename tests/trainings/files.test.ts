import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFile, escapeText, foldLine } from '../../server/trainings/ics.js';
import { csvCell } from '../../server/trainings/csv.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { createTraining, HOUR } from './fixtures.js';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false, env: { PUBLIC_ORIGIN: 'https://plein.example.nl' } });
  staff = (await t.login({ centreTeam: true })).client;
});
afterAll(() => t.close());

/** Unfolds an iCalendar file into its logical lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('the participant list as CSV', () => {
  it('is UTF-8 with BOM, semicolon separated, participants then the waiting list, and safe from formulas', async () => {
    const training = await createTraining(staff, t.db, { capacity: 1 });
    const first = await t.login({ displayName: 'Anna de Vries', party: 'Lokaal Belang; Groen', municipality: 'Utrecht' });
    const second = await t.login({ displayName: '=HYPERLINK("https://kwaad.example")', party: '+31 Partij', municipality: '@Gouda' });
    await first.client.post(`/api/trainings/${training.id}/signup`);
    await second.client.post(`/api/trainings/${training.id}/signup`);

    const res = await staff.get<string>(`/api/trainings/${training.id}/participants.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="deelnemers-training-${training.id}.csv"`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const bytes = res.raw.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.raw.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('naam;partij;gemeente;e-mail;status;aangemeld op');
    expect(lines[1]).toMatch(new RegExp(`^Anna de Vries;"Lokaal Belang; Groen";Utrecht;${first.user.email};deelnemer;\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}$`));
    expect(lines[2]).toMatch(new RegExp(`^"'=HYPERLINK\\(""https://kwaad.example""\\)";'\\+31 Partij;'@Gouda;${second.user.email};wachtlijst 1;`));
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('neutralises every formula start and quotes what needs it', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'gewoon', 'a"b', 'a;b', 'regel\nnieuw'].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      'gewoon',
      '"a""b"',
      '"a;b"',
      '"regel\nnieuw"',
    ]);
  });
});

describe('the calendar file', () => {
  it('has one VEVENT in UTC with the page link from the public origin, escaped and folded, and never the meeting link', async () => {
    const training = await createTraining(staff, t.db, {
      title: 'Omgevingswet; wat nu, voor de raad?',
      description: 'Een middag over de Omgevingswet, met **voorbeelden** uit gemeenten als Súdwest-Fryslân en ’s-Hertogenbosch. '.repeat(3),
      location: 'Gemeentehuis, Raadzaal',
    });
    const member = (await t.login()).client;
    const res = await member.get<string>(`/api/trainings/${training.id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="training-${training.id}.ics"`);
    const ics = res.raw.body;
    expect(ics).not.toContain('meet.example.nl');
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const physical of ics.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
    const lines = unfold(ics);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    const start = training.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        `UID:training-${training.id}@plein.example.nl`,
        `DTSTART:${start}`,
        'SUMMARY:Omgevingswet\\; wat nu\\, voor de raad?',
        'LOCATION:Gemeentehuis\\, Raadzaal',
        `URL:https://plein.example.nl/trainingen/${training.id}`,
        'STATUS:CONFIRMED',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
    expect(lines.find((l) => l.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(lines.find((l) => l.startsWith('DTEND:'))).toMatch(/^DTEND:\d{8}T\d{6}Z$/);
    const description = lines.find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(description).toContain('Súdwest-Fryslân');
    expect(description).toContain(`Meer informatie en aanmelden: https://plein.example.nl/trainingen/${training.id}`);
    expect(description).toContain('\\n\\n');
    expect(description).not.toContain('**');

    // Even a participant inside the link's window gets no link in the file, and a cancelled one says so.
    await member.post(`/api/trainings/${training.id}/signup`);
    await staff.post(`/api/trainings/${training.id}/cancel`);
    const after = (await member.get<string>(`/api/trainings/${training.id}/calendar.ics`)).raw.body;
    expect(after).toContain('STATUS:CANCELLED');
    expect(after).not.toContain('meet.example.nl');
  });

  it('escapes text and folds at 75 octets without splitting a character', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const long = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldLine(long);
    for (const piece of folded.split('\r\n')) expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    const file = calendarFile({
      uid: 'x@y',
      stamp: new Date('2026-12-01T10:00:00.000Z'),
      lastModified: new Date('2026-11-30T09:00:00.000Z'),
      start: new Date('2026-12-10T18:30:00.000Z'),
      end: new Date(Date.parse('2026-12-10T18:30:00.000Z') + 2 * HOUR),
      summary: 'S',
      description: 'D',
      location: null,
      url: 'https://p.example/trainingen/1',
      cancelled: false,
    });
    expect(file).toContain('\r\nDTSTART:20261210T183000Z\r\nDTEND:20261210T203000Z\r\n');
    expect(file).toContain('\r\nDTSTAMP:20261201T100000Z\r\nLAST-MODIFIED:20261130T090000Z\r\n');
    expect(file).not.toContain('LOCATION');
  });
});
