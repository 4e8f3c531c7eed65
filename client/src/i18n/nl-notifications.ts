/**
 * The header's notification and moderation counts, and the notifications page: part of the Dutch catalogue (see
 * nl.ts). In the first download (the header uses it), so kept short; the watch control and the mail preferences
 * have their own file (nl-watching.ts). One word per meaning: "melding" is a notification, always; a member's
 * report of a post is a "rapport" (verb "rapporteren"). What waits for moderators is counted in the queue's own
 * terms (nl-moderation.ts): "gerapporteerde berichten" (the server counts reported posts, the queue's items, not
 * single reports) and "aanmeldingen".
 */
const plural = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;
const waits = (n: number) => `${n} ${n === 1 ? 'wacht' : 'wachten'}`;

export const nlNotifications = {
  nav: 'Meldingen',
  /** The header link's accessible name while there are unread ones. */
  unreadName: (n: number) => `Meldingen, ${n} ongelezen`,
  /**
   * The Moderatie link's accessible name while something waits: "Moderatie, 3 wachten: 1 gerapporteerd bericht, 2 aanmeldingen".
   * It starts with what the link shows ("Moderatie 3"), so voice control finds it by its visible text.
   */
  waitingName: (label: string, reports: number, registrations: number) =>
    `${label}, ${waits(reports + registrations)}: ${[reports ? plural(reports, 'gerapporteerd bericht', 'gerapporteerde berichten') : '', registrations ? plural(registrations, 'aanmelding', 'aanmeldingen') : ''].filter(Boolean).join(', ')}`,
  /** A moderation tab with what waits behind it: "Gerapporteerde berichten, 2 wachten". */
  tabName: (label: string, n: number) => `${label}, ${waits(n)}`,
  title: 'Meldingen',
  intro: 'Een melding met een link is gelezen zodra je hem volgt, een melding zonder link zodra je hem hier ziet.',
  empty: 'Je hebt nog geen meldingen.',
  unread: 'Nieuw',
  markAll: 'Alles als gelezen markeren',
  allRead: 'Alle meldingen zijn als gelezen gemarkeerd.',
  list: 'Je meldingen, nieuwste eerst',
  settings: 'Meldingen en e-mail instellen',
};
