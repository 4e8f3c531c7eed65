/** "Where you left off" (issue 14): the thread page's place markers and the page "Nieuw en ongelezen" (see nl.ts). */
export const nlReading = {
  nav: 'Nieuw en ongelezen',
  thread: {
    /** The line above the first post that is new since her last visit. */
    since: 'Sinds je laatste bezoek',
    loadEarlier: 'Eerdere berichten laden',
    loadingEarlier: 'Eerdere berichten laden…',
  },
  start: {
    title: 'Nieuw en ongelezen',
    intro: 'Wat er gebeurde in alle categorieën die je kunt lezen. Een discussie met nieuwe berichten opent bij het eerste bericht dat je nog niet las.',
    tabs: 'Welke discussies',
    tab: { latest: 'Laatste', unread: 'Ongelezen', new: 'Nieuw' },
    /** The list under each tab, for screen readers. */
    list: {
      latest: 'Discussies, laatste activiteit eerst',
      unread: 'Discussies met berichten die je nog niet las',
      new: 'Nieuwe discussies die je nog niet opende',
    },
    empty: {
      latest: 'Er zijn nog geen discussies.',
      unread: 'Je bent helemaal bij: in de discussies die je eerder las, is niets nieuws.',
      new: 'Geen nieuwe discussies: alles van de afgelopen 30 dagen heb je al geopend.',
    },
    inCategory: 'in',
    lastPost: 'laatste bericht',
  },
};
