/**
 * `npm run reindex`: rebuilds the configured search index (PostgreSQL or Meilisearch) from the database.
 * Idempotent and safe while the forum runs on PostgreSQL (see reindex.ts); the embedded database is locked by a running server. Exits 1 when the engine refuses documents.
 */
import { SingleBar, Presets } from 'cli-progress';
import { embeddedDataDir, loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { failureMessage } from '../ops/cli.js';
import { createSearchIndex } from './engine.js';
import { OutboxWorker } from './outbox.js';
import { reindexAll } from './reindex.js';

/** The configuration and the migrated database, or a message and exit 1: a server holding the embedded database
 * makes this refuse (ops/database-lock.ts), and the message says to stop the server first. */
async function open() {
  try {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: embeddedDataDir(config), holder: 'npm run reindex' });
    await database.migrate();
    return { config, database };
  } catch (error) {
    console.error(failureMessage(error));
    process.exit(1);
  }
}
const { config, database } = await open();
const log = { warn: (obj: { err?: unknown }, message: string) => console.warn(`${message}: ${String(obj.err)}`) };
const index = createSearchIndex(config, database.db, log);
const worker = new OutboxWorker(database.db, () => index, log, { batchSize: 500 });
console.info(`Zoekindex opnieuw opbouwen (${index.name}) …`);
const bar = new SingleBar(
  { format: 'zoekindex [{bar}] {percentage}% | {value}/{total} berichten | {eta_formatted}', noTTYOutput: true, notTTYSchedule: 2000 },
  Presets.shades_classic,
);
let started = false;
let exitCode = 0;
try {
  await index.setup();
  const result = await reindexAll(database.db, worker, (done, total) => {
    if (!started) {
      bar.start(total, done);
      started = true;
    } else bar.update(done);
  });
  bar.stop();
  if (result.failed) {
    console.warn('De zoekmachine weigerde berichten; ze staan in de wachtrij en worden later opnieuw geprobeerd.');
    exitCode = 1;
  } else {
    // Documents of posts that no longer exist: reindexing visits only the posts the database still has.
    const pruned = (await index.pruneStale?.()) ?? 0;
    console.info(`Klaar: ${result.total} berichten bekeken${pruned > 0 ? `, ${pruned} verouderde verwijderd` : ''}.`);
  }
} catch (err) {
  bar.stop();
  console.warn(`Opnieuw opbouwen mislukt: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  await worker.stop();
  await database.close();
}
process.exit(exitCode);
