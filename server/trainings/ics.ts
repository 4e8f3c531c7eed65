/**
 * One iCalendar event (RFC 5545) for "Zet in je agenda": small enough to write here rather than add a dependency.
 * Text values are escaped (backslash, semicolon, comma, newline), every line is folded at 75 octets (not characters:
 * a Dutch é is two) without splitting a UTF-8 sequence, lines end in CRLF, moments are UTC. Never the meeting link:
 * a calendar file is forwarded and synced to places the training's page is not.
 */

export interface CalendarEvent {
  uid: string;
  /** When this file was made (RFC 5545: with METHOD, the moment the object was created). */
  stamp: Date;
  /** When staff last changed the training: a calendar that imported an older file sees it is newer. */
  lastModified: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  cancelled: boolean;
}

/** 20261210T183000Z */
export const icsMoment = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export const escapeText = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Splits a content line into pieces of at most 75 octets; each continuation starts with one space (which counts). */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const max = pieces.length === 0 ? 75 : 74;
    if (octets + size > max) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

export function calendarFile(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Plein//Trainingen//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsMoment(event.stamp)}`,
    `LAST-MODIFIED:${icsMoment(event.lastModified)}`,
    `DTSTART:${icsMoment(event.start)}`,
    `DTEND:${icsMoment(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    `URL:${event.url}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
