import { FIELD_LABELS } from '../../../shared/field-labels';

/**
 * Searching: the search page, "Vergelijkbare discussies" in the new-thread composer and the admins' synonym list.
 * Part of the Dutch catalogue (see nl.ts), loaded with those pages only.
 */
export const nlSearch = {
  page: {
    title: 'Zoeken',
    intro: 'Zoek in alle discussies die je mag lezen. Je vindt ook andere vormen van een woord (fuseren, fusie) en samenstellingen (privacy, privacywet).',
    query: 'Zoekterm',
    category: 'Categorie',
    allCategories: 'Alle categorieën',
    from: 'Vanaf datum',
    to: 'Tot en met datum',
    sort: 'Sorteren op',
    sorts: { relevance: 'Relevantie', newest: 'Nieuwste' },
    status: 'Status',
    allStatuses: 'Alle discussies',
    statuses: { solved: 'Opgelost', unsolved: 'Nog niet opgelost' },
    submit: 'Zoeken',
    unavailable: 'Zoeken is nog niet beschikbaar.',
  },
  results: {
    for: (q: string) => `Resultaten voor „${q}”`,
    noneFor: (q: string) => `Geen resultaten voor „${q}”`,
    noneHint: 'Probeer een ander of korter woord, of zoek zonder filters.',
    count: (n: number, more: boolean) => (more ? `Meer dan ${n} discussies` : n === 1 ? '1 discussie' : `${n} discussies`),
    partial: 'Geen discussie bevat al je zoekwoorden. Dit zijn de discussies met de meeste ervan.',
    /** Under the heading of hits for a corrected query: what the member typed found nothing. */
    correctedFrom: (typed: string) => `Niets gevonden voor „${typed}”. Dit zijn de resultaten voor de verbeterde spelling.`,
    /** Under the heading of hits for what she typed, when a correction finds more: offered, not applied. */
    suggestionBefore: 'Zoek in plaats daarvan naar',
    matchingPosts: (n: number) => `${n} berichten komen overeen`,
    /** The badge on a hit whose thread has a best answer. */
    solved: 'Opgelost',
    /** For the live region: the whole outcome in one sentence. */
    announce: ({ query, resultsFor, count, partial, suggestion }: { query: string; resultsFor: string; count: string; partial: boolean; suggestion?: string }) =>
      [
        resultsFor === query ? `${count} gevonden.` : `Geen resultaten voor „${query}”. ${count} gevonden voor „${resultsFor}”.`,
        partial ? 'Geen discussie bevat al je zoekwoorden.' : '',
        suggestion ? `Je kunt ook zoeken naar „${suggestion}”.` : '',
      ]
        .filter(Boolean)
        .join(' '),
  },
  author: {
    label: 'Schrijver',
    hint: 'Typ een deel van een naam en kies uit de lijst.',
    list: 'Leden',
    clear: (name: string) => `Schrijver ${name} wissen`,
    unknown: (id: number) => `lid ${id}`,
    choose: 'Kies een schrijver uit de lijst, of maak het veld leeg.',
    count: (n: number) => (n === 1 ? '1 lid gevonden' : `${n} leden gevonden`),
  },
  similar: {
    title: 'Vergelijkbare discussies',
    intro: 'Staat je vraag hier al tussen? Ze openen in een nieuw tabblad, zodat je tekst blijft staan.',
    newTab: '(opent in een nieuw tabblad)',
    posts: (n: number) => (n === 1 ? '1 bericht' : `${n} berichten`),
    lastActivity: 'laatste activiteit',
    found: (n: number) => (n === 1 ? '1 vergelijkbare discussie gevonden.' : `${n} vergelijkbare discussies gevonden.`),
  },
  synonyms: {
    title: 'Synoniemen voor zoeken',
    nav: 'Synoniemen',
    intro: 'Zoeken op één van deze woorden vindt ook de andere. Gebruik dit voor afkortingen en woorden die hier hetzelfde betekenen, zoals ALV en algemene ledenvergadering.',
    rules: 'Een groep heeft 2 tot 10 woorden of uitdrukkingen. Hoofdletters en extra spaties maken niet uit; aanhalingstekens kunnen niet.',
    listHeading: 'Groepen',
    empty: 'Er zijn nog geen synoniemen.',
    addHeading: 'Groep toevoegen',
    terms: FIELD_LABELS.terms,
    termsHint: 'Scheid ze met komma’s, bijvoorbeeld: vog, verklaring omtrent het gedrag',
    add: 'Toevoegen',
    busy: 'Bezig met opslaan…',
    edit: 'Wijzigen',
    editLabel: (terms: string) => `Groep ${terms} wijzigen`,
    editTitle: 'Groep wijzigen',
    save: 'Wijziging opslaan',
    delete: 'Verwijderen',
    deleteLabel: (terms: string) => `Groep ${terms} verwijderen`,
    deleteTitle: 'Groep verwijderen',
    confirmDelete: (terms: string) => `Weet je zeker dat je de groep „${terms}” wilt verwijderen? Zoeken op een van deze woorden vindt de andere dan niet meer.`,
    tooFew: 'Vul minstens twee verschillende woorden of uitdrukkingen in, gescheiden door komma’s.',
    added: (terms: string) => `De groep „${terms}” is toegevoegd.`,
    changed: (terms: string) => `De groep „${terms}” is gewijzigd.`,
    deleted: (terms: string) => `De groep „${terms}” is verwijderd.`,
    updated: (when: string) => `gewijzigd ${when}`,
  },
} as const;
