import type { Db } from './client.js';

/**
 * A hot query, built once per database and sent as a named prepared statement: drizzle does not rebuild its SQL
 * on every request (a tenth of the server's CPU on the thread page, docs/benchmarks.md), and PostgreSQL parses
 * and plans it once per connection. Values go in through `sql.placeholder`; anything that must be evaluated per
 * call (the time, the viewer's role) is a placeholder, `now()` or a separate statement, never a value captured at
 * preparation. Only for queries on the database itself: a prepared statement does not run inside a transaction.
 */
export function preparedOnce<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
