import { clockTime, dateTime, shortDate, weekdayDate } from './dutch-time';

type Kind = 'training' | 'kennisuitwisseling' | 'webinar';

const places = (n: number) => (n === 1 ? '1 plaats' : `${n} plaatsen`);
const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * "vrijdag 4 december 2026, 14:00–15:00", or with both dates when it runs over more than one day (the two course
 * days of a training): "4 dec 2026, 10:00 tot 5 dec 2026, 16:00". In her own time zone, as every time in Plein.
 */
export function eventWhen(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  return sameDay(start, end) ? `${weekdayDate(start)}, ${clockTime(start)}–${clockTime(end)}` : `${dateTime(start)} tot ${dateTime(end)}`;
}

/** Trainings and knowledge exchanges, for members (pages/trainings.tsx, pages/training.tsx, the "Binnenkort" block). */
export const nlTrainings = {
  title: 'Trainingen en kennisuitwisselingen',
  intro:
    'Trainingen, kennisuitwisselingen en webinars van het kenniscentrum. Meld je aan; is een bijeenkomst vol, dan kom je op de wachtlijst en schuif je vanzelf door zodra er een plaats vrijkomt.',
  create: 'Nieuwe training',
  tabs: 'Bijeenkomsten',
  tab: { upcoming: 'Komend', past: 'Afgelopen' },
  list: { upcoming: 'Komende bijeenkomsten, eerstvolgende eerst', past: 'Afgelopen bijeenkomsten, meest recente eerst' },
  empty: { upcoming: 'Er staan op dit moment geen bijeenkomsten gepland.', past: 'Er zijn nog geen afgelopen bijeenkomsten.' },
  kinds: { training: 'Training', kennisuitwisseling: 'Kennisuitwisseling', webinar: 'Webinar' } satisfies Record<Kind, string>,
  online: 'Online',
  onlineAnd: (location: string) => `${location} en online`,
  placesLeft: (n: number) => `Nog ${places(n)} vrij`,
  full: 'Vol — wachtlijst',
  waitingCount: (n: number) => (n === 1 ? '1 persoon op de wachtlijst' : `${n} mensen op de wachtlijst`),
  capacity: (capacity: number, participants: number) => `${places(capacity)}, ${participants} ${participants === 1 ? 'deelnemer' : 'deelnemers'}`,
  cancelled: 'Gaat niet door',
  closed: 'Aanmelden gesloten',
  badgeParticipant: 'Je bent aangemeld',
  badgeWaiting: (position: number | null) => (position === null ? 'Op de wachtlijst' : `Op de wachtlijst, plaats ${position}`),
  when: eventWhen,
  date: shortDate,
  dateTime,

  // The detail page.
  details: 'Gegevens',
  whenLabel: 'Wanneer',
  whereLabel: 'Waar',
  categoryLabel: 'Categorie',
  placesLabel: 'Plaatsen',
  deadlineLabel: 'Aanmelden kan tot',
  description: 'Over deze bijeenkomst',
  entryCriteria: 'Toelatingscriteria',
  cancelledNotice: 'Deze bijeenkomst gaat niet door. Aanmelden kan niet meer.',
  pastNotice: 'Deze bijeenkomst is voorbij.',
  signup: {
    heading: 'Aanmelden',
    join: 'Aanmelden',
    joinWaiting: 'Aanmelden voor de wachtlijst',
    fullHint: 'Alle plaatsen zijn bezet. Je komt op de wachtlijst en krijgt vanzelf een plaats als iemand zich afmeldt; je krijgt dan bericht.',
    participant: 'Je bent aangemeld voor deze bijeenkomst.',
    waiting: (position: number | null) => (position === null ? 'Je staat op de wachtlijst.' : `Je staat op de wachtlijst, plaats ${position}.`),
    leave: 'Afmelden',
    leaveWaiting: 'Van de wachtlijst af',
    leaveTitle: 'Afmelden voor deze bijeenkomst',
    leaveConfirm: 'Weet je zeker dat je je afmeldt? Je plaats gaat naar de eerste op de wachtlijst; wil je later toch komen, dan sluit je achteraan aan.',
    leaveWaitingConfirm: 'Weet je zeker dat je van de wachtlijst af wilt? Meld je je later weer aan, dan sluit je achteraan aan.',
    joined: 'Je bent aangemeld. Je krijgt de dag ervoor een herinnering per e-mail.',
    joinedWaiting: 'Je bent aangemeld voor de wachtlijst. Komt er een plaats vrij, dan krijg je die vanzelf en krijg je bericht.',
    left: 'Je bent afgemeld.',
    leftWaiting: 'Je staat niet meer op de wachtlijst.',
    closed: 'Aanmelden is gesloten.',
  },
  meeting: {
    heading: 'Online deelnemen',
    join: 'Naar de online bijeenkomst',
    opensAt: (when: string) => `De link verschijnt hier vanaf ${when}.`,
    onlyParticipants: 'Wie is aangemeld, ziet hier kort voor de start de link naar de online bijeenkomst.',
  },
  calendar: 'Zet in je agenda',
  discussion: 'Naar de discussie over deze bijeenkomst',
  discussionHint: 'Vragen vooraf en materiaal achteraf: in de discussie kan iedereen meelezen en meepraten.',
  backToList: 'Alle trainingen en kennisuitwisselingen',

  // The block on the forum's overview.
  soon: {
    heading: 'Binnenkort',
    all: 'Alle trainingen en kennisuitwisselingen',
  },
} as const;
