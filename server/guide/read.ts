import { asc, eq } from 'drizzle-orm';
import type { Guide } from '../../shared/api/guide.js';
import type { DbOrTx } from '../db/client.js';
import { guideLinks, guideSections } from '../db/schema.js';

/** The whole Wegwijzer in order: two queries whatever its size (a few dozen sections, a few hundred links). */
export async function readGuide(db: DbOrTx): Promise<Guide> {
  const sections = await db.select({ id: guideSections.id, name: guideSections.name }).from(guideSections).orderBy(asc(guideSections.position), asc(guideSections.id));
  const links = await db
    .select({ id: guideLinks.id, sectionId: guideLinks.sectionId, title: guideLinks.title, url: guideLinks.url, description: guideLinks.description })
    .from(guideLinks)
    .orderBy(asc(guideLinks.position), asc(guideLinks.id));
  return {
    sections: sections.map((section) => ({
      ...section,
      links: links.filter((l) => l.sectionId === section.id).map(({ id, title, url, description }) => ({ id, title, url, description })),
    })),
  };
}

/** The ids of a section's links in their order. */
export async function linkOrder(db: DbOrTx, sectionId: number): Promise<number[]> {
  const rows = await db.select({ id: guideLinks.id }).from(guideLinks).where(eq(guideLinks.sectionId, sectionId)).orderBy(asc(guideLinks.position), asc(guideLinks.id));
  return rows.map((r) => r.id);
}

/** The ids of the sections in their order. */
export async function sectionOrder(db: DbOrTx): Promise<number[]> {
  const rows = await db.select({ id: guideSections.id }).from(guideSections).orderBy(asc(guideSections.position), asc(guideSections.id));
  return rows.map((r) => r.id);
}
