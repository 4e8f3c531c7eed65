import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
const db = await PGlite.create({ extensions: { pg_trgm, unaccent } });
await db.exec('create extension if not exists pg_trgm; create table x(id int);');
const dump = await db.dumpDataDir('none');
console.log(dump.size);
for (let i=0;i<2;i++){const t=Date.now();
const db2 = await PGlite.create({ loadDataDir: dump, extensions: { pg_trgm, unaccent } });
console.log('load ms', Date.now()-t, (await db2.query('select count(*) from x')).rows);}
const t=Date.now(); const c = await db.clone(); console.log('clone ms', Date.now()-t);
