/**
 * How a training's time and place read in Dutch, in the thread's first post and in mail: Dutch time (Europe/Amsterdam),
 * whatever the server's zone. Never the meeting link: these texts reach people who may not have it.
 */

const ZONE = 'Europe/Amsterdam';
const day = (d: Date) => d.toLocaleDateString('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE });
const clock = (d: Date) => d.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: ZONE });

/** "donderdag 10 december 2026, 19:30–21:30", or both days when it runs past midnight. */
export function whenText(startsAt: Date, endsAt: Date): string {
  const sameDay = day(startsAt) === day(endsAt);
  return sameDay ? `${day(startsAt)}, ${clock(startsAt)}–${clock(endsAt)}` : `${day(startsAt)} ${clock(startsAt)} tot ${day(endsAt)} ${clock(endsAt)}`;
}

export function whereText(location: string | null, online: boolean): string {
  if (location && online) return `${location} en online`;
  return location ?? 'Online (de link staat op de pagina van de training voor wie een plaats heeft)';
}

export const trainingPath = (id: number) => `/trainingen/${id}`;

/** Markdown special characters in text staff typed as plain text (the place), so it shows as written. */
const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]{}()#+\-.!<>|~])/g, '\\$1');

/** The first post of a training's discussion thread (Markdown): when, where, where to sign up, then the description. */
export function threadOpening(id: number, t: { startsAt: Date; endsAt: Date; location: string | null; meetingUrl: string | null; description: string }): string {
  return [
    `**Wanneer:** ${whenText(t.startsAt, t.endsAt)}  `,
    `**Waar:** ${escapeMarkdown(whereText(t.location, t.meetingUrl !== null))}  `,
    `**Aanmelden:** [op de pagina van de training](${trainingPath(id)})`,
    '',
    t.description,
  ].join('\n');
}
