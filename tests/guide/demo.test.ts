import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Guide } from '../../shared/api/guide.js';
import { DEMO_GUIDE, seedGuide } from '../../server/guide/demo.js';
import { checkedUrl } from '../../server/guide/url.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the demo Wegwijzer (npm run seed)', () => {
  it('fills an empty Wegwijzer once, with addresses the routes would accept', async () => {
    expect(await seedGuide(t.db)).toBe(true);
    expect(await seedGuide(t.db)).toBe(false);
    const { client } = await t.login();
    const guide = (await client.get<Guide>('/api/guide')).body;
    expect(guide.sections.map((s) => [s.name, s.links.map((l) => l.title)])).toEqual(DEMO_GUIDE.map((s) => [s.name, s.links.map((l) => l.title)]));
    for (const link of guide.sections.flatMap((s) => s.links)) expect(checkedUrl(link.url)).toBe(link.url);
  });
});
