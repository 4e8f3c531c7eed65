/** The notifications page and its header link: part of the Dutch catalogue (see nl.ts). */
export const nlNotifications = {
  nav: 'Meldingen',
  /** The header link's accessible name while there are unread ones. */
  unreadName: (n: number) => `Meldingen, ${n} ongelezen`,
  title: 'Meldingen',
  empty: 'Je hebt nog geen meldingen.',
  unread: 'Nieuw',
  markAll: 'Alles als gelezen markeren',
  allRead: 'Alle meldingen zijn als gelezen gemarkeerd.',
  list: 'Je meldingen, nieuwste eerst',
};
