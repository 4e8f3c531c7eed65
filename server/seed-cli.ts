import { embeddedDataDir, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { threads } from './db/schema.js';
import { DEMO_CENTRE_MEMBER, DEMO_MEMBERS, DEMO_THREADS } from './dev/demo-content.js';
import { DEFAULT_PASSWORD, makePost, makeThread, makeUser } from './dev/factories.js';
import { seedCategories } from './forum/categories.js';
import { seedGuide } from './guide/demo.js';
import { seedHelpdesk } from './helpdesk/demo.js';
import { OperatorError, runCli } from './ops/cli.js';
import { seedTrainings } from './trainings/demo.js';

/** `npm run seed`: demo members and discussions for a local forum. Does nothing when the forum already has threads. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.production) throw new OperatorError('npm run seed is voor lokale forums en demo\'s, niet voor productie (NODE_ENV=production).');
  // On the embedded database this refuses while a server runs (ops/database-lock.ts): stop it first. A real
  // PostgreSQL server takes both at once, and the seed adds nothing once the forum has threads.
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: embeddedDataDir(config), holder: 'npm run seed' });
  try {
    await database.migrate();
    await seedCategories(database.db);
    if (await seedGuide(database.db)) console.info('De Wegwijzer is gevuld met een eerste lijst links.');
    if ((await database.db.$count(threads)) > 0) {
      console.info('Het forum heeft al discussies; er is niets toegevoegd.');
      return;
    }
    const members = [];
    for (const [i, m] of DEMO_MEMBERS.entries()) members.push(await makeUser(database.db, { ...m, email: `lid${i + 1}@plein.local` }));
    for (const [i, demo] of DEMO_THREADS.entries()) {
      const author = members[i % members.length]!;
      const { threadId } = await makeThread(database.db, author, demo);
      for (const [j, body] of demo.replies.entries()) await makePost(database.db, members[(i + j + 1) % members.length]!, threadId, { body });
    }
    const centre = await makeUser(database.db, { ...DEMO_CENTRE_MEMBER, email: 'kenniscentrum@plein.local', centreTeam: true });
    const trainingCount = await seedTrainings(database.db, centre, config.mail.siteUrl);
    const questionCount = await seedHelpdesk(database.db, members, centre);
    const count = await database.db.$count(threads);
    console.info(`${members.length + 1} leden, ${trainingCount} trainingen, ${questionCount} helpdeskvragen en ${count} discussies toegevoegd. Log in als lid1@plein.local met wachtwoord ${DEFAULT_PASSWORD}; als teamlid van het kenniscentrum: kenniscentrum@plein.local.`);
  } finally {
    await database.close();
  }
}

runCli(main);
