/** Values that server and client agree on. Kept as `as const` tuples so both a schema and a type come from one list. */

export const ROLES = ['member', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ['pending', 'active', 'suspended', 'rejected'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const REPRESENTATIVE_ROLES = [
  'raadslid',
  'wethouder',
  'burgemeester',
  'statenlid',
  'commissielid',
  'bestuurslid',
  'lid',
] as const;
export type RepresentativeRole = (typeof REPRESENTATIVE_ROLES)[number];

export const REPORT_REASONS = ['spam', 'offensive', 'off_topic', 'privacy', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ['hide_post', 'delete_post', 'dismiss', 'suspend_author'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** The categories that always exist, in the order the overview shows them. */
export const CATEGORIES = [
  { slug: 'fuseren', name: 'Fuseren', description: 'Samengaan met een andere lokale partij: stappen, statuten, leden en naam.' },
  { slug: 'campagne', name: 'Campagne', description: 'Campagne voeren: plannen, flyeren, social media, debatten en budget.' },
  { slug: 'kandidaatstelling', name: 'Kandidaatstelling', description: 'De kandidatenlijst opstellen, kandidaten screenen en de procedure bij de Kiesraad.' },
  { slug: 'ledenwerving', name: 'Ledenwerving', description: 'Nieuwe leden en vrijwilligers vinden en ze betrokken houden.' },
  { slug: 'verkiezingsprogramma', name: 'Verkiezingsprogramma', description: 'Een programma schrijven dat past bij je gemeente en je kiezers.' },
  { slug: 'fondsenwerving', name: 'Fondsenwerving', description: 'Contributie, donaties, giften en de regels voor partijfinanciering.' },
  { slug: 'bestuur-en-organisatie', name: 'Bestuur en organisatie', description: 'Het partijbestuur, de ALV, statuten, huishoudelijk reglement en de vereniging.' },
  { slug: 'fractie-en-raadswerk', name: 'Fractie en raadswerk', description: 'Samenwerken in de fractie, moties, de begroting en het werk in de raad.' },
  { slug: 'algemeen', name: 'Algemeen', description: 'Alles wat nergens anders past.' },
] as const;

export const LIMITS = {
  titleMin: 5,
  titleMax: 150,
  bodyMin: 1,
  bodyMax: 50_000,
  displayNameMax: 60,
  partyMax: 120,
  municipalityMax: 80,
  passwordMin: 10,
  passwordMax: 256,
  reportNoteMax: 1000,
  /** A moderator's reason, which the member reads and the log keeps. */
  reasonMax: 500,
  pageSize: 20,
  pageSizeMax: 100,
} as const;

/**
 * What a member is notified of (server/notifications/). Forum kinds point at a thread and a post and are written by
 * the notification worker; their text is made when they are read, so a post hidden later is never shown.
 * - mention / quote / reply_to_post: one per post, never grouped;
 * - thread_activity: new posts in a thread she started or watches, grouped per thread while unread ("3 nieuwe reacties");
 * - new_thread: a new thread in a category she watches;
 * - registration_waiting / report_open: for moderators, grouped while unread.
 * The other kinds are moderation and account decisions, with their text written when they happen.
 */
export const FORUM_NOTIFICATION_KINDS = ['mention', 'quote', 'reply_to_post', 'thread_activity', 'new_thread'] as const;
export type ForumNotificationKind = (typeof FORUM_NOTIFICATION_KINDS)[number];
export const MODERATOR_NOTIFICATION_KINDS = ['registration_waiting', 'report_open'] as const;
export type ModeratorNotificationKind = (typeof MODERATOR_NOTIFICATION_KINDS)[number];

/** Per thread: Volgen (every new post), Normaal (only replies to you and mentions), Negeren (nothing). */
export const THREAD_WATCH_LEVELS = ['watching', 'normal', 'ignoring'] as const;
export type ThreadWatchLevel = (typeof THREAD_WATCH_LEVELS)[number];
/** Per category: Volgen (every new thread) or Normaal. */
export const CATEGORY_WATCH_LEVELS = ['watching', 'normal'] as const;
export type CategoryWatchLevel = (typeof CATEGORY_WATCH_LEVELS)[number];

/**
 * The kinds of mail a member chooses a frequency for, and the notification kinds each covers. Account mail (reset,
 * confirmation, approval, rejection, suspension) is always sent and has no preference.
 */
export const MAIL_KINDS = ['replies', 'mentions', 'watching', 'categories'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export const MAIL_KIND_OF: Record<ForumNotificationKind, MailKind> = {
  reply_to_post: 'replies',
  mention: 'mentions',
  quote: 'mentions',
  thread_activity: 'watching',
  new_thread: 'categories',
};
export const MAIL_FREQUENCIES = ['direct', 'daily', 'weekly', 'never'] as const;
export type MailFrequency = (typeof MAIL_FREQUENCIES)[number];
export type MailPreferences = Record<MailKind, MailFrequency>;
/** What a member gets until she chooses: answers and mentions at once, watched threads at once, new threads weekly. */
export const DEFAULT_MAIL_PREFERENCES: MailPreferences = { replies: 'direct', mentions: 'direct', watching: 'direct', categories: 'weekly' };
