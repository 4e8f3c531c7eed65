import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.js';
import { categories, threads } from '../../server/db/schema.js';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import { seedCategories } from '../../server/forum/categories.js';

const dir = mkdtempSync(join(tmpdir(), 'plein-pglite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database', () => {
  it('keeps its data in its folder across a restart, and migrating and seeding again changes nothing', async () => {
    const first = await openDatabase({ dataDir: dir });
    await first.migrate();
    await seedCategories(first.db);
    const user = await makeUser(first.db);
    await makeThread(first.db, user, { title: 'Blijft dit bewaard?' });
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    await second.migrate();
    await seedCategories(second.db);
    const rows = await second.db.select().from(threads);
    expect(rows.map((r) => r.title)).toEqual(['Blijft dit bewaard?']);
    expect(await second.db.$count(categories)).toBe(9);
    await second.close();
  });
});
