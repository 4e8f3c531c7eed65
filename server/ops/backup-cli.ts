/**
 * `npm run backup [-- bestand]`: a backup of the database, by default DATA_DIR/backups/plein-<tijd>.tar.gz (embedded)
 * or .dump (PostgreSQL). On the embedded database it refuses while a server runs (ops/database-lock.ts).
 */
import { loadConfig } from '../config.js';
import { backup } from './backup.js';
import { runCli } from './cli.js';

runCli(async () => {
  const config = loadConfig();
  const { file, bytes } = await backup(config, process.argv[2]);
  console.info(`Backup gemaakt: ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
  console.info(
    config.meiliUrl
      ? 'Meilisearch hoeft geen backup: na het terugzetten bouwt npm run reindex de zoekindex opnieuw op uit de database.'
      : 'De zoekindex zit in de database en is mee bewaard.',
  );
});
