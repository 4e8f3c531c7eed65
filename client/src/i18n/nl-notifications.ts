/** The notifications page and its header link: part of the Dutch catalogue (see nl.ts). */
export const nlNotifications = {
  nav: 'Meldingen',
  /** Hidden text after "Meldingen" in the header link, so its name reads "Meldingen, 2 ongelezen". */
  unreadSuffix: (n: number) => `, ${n} ongelezen`,
  title: 'Meldingen',
  empty: 'Je hebt nog geen meldingen.',
  unread: 'Nieuw',
  markAll: 'Alles als gelezen markeren',
  allRead: 'Alle meldingen zijn als gelezen gemarkeerd.',
  list: 'Je meldingen, nieuwste eerst',
};
