import type { HelpdeskStatus } from '../../../shared/constants';
import { nlHelpdeskNav } from './nl-helpdesk-nav';

/**
 * The kenniscentrum's hub and the helpdesk as a member sees it ("Vraag het het kenniscentrum", /kenniscentrum/vragen).
 * A "vraag" is the whole question with its messages; a "bericht" one message in it.
 */
const plural = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;

export const nlHelpdesk = {
  hub: {
    title: nlHelpdeskNav.nav,
    intro: 'Het kenniscentrum ondersteunt lokale partijen met kennis, trainingen en advies. Hier vind je alles wat het kenniscentrum voor je doet.',
    askTitle: 'Vraag het het kenniscentrum',
    askText: 'Stel je vraag rechtstreeks aan het team van het kenniscentrum. Alleen het team leest mee.',
    myQuestions: 'Mijn vragen',
    ask: 'Stel een vraag',
    trainingsTitle: 'Trainingen',
    trainingsText: 'Trainingen, kennisuitwisselingen en webinars voor leden, bestuurders en volksvertegenwoordigers van lokale partijen: aanmelden, wachtlijst en de discussie erover.',
    trainings: 'Naar de trainingen',
    guideTitle: 'Wegwijzer',
    guideText: 'Betrouwbare bronnen, bijgehouden door het kenniscentrum: wet- en regelgeving, de Kiesraad, handreikingen en opleiders.',
    guide: 'Naar de Wegwijzer',
    inboxTitle: 'Inbox van de helpdesk',
    inboxText: 'De vragen van leden aan het kenniscentrum, voor het team.',
    inbox: 'Naar de inbox',
    unread: (n: number) => `${plural(n, 'vraag', 'vragen')} met een nieuw antwoord`,
  },
  status: {
    open: 'Wacht op het kenniscentrum',
    waiting: 'Beantwoord',
    closed: 'Gesloten',
  } satisfies Record<HelpdeskStatus, string>,
  list: {
    title: 'Mijn vragen aan het kenniscentrum',
    intro: 'Je vragen aan het kenniscentrum. Alleen jij en het team van het kenniscentrum kunnen ze lezen.',
    ask: 'Stel een vraag',
    empty: 'Je hebt nog geen vragen gesteld.',
    label: 'Je vragen, laatst actief eerst',
    unread: (n: number) => plural(n, 'nieuw antwoord', 'nieuwe antwoorden'),
    lastActivity: 'Laatste activiteit: ',
    loadMore: 'Meer vragen laden',
  },
  ask: {
    title: 'Stel een vraag',
    privacy: 'Alleen het team van het kenniscentrum leest je vraag; andere leden zien hem niet.',
    subject: 'Onderwerp',
    subjectHint: 'In een paar woorden: waar gaat je vraag over?',
    body: 'Je vraag',
    category: 'Categorie',
    categoryHint: 'Helpt het team je vraag bij de juiste persoon te leggen.',
    noCategory: 'Weet ik niet',
    submit: 'Vraag versturen',
    busy: 'Bezig met versturen…',
    cancel: 'Annuleren',
  },
  question: {
    breadcrumb: 'Mijn vragen',
    status: (status: string) => `Status: ${status}`,
    category: (name: string) => `Categorie: ${name}`,
    asked: (when: string) => `Gesteld op ${when}`,
    messages: 'Berichten',
    messageLabel: (name: string) => `Bericht van ${name}`,
    teamLabel: 'Bericht van het kenniscentrum',
    team: 'Kenniscentrum',
    formerMember: 'Oud-lid',
    announceNew: 'Nieuw antwoord van het kenniscentrum.',
    replyHeading: 'Reageren',
    replyLabel: 'Je reactie',
    send: 'Versturen',
    busy: 'Bezig met versturen…',
    close: 'Mijn vraag is beantwoord',
    closing: 'Bezig…',
    closed: 'Je vraag is gesloten. Reageer je toch nog, dan gaat hij weer open.',
    closedNow: 'Je vraag is gesloten. Bedankt!',
  },
  consent: {
    heading: 'Delen op het forum',
    question: 'Mag het kenniscentrum deze vraag en het antwoord anoniem delen op het forum, zodat andere partijen er ook iets aan hebben?',
    explain: 'Het team haalt eerst weg wat naar jou of je gemeente verwijst. Kies hieronder of je naam of je partij en gemeente erbij mogen.',
    showName: 'Met mijn naam',
    showAffiliation: 'Met mijn partij en gemeente',
    give: 'Ja, dat mag',
    change: 'Keuze opslaan',
    withdraw: 'Toestemming intrekken',
    busy: 'Bezig…',
    given: (how: string) => `Je hebt toestemming gegeven om je vraag te delen: ${how}.`,
    anonymous: 'anoniem',
    withName: 'met je naam',
    withAffiliation: 'met je partij en gemeente',
    saved: 'Je keuze is opgeslagen.',
    withdrawn: 'Je toestemming is ingetrokken.',
    published: 'Het kenniscentrum heeft je vraag met het antwoord gedeeld op het forum.',
    thread: 'Bekijk de discussie op het forum',
  },
} as const;

/** How she agreed to be shown, in words (also the team's line above the publish form). */
export function consentWords(consent: { showName: boolean; showAffiliation: boolean }): string {
  const t = nlHelpdesk.consent;
  if (consent.showName) return t.withName;
  if (consent.showAffiliation) return t.withAffiliation;
  return t.anonymous;
}
