import type { CurrentUser } from '../auth/types.js';
import type { Db } from '../db/client.js';
import { helpdeskCannedAnswers } from '../db/schema.js';
import { askQuestion, postMessage, setConsent } from './writes.js';
import { readableQuestion } from './access.js';

/**
 * A demo helpdesk (npm run seed): a few canned answers, one question the kenniscentrum answered and may publish (the
 * member consented), and one waiting in the inbox, so both sides have something to see. Through the real writes.
 */
export async function seedHelpdesk(db: Db, members: readonly CurrentUser[], centre: CurrentUser): Promise<number> {
  await db.insert(helpdeskCannedAnswers).values([
    {
      title: 'Doorverwijzing naar de Kiesraad',
      body: 'Dank voor je vraag. De Kiesraad heeft hiervoor een handleiding en modelformulieren: zie [kiesraad.nl](https://www.kiesraad.nl/). Kom je er niet uit, laat het ons weten.',
      updatedBy: centre.id,
    },
    {
      title: 'Training aanbevelen',
      body: 'Goede vraag! Dit onderwerp komt uitgebreid aan bod in onze trainingen; kijk bij **Kenniscentrum → Trainingen** wanneer de volgende is.',
      updatedBy: centre.id,
    },
  ]);
  const [first, second] = members;
  if (!first || !second) return 0;
  const answered = await askQuestion(db, first, {
    subject: 'Hoeveel ondersteuningsverklaringen hebben we nodig?',
    body: 'We doen volgend jaar voor het eerst mee aan de gemeenteraadsverkiezingen. Hoeveel ondersteuningsverklaringen moeten we verzamelen, en wanneer?',
  });
  const question = (await readableQuestion(db, answered, centre)).question;
  await postMessage(
    db,
    centre,
    question,
    'Dat hangt af van de grootte van de raad: 10 tot 30 verklaringen, af te leggen bij de gemeente in de twee weken voor de dag van kandidaatstelling. Een partij die nu al zetels heeft, hoeft ze niet te verzamelen.',
    false,
  );
  await setConsent(db, (await readableQuestion(db, answered, centre)).question, { showName: false, showAffiliation: false });
  await askQuestion(db, second, {
    subject: 'Functioneringsgesprekken met onze raadsleden',
    body: 'Ons bestuur wil jaarlijks functioneringsgesprekken voeren met de fractie. Hebben jullie een opzet of voorbeeldvragen?',
  });
  return 2;
}
