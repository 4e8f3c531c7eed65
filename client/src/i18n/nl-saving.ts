import { weekdayDate } from './dutch-time';
import { nl } from './nl';
import { ROUTE_LABELS } from '../../../shared/field-labels';

/**
 * Saving posts ("Bewaren", the page /bewaard) and drafts ("Concept opgeslagen"): part of the Dutch catalogue (see
 * nl.ts), loaded with the thread, new-thread and bookmarks pages. The header link's word is in nl-saving-nav.ts.
 */
export const nlSaving = {
  /** A day beside a reminder preset and in the date range: "vrijdag 11 december 2026", so nobody has to count. */
  day: weekdayDate,
  bookmark: {
    /** The toggle on a post: its state is aria-pressed, its text says the same for those who see it. */
    save: 'Bewaren',
    saved: 'Bewaard',
    titleNew: 'Bericht bewaren',
    titleEdit: 'Bewaard bericht',
    intro: 'Je vindt het terug onder Bewaard. Alleen jij ziet wat je bewaart.',
    note: ROUTE_LABELS['PUT /api/posts/:id/bookmark'].note,
    noteHint: 'Voor jezelf: waarom je dit bewaart.',
    reminder: 'Herinnering',
    choices: {
      none: 'Geen herinnering',
      tomorrow: 'Morgen',
      week: 'Over een week',
      month: 'Over een maand',
      date: 'Op datum…',
    },
    date: 'Datum van de herinnering',
    dateHint: 'Je krijgt om 09:00 uur een melding.',
    dateMissing: 'Kies een datum voor de herinnering.',
    dateRange: (first: string, last: string) => `Kies een datum van ${first} tot en met ${last}.`,
    submit: 'Opslaan',
    busy: 'Bezig met opslaan…',
    remove: 'Niet meer bewaren',
    removing: 'Bezig…',
    loading: 'Je notitie laden…',
    savedStatus: 'Bewaard.',
    removedStatus: 'Niet meer bewaard.',
  },
  page: {
    title: 'Bewaard',
    intro: 'Berichten die je hebt bewaard, nieuwste eerst. Alleen jij ziet deze lijst.',
    list: 'Je bewaarde berichten, nieuwste eerst',
    empty: 'Je hebt nog niets bewaard. Kies „Bewaren” bij een bericht om het hier terug te vinden.',
    /** Before the author's name, which links to her page. */
    by: 'Door ',
    note: 'Je notitie:',
    remindAt: (iso: string) => `Herinnering op ${nl.time.format(iso)}`,
    remindedAt: (iso: string) => `Herinnerd op ${nl.time.format(iso)}`,
    savedAt: (iso: string) => `Bewaard op ${nl.time.format(iso)}`,
    unavailable: 'Dit bericht is niet meer beschikbaar',
    unavailableTitle: 'Niet meer beschikbaar',
    edit: 'Wijzigen',
    remove: 'Niet meer bewaren',
    removed: (title: string | null) => (title ? `„${title}” is niet meer bewaard.` : 'Het bericht is niet meer bewaard.'),
    updated: 'Je wijziging is opgeslagen.',
  },
  draft: {
    saved: 'Concept opgeslagen',
    restored: 'Je concept is teruggezet.',
    failed: 'Je concept kon niet worden opgeslagen. We proberen het opnieuw als je verder typt.',
    discard: 'Concept weggooien',
    discardTitle: 'Concept weggooien?',
    discardReply: 'Je tekst wordt gewist en het opgeslagen concept verwijderd. Dit kun je niet ongedaan maken.',
    discardThread: 'De titel en de tekst worden gewist en het opgeslagen concept verwijderd. Dit kun je niet ongedaan maken.',
    discarded: 'Het concept is weggegooid.',
  },
} as const;
