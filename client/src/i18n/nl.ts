import type { RepresentativeRole } from '../../../shared/constants';
import { FIELD_LABELS, ROUTE_LABELS } from '../../../shared/field-labels';
import { dateTime, longDate, shortDate } from './dutch-time';

/**
 * The Dutch catalogue: every word the client shows. Functions for texts with numbers or names in them.
 * Its other parts live beside it, split by area so each loads with the pages that use it (the first page must
 * stay under 100 KB of gzipped JavaScript): the forum pages (nl-forum.ts), the moderators' screens
 * (nl-moderation.ts) and the two statements (nl-statements.ts). Nothing user-facing is written anywhere else.
 */
export const nl = {
  app: { name: 'Plein', tagline: 'Het ledenforum voor lokale politieke partijen' },
  nav: {
    skip: 'Naar de inhoud',
    main: 'Hoofdmenu',
    forum: 'Forum',
    search: 'Zoeken',
    moderation: 'Moderatie',
    profile: 'Mijn account',
    login: 'Inloggen',
    register: 'Aanmelden',
    logout: 'Uitloggen',
    footer: 'Over deze site',
    accessibility: 'Toegankelijkheid',
    privacy: 'Privacy',
    breadcrumb: 'Kruimelpad',
  },
  common: {
    loading: 'Laden…',
    loadMore: 'Meer laden',
    loadingMore: 'Meer laden…',
    save: 'Opslaan',
    cancel: 'Annuleren',
    close: 'Sluiten',
    required: '(verplicht)',
    optional: '(niet verplicht)',
    retry: 'Opnieuw proberen',
    backToForum: 'Terug naar het forum',
  },
  live: {
    reconnecting: 'De live-verbinding is verbroken. Opnieuw verbinden…',
    restored: 'De live-verbinding is hersteld.',
    replaced: 'Plein is in te veel vensters tegelijk open. Dit venster krijgt geen nieuwe berichten meer; vernieuw de pagina om weer live mee te lezen.',
  },
  errors: {
    network: 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
    generic: 'Er ging iets mis. Probeer het later opnieuw.',
    notFoundTitle: 'Niet gevonden',
    notFound: 'Deze pagina bestaat niet (meer), of je mag haar niet zien.',
    forbiddenTitle: 'Geen toegang',
    forbidden: 'Je hebt geen toegang tot deze pagina.',
    errorTitle: 'Er ging iets mis',
  },
  landing: {
    title: 'Plein: samen sterker als lokale partij',
    intro:
      'Plein is het besloten forum van het kenniscentrum voor lokale politieke partijen. Bestuursleden, vrijwilligers en lokale volksvertegenwoordigers van partijen zonder landelijke partij delen hier hun ervaring.',
    topicsTitle: 'Waar gaat het over?',
    topics: ['Fuseren met een andere lokale partij', 'Campagne voeren', 'De kandidatenlijst opstellen', 'Leden werven en programma schrijven', 'Fondsenwerving en het partijbestuur'],
    whoTitle: 'Wie mag meedoen?',
    who: 'Leden, bestuurders en volksvertegenwoordigers van lokale politieke partijen in Nederland. Een moderator van het kenniscentrum keurt elke aanmelding goed.',
    cta: 'Aanmelden',
    login: 'Ik heb al een account',
    toForum: 'Naar het forum',
  },
  login: {
    title: 'Inloggen',
    // Field labels come from shared/field-labels.ts: the server's messages name the fields the same way.
    email: FIELD_LABELS.email,
    password: FIELD_LABELS.password,
    submit: 'Inloggen',
    busy: 'Bezig met inloggen…',
    noAccount: 'Nog geen account?',
    register: 'Meld je aan',
  },
  register: {
    title: 'Aanmelden',
    intro: 'Vul je gegevens in. Je bevestigt daarna je e-mailadres met een link die we je mailen; dan controleert een moderator je aanmelding en kun je meedoen.',
    email: FIELD_LABELS.email,
    password: FIELD_LABELS.password,
    passwordHint: (min: number) => `Minimaal ${min} tekens, en geen veelgebruikt wachtwoord. Een zin van een paar woorden werkt goed.`,
    displayName: ROUTE_LABELS['POST /api/auth/register'].displayName,
    party: FIELD_LABELS.party,
    municipality: FIELD_LABELS.municipality,
    municipalityHint: 'Typ om te zoeken en kies je gemeente uit de lijst.',
    municipalityInvalid: 'Kies een gemeente uit de lijst.',
    role: ROUTE_LABELS['POST /api/auth/register'].representativeRole,
    roleNone: 'Geen van deze',
    submit: 'Account aanvragen',
    busy: 'Bezig…',
    haveAccount: 'Heb je al een account?',
  },
  /** For a moderator or admin who must first set up two-step login (the layout's banner: every page, so in the first download). */
  twoStep: {
    banner: 'Stel tweestapsverificatie in om te kunnen modereren.',
    bannerLink: 'Instellen op Mijn account',
  },
  waiting: {
    title: 'Je aanmelding wacht op goedkeuring',
    body: 'Bedankt voor je aanmelding. Een moderator van het kenniscentrum controleert of je bij een lokale partij hoort. Dat gebeurt meestal binnen twee werkdagen. Daarna kun je inloggen en meedoen.',
    loggedIn: (name: string) => `Je bent ingelogd als ${name}.`,
    check: 'Opnieuw controleren',
  },
  suspended: {
    title: 'Je account is geschorst',
    reason: (reason: string) => `Reden: ${reason}`,
    until: (date: string) => `De schorsing loopt tot ${date}.`,
    contact: 'Denk je dat dit een vergissing is?',
  },
  rejected: { title: 'Je aanmelding is afgewezen', contact: 'Denk je dat dit niet klopt?' },
  /** The contact sentence (components/contact-line.tsx): "… Neem contact op met het kenniscentrum: mail naar … of kijk op …." */
  contact: { ask: 'Neem contact op met het kenniscentrum', mail: 'mail naar', web: 'kijk op', or: 'of' },
  roles: {
    raadslid: 'Raadslid',
    wethouder: 'Wethouder',
    burgemeester: 'Burgemeester',
    statenlid: 'Statenlid',
    commissielid: 'Commissielid',
    bestuurslid: 'Bestuurslid',
    lid: 'Lid',
  } satisfies Record<RepresentativeRole, string>,
  time: {
    format: dateTime,
    date: longDate,
    /** "4 dec 2026": for tables, where every column counts. */
    shortDate,
  },
} as const;
