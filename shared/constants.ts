/** Values that server and client agree on. Kept as `as const` tuples so both a schema and a type come from one list. */

export const ROLES = ['member', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** 'deleted': only the one "Oud-lid" account that keeps deleted members' posts (server/privacy/former-member.ts). */
export const USER_STATUSES = ['pending', 'active', 'suspended', 'rejected', 'deleted'] as const;
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

/**
 * The categories a new forum starts with, in the order the overview shows them (server/forum/categories.ts seeds
 * them once, into an empty table). From then on categories are data that admins keep; only the CORE ones below
 * can never be deleted, as the knowledge centre's three themes.
 */
export const CATEGORIES = [
  { slug: 'fuseren', name: 'Fuseren', description: 'Samengaan met een andere lokale partij: stappen, statuten, leden en naam.', color: 'paars', icon: 'fusie' },
  { slug: 'campagne', name: 'Campagne', description: 'Campagne voeren: plannen, flyeren, social media, debatten en budget.', color: 'oranje', icon: 'megafoon' },
  { slug: 'kandidaatstelling', name: 'Kandidaatstelling', description: 'De kandidatenlijst opstellen, kandidaten screenen en de procedure bij de Kiesraad.', color: 'blauw', icon: 'lijst' },
  { slug: 'ledenwerving', name: 'Ledenwerving', description: 'Nieuwe leden en vrijwilligers vinden en ze betrokken houden.', color: 'groen', icon: 'mensen' },
  { slug: 'verkiezingsprogramma', name: 'Verkiezingsprogramma', description: 'Een programma schrijven dat past bij je gemeente en je kiezers.', color: 'turkoois', icon: 'document' },
  { slug: 'fondsenwerving', name: 'Fondsenwerving', description: 'Contributie, donaties, giften en de regels voor partijfinanciering.', color: 'geel', icon: 'euro' },
  { slug: 'bestuur-en-organisatie', name: 'Bestuur en organisatie', description: 'Het partijbestuur, de ALV, statuten, huishoudelijk reglement en de vereniging.', color: 'grijs', icon: 'gebouw' },
  { slug: 'fractie-en-raadswerk', name: 'Fractie en raadswerk', description: 'Samenwerken in de fractie, moties, de begroting en het werk in de raad.', color: 'rood', icon: 'vergadering' },
  { slug: 'algemeen', name: 'Algemeen', description: 'Alles wat nergens anders past.', color: 'blauw', icon: 'vraag' },
] as const;

/** The three themes the forum exists for: admins may rename them, never delete them. */
export const CORE_CATEGORY_SLUGS: readonly string[] = ['fuseren', 'campagne', 'kandidaatstelling'];

/**
 * Who may enter a category (server/forum/visibility.ts holds the rule): every active member, only verified
 * volksvertegenwoordigers (and the moderators), or only moderators and admins.
 */
export const CATEGORY_ACCESS = ['members', 'representatives', 'moderators'] as const;
export type CategoryAccess = (typeof CATEGORY_ACCESS)[number];

/**
 * A category's colour, by name: the client maps each to a tint and a text colour that keep AA contrast in both
 * themes, so an admin cannot pick an unreadable one.
 */
export const CATEGORY_COLORS = ['blauw', 'groen', 'oranje', 'paars', 'rood', 'turkoois', 'geel', 'grijs'] as const;
export type CategoryColor = (typeof CATEGORY_COLORS)[number];

/** A category's optional icon, by name: the client draws each (components/category-icon.tsx). */
export const CATEGORY_ICONS = ['fusie', 'megafoon', 'lijst', 'mensen', 'document', 'euro', 'gebouw', 'vergadering', 'vraag', 'slot'] as const;
export type CategoryIcon = (typeof CATEGORY_ICONS)[number];

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
  categoryNameMin: 2,
  categoryNameMax: 60,
  categoryDescriptionMax: 300,
  /** How many categories a forum may have: the overview and every member's menu must stay readable. */
  categoriesMax: 40,
  pageSize: 20,
  pageSizeMax: 100,
  /** A bookmark's own note. */
  bookmarkNoteMax: 500,
  /** How far ahead a bookmark's reminder may be set. */
  reminderMaxDays: 366,
  /** How many posts a member may keep saved. */
  bookmarksMax: 2000,
  /** How many others a private conversation may have besides her (at the start and after adding). */
  conversationParticipants: 10,
  conversationSubjectMin: 3,
  conversationSubjectMax: 150,
  conversationMessageMax: 20_000,
  /** New conversations a member may start per day; a new member (server/forum/anti-abuse.ts) fewer. */
  conversationsPerDay: 20,
  conversationsPerDayNewMember: 3,
  helpdeskSubjectMin: 5,
  helpdeskSubjectMax: 150,
  helpdeskMessageMax: 20_000,
  helpdeskCannedTitleMax: 100,
  /** Questions a member may ask the kenniscentrum per day. */
  helpdeskQuestionsPerDay: 5,
} as const;

/** A helpdesk question (server/helpdesk/): the team's turn, the member's turn, or done. */
export const HELPDESK_STATUSES = ['open', 'waiting', 'closed'] as const;
export type HelpdeskStatus = (typeof HELPDESK_STATUSES)[number];
/** The team's inbox tabs (shared/api/helpdesk.ts InboxQuery). */
export const HELPDESK_VIEWS = ['unassigned', 'mine', 'open', 'waiting', 'closed'] as const;
export type HelpdeskView = (typeof HELPDESK_VIEWS)[number];

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
/**
 * Kinds about a member's own post or bookmark that point at a post and, like the forum kinds, are shown only while
 * she may read it; in the app only (no mail): answer_marked (her reply was marked the best answer, once per post),
 * thanked (reactions to her posts, grouped per thread while unread), bookmark_reminder (a saved post she asked to
 * be reminded of).
 */
export const POST_NOTIFICATION_KINDS = ['answer_marked', 'thanked', 'bookmark_reminder'] as const;
export type PostNotificationKind = (typeof POST_NOTIFICATION_KINDS)[number];

/** "Bedankt" and "Nuttig": once per member, kind and post; never on your own post. */
export const REACTION_KINDS = ['thanks', 'useful'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
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
export const MAIL_KINDS = ['replies', 'mentions', 'watching', 'categories', 'messages'] as const;
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
export const DEFAULT_MAIL_PREFERENCES: MailPreferences = { replies: 'direct', mentions: 'direct', watching: 'direct', categories: 'weekly', messages: 'direct' };
