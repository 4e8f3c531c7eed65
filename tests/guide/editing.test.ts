import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/api/common.js';
import type { Guide } from '../../shared/api/guide.js';
import { queryRows } from '../../server/db/client.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';
import { usingRealPostgres } from '../helpers/database.js';
import { addLink, addSection, outline } from './fixtures.js';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  staff = (await t.login({ centreTeam: true })).client;
});
afterAll(() => t.close());

const guide = async () => (await staff.get<Guide>('/api/guide')).body;

describe(`Wegwijzer editing (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  it('keeps sections and links in the order staff put them, moved up and down and across sections', async () => {
    const wet = (await addSection(staff, '  Wet- en regelgeving ')).id;
    const kiesraad = (await addSection(staff, 'Kiesraad')).id;
    const opleiders = (await addSection(staff, 'Opleiders')).id;
    const a = (await addLink(staff, wet, 'Gemeentewet')).id;
    const b = (await addLink(staff, wet, 'Kieswet')).id;
    const c = (await addLink(staff, wet, 'Wet politieke partijen')).id;
    await addLink(staff, kiesraad, 'Kandidaatstelling');
    expect(outline(await guide())).toEqual([
      ['Wet- en regelgeving', ['Gemeentewet', 'Kieswet', 'Wet politieke partijen']],
      ['Kiesraad', ['Kandidaatstelling']],
      ['Opleiders', []],
    ]);

    // Up and down: the new place in the list, counted from 0; past the end is the end.
    await staff.patch(`/api/guide/links/${c}`, { position: 0 });
    await staff.patch(`/api/guide/links/${a}`, { position: 99 });
    await staff.patch(`/api/guide/sections/${opleiders}`, { position: 0 });
    expect(outline(await guide())).toEqual([
      ['Opleiders', []],
      ['Wet- en regelgeving', ['Wet politieke partijen', 'Kieswet', 'Gemeentewet']],
      ['Kiesraad', ['Kandidaatstelling']],
    ]);

    // To another section: at its end, or at the place asked for; the list it left closes up.
    await staff.patch(`/api/guide/links/${b}`, { sectionId: kiesraad });
    const moved = await staff.patch<Guide>(`/api/guide/links/${a}`, { sectionId: kiesraad, position: 0, title: 'De Gemeentewet' });
    expect(moved.status).toBe(200);
    expect(outline(moved.body)).toEqual([
      ['Opleiders', []],
      ['Wet- en regelgeving', ['Wet politieke partijen']],
      ['Kiesraad', ['De Gemeentewet', 'Kandidaatstelling', 'Kieswet']],
    ]);
    // The stored positions themselves stay 0, 1, 2, … in every list, without gaps or ties.
    const rows = await queryRows<{ section_id: number; position: number }>(t.db, sql`select section_id, position from guide_links order by section_id, position`);
    const bySection = new Map<number, number[]>();
    for (const r of rows) bySection.set(r.section_id, [...(bySection.get(r.section_id) ?? []), r.position]);
    for (const list of bySection.values()) expect(list).toEqual(list.map((_, i) => i));

    // Renaming a section keeps its place.
    const renamed = await staff.patch<Guide>(`/api/guide/sections/${wet}`, { name: 'Wetten' });
    expect(outline(renamed.body).map(([name]) => name)).toEqual(['Opleiders', 'Wetten', 'Kiesraad']);
  });

  it('refuses a section that still holds links in Dutch, and deletes an empty one', async () => {
    const full = (await addSection(staff, 'Handreikingen')).id;
    const link = (await addLink(staff, full, 'Handreiking fuseren')).id;
    const before = await guide();
    const refused = await staff.request<ErrorBody>('DELETE', `/api/guide/sections/${full}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'section_not_empty', message: '„Handreikingen” bevat nog 1 link. Verplaats of verwijder die eerst.' });
    expect(await guide()).toEqual(before);
    await staff.request('DELETE', `/api/guide/links/${link}`);
    const deleted = await staff.request<Guide>('DELETE', `/api/guide/sections/${full}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.sections.some((s) => s.id === full)).toBe(false);
    // Gone is gone: 404 for what no longer exists.
    expect((await staff.request<ErrorBody>('DELETE', `/api/guide/sections/${full}`)).status).toBe(404);
    expect((await staff.patch<ErrorBody>(`/api/guide/links/${link}`, { title: 'Terug' })).status).toBe(404);
  });

  it('accepts only http(s) addresses and plain, sized text; a refusal is Dutch, names the field and changes nothing', async () => {
    const section = (await addSection(staff, 'Kiesraad en verkiezingen')).id;
    const link = (await addLink(staff, section, 'Kiesraad', 'De Kiesraad over verkiezingen.', 'https://www.kiesraad.nl')).id;
    const before = await guide();
    expect(before.sections.find((s) => s.id === section)!.links[0]!.url).toBe('https://www.kiesraad.nl/');

    const badUrls = [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'mailto:info@kiesraad.nl',
      'ftp://example.nl/',
      '//example.nl/pad',
      '/wegwijzer',
      'www.kiesraad.nl',
      'https://gebruiker:geheim@example.nl/',
      `https://example.nl/${'a'.repeat(2000)}`,
    ];
    for (const url of badUrls) {
      const created = await staff.post<ErrorBody>('/api/guide/links', { sectionId: section, title: 'Slecht', url, description: 'Mag niet.' });
      expect(created.status, url).toBe(400);
      expect(created.body.error.field, url).toBe('url');
      expect(created.body.error.message, url).toMatch(/webadres|Webadres/);
      const changed = await staff.patch<ErrorBody>(`/api/guide/links/${link}`, { url });
      expect(changed.status, url).toBe(400);
      expect(changed.body.error.field, url).toBe('url');
    }
    const scheme = await staff.post<ErrorBody>('/api/guide/links', { sectionId: section, title: 'Slecht', url: 'javascript:alert(1)', description: 'Mag niet.' });
    expect(scheme.body.error.message).toBe('Alleen webadressen die beginnen met https:// of http:// zijn toegestaan.');

    const badBodies: [Record<string, unknown>, string][] = [
      [{ sectionId: section, title: ' ', url: 'https://example.nl/', description: 'Iets.' }, 'title'],
      [{ sectionId: section, title: 'x'.repeat(151), url: 'https://example.nl/', description: 'Iets.' }, 'title'],
      [{ sectionId: section, title: 'Titel', url: 'https://example.nl/', description: '' }, 'description'],
      [{ sectionId: section, title: 'Titel', url: 'https://example.nl/', description: 'x'.repeat(501) }, 'description'],
      [{ sectionId: section, title: 'Regel\nbreuk', url: 'https://example.nl/', description: 'Iets.' }, 'title'],
      [{ sectionId: 999_999, title: 'Titel', url: 'https://example.nl/', description: 'Iets.' }, 'sectionId'],
      [{ title: 'Titel', url: 'https://example.nl/', description: 'Iets.' }, 'sectionId'],
    ];
    for (const [body, field] of badBodies) {
      const res = await staff.post<ErrorBody>('/api/guide/links', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
      expect(res.body.error.message).toMatch(/[a-z]/);
    }
    expect((await staff.post<ErrorBody>('/api/guide/sections', { name: 'x' })).body.error.field).toBe('name');
    expect((await staff.post<ErrorBody>('/api/guide/sections', { name: 'x'.repeat(81) })).status).toBe(400);
    expect((await staff.patch<ErrorBody>(`/api/guide/sections/${section}`, {})).body.error.code).toBe('nothing_to_change');
    expect((await staff.patch<ErrorBody>(`/api/guide/links/${link}`, { position: -1 })).body.error.field).toBe('position');
    expect((await staff.patch<ErrorBody>(`/api/guide/links/${link}`, { sectionId: 999_999 })).body.error.field).toBe('sectionId');
    expect(await guide()).toEqual(before);

    // Markup is text: stored as typed, and the client shows it as text.
    const html = await staff.patch<Guide>(`/api/guide/links/${link}`, { description: '<b>Vet</b> & <script>alert(1)</script>' });
    expect(html.body.sections.find((s) => s.id === section)!.links[0]!.description).toBe('<b>Vet</b> & <script>alert(1)</script>');
  });
});
