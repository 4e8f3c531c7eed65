import type { ReactionKind } from '../../../shared/constants';
import { FIELD_LABELS } from '../../../shared/field-labels';

/**
 * Best answers ("Opgelost") and appreciation ("Bedankt", "Nuttig"): part of the Dutch catalogue (see nl.ts),
 * loaded with the forum pages that use it.
 */
export const nlKnowledge = {
  solved: 'Opgelost',
  bestAnswer: 'Beste antwoord',
  mark: 'Markeer als beste antwoord',
  unmark: 'Beste antwoord ongedaan maken',
  marked: 'Dit bericht is gemarkeerd als beste antwoord.',
  unmarked: 'Het beste antwoord is ongedaan gemaakt.',
  /** Followed by the author's name, a link to her page. */
  answerBy: 'Antwoord van',
  viewInThread: 'Bekijk in de discussie',
  reactions: {
    /** The group of buttons, for a screen reader's list of controls. */
    group: 'Waardering',
    kinds: { thanks: 'Bedankt', useful: 'Nuttig' } satisfies Record<ReactionKind, string>,
    /** On one's own post: the counts as text, no buttons. */
    counted: { thanks: (n: number) => `${n}× bedankt`, useful: (n: number) => `${n}× nuttig` } satisfies Record<ReactionKind, (n: number) => string>,
    who: 'wie?',
    whoExplain: 'Bekijk wie dit bericht waardeerde',
    whoTitle: (name: string) => `Waardering voor het bericht van ${name}`,
    nobody: 'Nog niemand.',
  },
  list: {
    filter: 'Toon',
    filters: { all: 'Alle', solved: 'Opgelost', unsolved: 'Nog niet opgelost' },
    sort: 'Sorteren op',
    sorts: { activity: 'Laatste activiteit', reactions: 'Meest gewaardeerd' },
    reactionCount: (n: number) => (n === 1 ? '1 waardering' : `${n} waarderingen`),
    /** Said after a change of filter or order; "or more" when another page can be loaded. */
    shown: (n: number, more: boolean) => (n === 0 ? 'Geen discussies gevonden.' : `${n === 1 ? '1 discussie' : `${n} discussies`}${more ? ' of meer' : ''} getoond.`),
    emptySolved: 'Er zijn nog geen opgeloste discussies in deze categorie.',
    emptyUnsolved: 'Alle discussies in deze categorie zijn opgelost.',
  },
  admin: {
    expectsAnswers: FIELD_LABELS.expectsAnswers,
    expectsAnswersHint: 'Wie een discussie begint, kan een reactie als beste antwoord markeren; leden kunnen de lijst filteren op opgelost en nog niet opgelost.',
  },
} as const;
