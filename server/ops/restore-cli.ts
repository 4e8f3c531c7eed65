/**
 * `npm run restore -- bestand`: puts a backup made by `npm run backup` back, replacing the whole database.
 * Stop the server first; on the embedded database this refuses while one runs (ops/database-lock.ts).
 */
import { loadConfig } from '../config.js';
import { backup, restore } from './backup.js';
import { OperatorError, runCli } from './cli.js';

runCli(async () => {
  const config = loadConfig();
  const source = process.argv[2];
  if (!source) throw new OperatorError('Welke backup? Gebruik: npm run restore -- <bestand> (bijvoorbeeld een bestand uit DATA_DIR/backups).');
  if (config.databaseUrl) {
    // pg_restore --clean cannot be undone: what is there now is kept first, so the wrong file is no disaster.
    const safety = await backup(config);
    console.info(`Eerst de huidige database bewaard: ${safety.file}`);
  }
  const { previous } = await restore(config, source);
  console.info(`Backup teruggezet: ${source}.`);
  if (previous) console.info(`De database van vóór het terugzetten staat in ${previous}; verwijder die map als alles klopt.`);
  if (config.meiliUrl) console.info('Bouw nu de zoekindex opnieuw op: npm run reindex (Meilisearch heeft geen backup nodig).');
  console.info('Start daarna de server weer.');
});
