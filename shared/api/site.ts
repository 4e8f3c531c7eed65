import { Type, type Static } from 'typebox';

/** How long each kind of data is kept, in days (server/privacy/retention.ts and the session lifetimes): the privacy statement shows these. */
export const RetentionDays = Type.Object({
  sessionIdle: Type.Number(),
  sessionAbsolute: Type.Number(),
  accountTokens: Type.Number(),
  usedRecoveryCodes: Type.Number(),
  readMarkers: Type.Number(),
  readNotifications: Type.Number(),
  mailLog: Type.Number(),
  unsentMail: Type.Number(),
  exports: Type.Number(),
});
export type RetentionDays = Static<typeof RetentionDays>;

/** GET /api/site: what every visitor may know about the site, also before logging in. */
export const SiteInfo = Type.Object({
  /** Where to reach the knowledge centre (CONTACT_EMAIL, CONTACT_URL); null when not configured. */
  contact: Type.Object({
    email: Type.Union([Type.String(), Type.Null()]),
    url: Type.Union([Type.String(), Type.Null()]),
  }),
  /** For the privacy statement: who is responsible for the data (PRIVACY_CONTROLLER; null: not configured) and how long what is kept. */
  privacy: Type.Object({
    controller: Type.Union([Type.String(), Type.Null()]),
    retentionDays: RetentionDays,
  }),
});
export type SiteInfo = Static<typeof SiteInfo>;
