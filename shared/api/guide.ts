import { Type, type Static } from 'typebox';

/**
 * The Wegwijzer (server/guide/): curated links for local parties, grouped in sections, kept by the kenniscentrum's
 * staff. Titles, descriptions and names are plain text: the client shows them as text, never as markup.
 */
export const GUIDE_LIMITS = {
  sectionNameMin: 2,
  sectionNameMax: 80,
  linkTitleMin: 2,
  linkTitleMax: 150,
  descriptionMax: 500,
  urlMax: 2000,
  /** Enough for a page members can still scan; more belongs in a new page of its own. */
  sectionsMax: 40,
  linksPerSectionMax: 100,
} as const;

/** How many Wegwijzer links a search answers beside its discussions. */
export const GUIDE_SEARCH_LINKS = 5;

export const GuideLink = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  /** An http(s) address, checked when it was saved. */
  url: Type.String(),
  description: Type.String(),
});
export type GuideLink = Static<typeof GuideLink>;

export const GuideSection = Type.Object({ id: Type.Integer(), name: Type.String(), links: Type.Array(GuideLink) });
export type GuideSection = Static<typeof GuideSection>;

/** GET /api/guide and the answer to every change: the whole Wegwijzer, sections and their links in order. */
export const Guide = Type.Object({ sections: Type.Array(GuideSection) });
export type Guide = Static<typeof Guide>;

const SectionName = Type.String({ minLength: GUIDE_LIMITS.sectionNameMin, maxLength: GUIDE_LIMITS.sectionNameMax, pattern: '\\S' });
const LinkTitle = Type.String({ minLength: GUIDE_LIMITS.linkTitleMin, maxLength: GUIDE_LIMITS.linkTitleMax, pattern: '\\S' });
// The scheme is checked by the route (http or https only) with a message of its own.
const Url = Type.String({ minLength: 1, maxLength: GUIDE_LIMITS.urlMax, pattern: '\\S' });
const Description = Type.String({ minLength: 1, maxLength: GUIDE_LIMITS.descriptionMax, pattern: '\\S' });
/** The place in its list, counted from 0; past the end is the end. */
const Position = Type.Integer({ minimum: 0, maximum: 1000 });
const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const CreateGuideSectionBody = Type.Object({ name: SectionName }, { additionalProperties: false });
export type CreateGuideSectionBody = Static<typeof CreateGuideSectionBody>;

export const UpdateGuideSectionBody = Type.Object({ name: Type.Optional(SectionName), position: Type.Optional(Position) }, { additionalProperties: false });
export type UpdateGuideSectionBody = Static<typeof UpdateGuideSectionBody>;

export const CreateGuideLinkBody = Type.Object({ sectionId: Id, title: LinkTitle, url: Url, description: Description }, { additionalProperties: false });
export type CreateGuideLinkBody = Static<typeof CreateGuideLinkBody>;

/** A new sectionId moves the link there: to `position` in it, or to its end. */
export const UpdateGuideLinkBody = Type.Object(
  {
    sectionId: Type.Optional(Id),
    title: Type.Optional(LinkTitle),
    url: Type.Optional(Url),
    description: Type.Optional(Description),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
);
export type UpdateGuideLinkBody = Static<typeof UpdateGuideLinkBody>;

/** A Wegwijzer link that matches a search (GET /api/search, `guideLinks`). */
export const GuideSearchLink = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  url: Type.String(),
  description: Type.String(),
  sectionName: Type.String(),
  /** Escaped text of the description; the only markup is <mark> around the matched words. */
  snippetHtml: Type.String(),
});
export type GuideSearchLink = Static<typeof GuideSearchLink>;
