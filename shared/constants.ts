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
  pageSize: 20,
  pageSizeMax: 100,
} as const;
