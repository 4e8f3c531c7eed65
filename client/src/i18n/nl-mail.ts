import type { UnsubscribeKind } from '../../../shared/api/mail';

/** Texts of the /afmelden page (the unsubscribe link in a mail); loaded with that page only. */
export const nlMail = {
  unsubscribe: {
    title: 'Afmelden voor mail',
    loading: 'Even kijken welke mail deze link afmeldt…',
    what: (what: string) => `Met deze link meld je je af voor ${what}.`,
    explain: 'Je hoeft daarvoor niet in te loggen. Mail over je account (zoals een nieuw wachtwoord) blijf je altijd krijgen.',
    button: 'Afmelden',
    busy: 'Bezig met afmelden…',
    done: (what: string) => `Je bent afgemeld. Je krijgt geen ${what} meer.`,
    settings: 'Je kunt je mailinstellingen altijd weer aanpassen bij Mijn account.',
    toProfile: 'Naar Mijn account',
    noToken: 'Deze pagina hoort bij de afmeldlink in een mail van Plein. Open die link uit de mail nog eens.',
    kinds: {
      replies: 'mail over reacties op je berichten',
      mentions: 'mail als iemand je noemt of citeert',
      watching: 'mail over nieuwe berichten in discussies die je volgt',
      categories: 'mail over nieuwe discussies in categorieën die je volgt',
      messages: 'mail over nieuwe privéberichten en de helpdesk van het kenniscentrum',
      all: 'alle mail over meldingen',
    } satisfies Record<UnsubscribeKind, string>,
  },
};
