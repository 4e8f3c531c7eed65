import { count } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { guideLinks, guideSections } from '../db/schema.js';

/** A starting Wegwijzer for a demo forum (npm run seed): real, stable sites, which the kenniscentrum then keeps. */
export const DEMO_GUIDE: { name: string; links: { title: string; url: string; description: string }[] }[] = [
  {
    name: 'Wet- en regelgeving',
    links: [
      { title: 'Gemeentewet', url: 'https://wetten.overheid.nl/BWBR0005416', description: 'De wet over de gemeenteraad, het college en de burgemeester: bevoegdheden, vergaderingen en de rechten van raadsleden.' },
      { title: 'Kieswet', url: 'https://wetten.overheid.nl/BWBR0004627', description: 'Regels voor verkiezingen: registratie van een partijnaam, kandidatenlijsten, ondersteuningsverklaringen en de uitslag.' },
    ],
  },
  {
    name: 'Kiesraad',
    links: [{ title: 'Kiesraad', url: 'https://www.kiesraad.nl/', description: 'Alles over deelnemen aan verkiezingen: termijnen, modellen en de registratie van een aanduiding.' }],
  },
  {
    name: 'Handreikingen en ondersteuning',
    links: [
      { title: 'VNG', url: 'https://vng.nl/', description: 'De Vereniging van Nederlandse Gemeenten: handreikingen en nieuws voor gemeenten en hun bestuurders.' },
      { title: 'Raadslid.Nu', url: 'https://www.raadslid.nu/', description: 'De vereniging van en voor raadsleden: kennis, netwerk en ondersteuning bij het raadswerk.' },
    ],
  },
  {
    name: 'Opleiders',
    links: [{ title: 'ProDemos', url: 'https://prodemos.nl/', description: 'Huis voor democratie en rechtsstaat: cursussen voor (kandidaat-)raadsleden en politiek actieven.' }],
  },
];

/** Fills an empty Wegwijzer with DEMO_GUIDE; leaves one that has sections alone. */
export async function seedGuide(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [{ n }] = (await tx.select({ n: count() }).from(guideSections)) as [{ n: number }];
    if (n > 0) return false;
    for (const [position, section] of DEMO_GUIDE.entries()) {
      const [row] = await tx.insert(guideSections).values({ name: section.name, position }).returning({ id: guideSections.id });
      for (const [i, link] of section.links.entries()) await tx.insert(guideLinks).values({ ...link, sectionId: row!.id, position: i });
    }
    return true;
  });
}
