import type { CurrentUser } from '../auth/types.js';
import type { Db } from '../db/client.js';
import { categoryId } from '../dev/factories.js';
import { createTraining } from './writes.js';

const DAY = 24 * 3600 * 1000;

/** A day `days` from today at hh:mm (the server's clock; a demo need not be exact about time zones). */
function at(days: number, hours: number, minutes = 0): Date {
  const day = new Date(Date.now() + days * DAY);
  day.setHours(hours, minutes, 0, 0);
  return day;
}

/**
 * Trainings for a demo forum (npm run seed), announced by the kenniscentrum's team member: an online knowledge
 * exchange next week, two course days with entry criteria, and one that has passed, each with its discussion.
 */
export async function seedTrainings(db: Db, staff: CurrentUser, origin: string): Promise<number> {
  const demos = [
    {
      title: 'Kennisuitwisseling: fuseren van lokale partijen',
      description: 'Een uur op Zoom met partijen die net gefuseerd zijn: wat ging goed, wat zouden ze anders doen?\n\n- tijdpad en ledenvergaderingen\n- naam en registratie bij de Kiesraad',
      kind: 'kennisuitwisseling' as const,
      startsAt: at(7, 20),
      endsAt: at(7, 21),
      location: null,
      meetingUrl: 'https://zoom.us/j/0000000000',
      capacity: 30,
      category: 'fuseren',
      entryCriteria: '',
    },
    {
      title: 'Cursus: op weg naar het burgemeesterschap',
      description: 'Twee cursusdagen voor leden die burgemeester willen worden: de procedure, het profiel en het gesprek met de vertrouwenscommissie.',
      kind: 'training' as const,
      startsAt: at(30, 10),
      endsAt: at(31, 16),
      location: 'Utrecht, Jaarbeursplein 6',
      meetingUrl: null,
      capacity: 12,
      category: 'campagne',
      entryCriteria: 'Voor raadsleden en wethouders met minstens vier jaar bestuurservaring.',
    },
    {
      title: 'Webinar: de kandidatenlijst op tijd rond',
      description: 'Alle termijnen van de kandidaatstelling op een rij, met de modellen van de Kiesraad.',
      kind: 'webinar' as const,
      startsAt: at(-14, 19, 30),
      endsAt: at(-14, 20, 30),
      location: null,
      meetingUrl: 'https://zoom.us/j/0000000001',
      capacity: 100,
      category: 'kandidaatstelling',
      entryCriteria: '',
    },
  ];
  for (const { category, ...demo } of demos) {
    await createTraining(db, staff, { ...demo, linkVisibleMinutes: 30, signupDeadline: null, categoryId: await categoryId(db, category) }, { origin });
  }
  return demos.length;
}
