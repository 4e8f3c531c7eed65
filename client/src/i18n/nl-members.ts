import { FIELD_LABELS } from '../../../shared/field-labels';

/** Members' pages, the members directory and the @-autocomplete: part of the Dutch catalogue (see nl.ts). */
export const nlMembers = {
  page: {
    party: 'Partij',
    municipality: 'Gemeente',
    role: 'Functie',
    noRole: 'Geen functie opgegeven',
    verified: 'geverifieerd door de moderatoren',
    /** The badge beside the role. */
    verifiedBadge: 'Geverifieerd',
    since: 'Lid sinds',
    statsTitle: 'Op Plein',
    stats: {
      threads: (n: number) => (n === 1 ? '1 discussie gestart' : `${n} discussies gestart`),
      posts: (n: number) => (n === 1 ? '1 bericht' : `${n} berichten`),
      bestAnswers: (n: number) => (n === 1 ? '1 beste antwoord' : `${n} beste antwoorden`),
      thanksReceived: (n: number) => (n === 1 ? '1 keer bedankt of nuttig gevonden' : `${n} keer bedankt of nuttig gevonden`),
    },
    threadsTitle: 'Gestarte discussies',
    threadsEmpty: 'Geen discussies die jij kunt zien.',
    postsTitle: 'Recente berichten',
    postsEmpty: 'Geen berichten die jij kunt zien.',
    bestAnswersTitle: 'Beste antwoorden',
    bestAnswersEmpty: 'Nog geen beste antwoorden.',
    /** Under a thread of hers: how many posts, and when the last one came. */
    threadMeta: (posts: number) => (posts === 1 ? '1 bericht · laatste activiteit' : `${posts} berichten · laatste activiteit`),
    solved: 'Opgelost',
    toDirectory: 'Alle leden',
  },
  directory: {
    title: 'Leden',
    intro: 'Vind andere leden op naam, gemeente, provincie of functie. Partij en gemeente zie je alleen van leden die ervoor kiezen ze te tonen.',
    filters: 'Leden zoeken',
    q: 'Naam',
    municipality: 'Gemeente',
    province: 'Provincie',
    allProvinces: 'Alle provincies',
    role: 'Functie',
    allRoles: 'Alle functies',
    submit: 'Zoeken',
    reset: 'Alle filters wissen',
    resultsTitle: 'Gevonden leden',
    /** A role a moderator checked, in a row of the list. */
    verifiedRole: (role: string) => `${role} (geverifieerd)`,
    empty: 'Geen leden gevonden. Probeer minder filters.',
    /** Said when a search is done (the list itself is not a live region). */
    found: (n: number, more: boolean) => (n === 0 ? 'Geen leden gevonden.' : `${n}${more ? ' of meer' : ''} ${n === 1 && !more ? 'lid' : 'leden'} gevonden.`),
  },
  /** The account page's choice (profile.tsx): whether other members see her party and municipality. */
  affiliation: {
    label: FIELD_LABELS.showAffiliation,
    hint: 'Lidmaatschap van een partij zegt iets over je politieke voorkeur. Staat dit uit, dan zien andere leden bij je berichten, op je ledenpagina en in de ledenlijst alleen je naam en functie, en vindt niemand je via een gemeente of provincie. Moderatoren zien je gegevens wel. Je e-mailadres zien andere leden nooit.',
  },
  /** Before a thread starter's name in a list of threads: "door <name>". */
  startedBy: 'door',
  suggest: {
    /** The listbox's accessible name. */
    label: 'Leden om te noemen',
    /** Said (politely) when the list opens or changes. */
    count: (n: number) => (n === 1 ? '1 lid gevonden. Kies met pijltje omlaag en Enter.' : `${n} leden gevonden. Kies met pijltjes omhoog en omlaag en Enter.`),
    none: 'Geen leden gevonden.',
  },
  /** The composer's help: how to mention and how to quote (the form the Citeren button writes). */
  composerHelp: 'Noem een lid met @ en de naam.',
  /** The line above a quote that links to the quoted post: "> [Anna schreef](/discussie/12#bericht-34):". */
  quoteAttribution: (name: string) => `${name} schreef`,
};
