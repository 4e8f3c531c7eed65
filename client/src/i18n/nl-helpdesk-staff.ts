import type { HelpdeskStatus, HelpdeskView } from '../../../shared/constants';

/** The team's side of the helpdesk (inbox, answering, canned answers, figures): loaded by the team's pages only. */
export const nlHelpdeskStaff = {
  inbox: {
    title: 'Inbox van de helpdesk',
    intro: 'De vragen van leden aan het kenniscentrum. Het hele team deelt deze inbox.',
    tabs: 'Weergave',
    tab: {
      unassigned: 'Niet toegewezen',
      mine: 'Van mij',
      open: 'Alle open',
      waiting: 'Wacht op lid',
      closed: 'Gesloten',
    } satisfies Record<HelpdeskView, string>,
    tabName: (name: string, n: number) => `${name} (${n})`,
    empty: 'Geen vragen in deze weergave.',
    label: (tab: string) => `Vragen: ${tab}`,
    asker: (name: string) => `Van ${name}`,
    formerMember: 'Oud-lid',
    assignee: (name: string) => `Behandeld door ${name}`,
    nobody: 'Niet toegewezen',
    lastActivity: 'Laatste activiteit: ',
    messages: (n: number) => `${n} ${n === 1 ? 'bericht' : 'berichten'}`,
    lastByTeam: 'Kenniscentrum: ',
    lastByAsker: 'Lid: ',
    canned: 'Standaardantwoorden',
    stats: 'Cijfers',
    more: 'Meer over de helpdesk',
    loadMore: 'Meer vragen laden',
  },
  question: {
    breadcrumb: 'Inbox van de helpdesk',
    from: (name: string) => `Gesteld door ${name}`,
    internal: 'Interne notitie – alleen zichtbaar voor het team',
    internalLabel: (name: string) => `Interne notitie van ${name}`,
    announceNew: (name: string) => `Nieuw bericht van ${name}.`,
    triageHeading: 'Behandeling',
    assignee: 'Toegewezen aan',
    nobody: 'Niemand',
    status: 'Status',
    category: 'Categorie',
    noCategory: 'Geen categorie',
    saveTriage: 'Opslaan',
    triageBusy: 'Bezig met opslaan…',
    triageSaved: 'De behandeling is opgeslagen.',
    answerHeading: 'Antwoorden',
    kind: 'Soort bericht',
    toMember: 'Antwoord aan het lid',
    note: 'Interne notitie',
    noteHint: 'Een interne notitie ziet alleen het team; het lid krijgt er niets van te zien.',
    canned: 'Standaardantwoord invoegen',
    cannedNone: 'Kies een standaardantwoord',
    answerLabel: 'Je antwoord',
    noteLabel: 'Je notitie',
    send: 'Versturen',
    sendNote: 'Notitie opslaan',
    busy: 'Bezig met versturen…',
  },
  status: {
    open: 'Open (aan het kenniscentrum)',
    waiting: 'Wacht op lid',
    closed: 'Gesloten',
  } satisfies Record<HelpdeskStatus, string>,
  publish: {
    heading: 'Publiceren op het forum',
    consent: (how: string) => `Het lid gaf toestemming om de vraag en het antwoord te delen: ${how}.`,
    anonymous: 'anoniem',
    withName: 'met haar of zijn naam',
    withAffiliation: 'zonder naam, met partij en gemeente',
    reminder: 'Haal namen en andere gegevens weg die naar het lid of de gemeente verwijzen.',
    category: 'Categorie',
    title: 'Titel',
    question: 'De vraag',
    answer: 'Het antwoord',
    submit: 'Publiceren op het forum',
    busy: 'Bezig met publiceren…',
    done: 'De vraag is gepubliceerd op het forum.',
    thread: 'Bekijk de discussie',
    noConsent: 'Het lid heeft (nog) geen toestemming gegeven om deze vraag te delen.',
  },
  canned: {
    title: 'Standaardantwoorden',
    intro: 'Teksten die het team in een antwoord kan invoegen en daarna aanpassen.',
    empty: 'Er zijn nog geen standaardantwoorden.',
    label: 'Standaardantwoorden',
    addHeading: 'Nieuw standaardantwoord',
    editHeading: (title: string) => `„${title}” bewerken`,
    name: 'Titel',
    body: 'Tekst',
    add: 'Toevoegen',
    save: 'Opslaan',
    busy: 'Bezig…',
    edit: 'Bewerken',
    editNamed: (title: string) => `„${title}” bewerken`,
    remove: 'Verwijderen',
    removeNamed: (title: string) => `„${title}” verwijderen`,
    removeTitle: 'Standaardantwoord verwijderen',
    confirmRemove: (title: string) => `Weet je zeker dat je „${title}” wilt verwijderen?`,
    cancel: 'Annuleren',
    added: (title: string) => `„${title}” is toegevoegd.`,
    saved: (title: string) => `„${title}” is opgeslagen.`,
    removed: (title: string) => `„${title}” is verwijderd.`,
  },
  stats: {
    title: 'Cijfers van de helpdesk',
    intro: 'Per maand: hoeveel vragen er binnenkwamen, hoeveel een eerste antwoord kregen en hoe lang dat duurde.',
    caption: 'Vragen en reactietijd per maand, nieuwste maand eerst',
    month: 'Maand',
    asked: 'Gesteld',
    answered: 'Beantwoord',
    median: 'Mediane reactietijd',
    average: 'Gemiddelde reactietijd',
    none: '–',
    empty: 'Er zijn nog geen vragen gesteld.',
  },
} as const;

/** Minutes as the team reads them: "45 min", "2 u 15 min", "3 d 4 u". */
export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} u` : `${hours} u ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} u`;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/** "2026-12" → "december 2026". */
export const monthName = (month: string) => {
  const [year, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${year}`;
};
