import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, queryRows } from '../../server/db/client.js';
import { ANALYSIS_VERSION } from '../../server/search/analysis/index.js';
import { fillSearchCorpus, indexSearchCorpus } from './search-corpus.js';

/**
 * Makes the search benchmark's database `name` on the server of `adminUrl` and fills it, or, with `reuse`, keeps
 * the one a previous run filled with the same size and seed (written in the database's comment). Migrations are
 * applied either way. Answers the database's URL.
 */
export async function prepareSearchDatabase(adminUrl: string, name: string, posts: number, seed: number, reuse: boolean): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (reuse && exists) {
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    try {
      await database.migrate();
      const [marker] = await queryRows<{ comment: string | null }>(database.db, sql`select shobj_description(oid, 'pg_database') as comment from pg_database where datname = current_database()`);
      if (marker?.comment === `posts=${posts} seed=${seed}`) {
        await admin.end();
        console.info(`corpus: reusing ${name} (${marker.comment})`);
        // Indexed by another version of the Dutch analysis: index it again now rather than under the measurement.
        const [state] = await queryRows<{ value: string }>(database.db, sql`select value from search_state where key = 'analyzer'`);
        if (state?.value !== ANALYSIS_VERSION) {
          console.info(`corpus: reindexing (analysis ${state?.value ?? 'none'} → ${ANALYSIS_VERSION}) …`);
          const started = performance.now();
          const indexed = await indexSearchCorpus(database.db, () => {});
          console.info(`corpus: ${indexed} indexed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
        }
        return url.toString();
      }
    } finally {
      await database.close();
    }
  }
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await database.migrate();
    console.info(`corpus: generating ${posts} posts (seed ${seed}) …`);
    let shown = 0;
    const progress = (line: string) => {
      if (Date.now() - shown < 10_000) return;
      shown = Date.now();
      console.info(line);
    };
    const corpus = await fillSearchCorpus(database.db, posts, seed, progress);
    console.info(
      `corpus: ${corpus.posts} posts in ${corpus.threads} threads (${corpus.hiddenOrDeleted} hidden or deleted) written in ${corpus.fillSeconds.toFixed(0)} s; ` +
        `${corpus.indexed} indexed in ${corpus.indexSeconds.toFixed(0)} s`,
    );
    await admin.query(`comment on database ${name} is 'posts=${posts} seed=${seed}'`);
  } finally {
    await database.close();
    await admin.end();
  }
  return url.toString();
}
