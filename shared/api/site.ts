import { Type, type Static } from 'typebox';

/** GET /api/site: what every visitor may know about the site, also before logging in. */
export const SiteInfo = Type.Object({
  /** Where to reach the knowledge centre (CONTACT_EMAIL, CONTACT_URL); null when not configured. */
  contact: Type.Object({
    email: Type.Union([Type.String(), Type.Null()]),
    url: Type.Union([Type.String(), Type.Null()]),
  }),
});
export type SiteInfo = Static<typeof SiteInfo>;
