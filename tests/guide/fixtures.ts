import type { Guide } from '../../shared/api/guide.js';
import type { TestClient } from '../helpers/client.js';

/** The Wegwijzer as a staff member's client changes it: each call answers the whole Wegwijzer. */
export async function addSection(client: TestClient, name: string): Promise<{ guide: Guide; id: number }> {
  const res = await client.post<Guide>('/api/guide/sections', { name });
  if (res.status !== 201) throw new Error(`section refused: ${res.status} ${JSON.stringify(res.body)}`);
  return { guide: res.body, id: res.body.sections.find((s) => s.name === name.trim())!.id };
}

export async function addLink(client: TestClient, sectionId: number, title: string, description = `Over ${title.toLowerCase()}.`, url = 'https://example.nl/'): Promise<{ guide: Guide; id: number }> {
  const res = await client.post<Guide>('/api/guide/links', { sectionId, title, url, description });
  if (res.status !== 201) throw new Error(`link refused: ${res.status} ${JSON.stringify(res.body)}`);
  const section = res.body.sections.find((s) => s.id === sectionId)!;
  return { guide: res.body, id: section.links.find((l) => l.title === title.trim())!.id };
}

/** Section names with their links' titles, in order: what a member reads on /wegwijzer. */
export const outline = (guide: Guide) => guide.sections.map((s) => [s.name, s.links.map((l) => l.title)]);
