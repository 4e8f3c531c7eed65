import { eq } from 'drizzle-orm';
import type { SearchResponse, SimilarResponse } from '../../shared/api/search.js';
import type { CurrentUser } from '../../server/auth/types.js';
import { posts, threads } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { hide } from '../../server/forum/post-hiding.js';
import { hideThread as hideWholeThread } from '../../server/forum/thread-hiding.js';
import type { TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

export type SearchResponseBody = SearchResponse;

/** What moderation does to a post: the forum's own hide (so with its outbox row and live event). */
export async function hidePost(t: TestApp, postId: number): Promise<void> {
  await t.db.transaction((tx) => hide(tx, postId, 'test'));
}

/** What moderation does to a whole thread: the forum's own hide. */
export async function hideThread(t: TestApp, threadId: number): Promise<void> {
  await t.db.transaction((tx) => hideWholeThread(tx, threadId));
}

/** Moves a thread and its posts back in time (for the period filter), before they are indexed. */
export async function backdateThread(t: TestApp, threadId: number, when: Date): Promise<void> {
  await t.db.update(threads).set({ createdAt: when, lastPostAt: when }).where(eq(threads.id, threadId));
  await t.db.update(posts).set({ createdAt: when }).where(eq(posts.threadId, threadId));
}

export function search(client: TestClient, params: Record<string, string | number>) {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return client.get<SearchResponseBody>(`/api/search?${query}`);
}

export function similar(client: TestClient, params: Record<string, string>) {
  return client.get<SimilarResponse>(`/api/search/similar?${new URLSearchParams(params)}`);
}

/** The corpus every engine is tested on. */
export async function makeCorpus(t: TestApp, anna: CurrentUser, bert: CurrentUser) {
  const fusion = await makeThread(t.db, anna, { category: 'fuseren', title: 'Fusie met Gemeentebelangen', body: 'We praten over samengaan van twee partijen in de regio.' });
  const fusionReply = await makePost(t.db, bert, fusion.threadId, { body: 'De fusie is goedgekeurd door de ALV, een historisch besluit.' });
  const candidates = await makeThread(t.db, anna, {
    category: 'kandidaatstelling',
    title: 'Kandidaatstelling voor de raad',
    body: 'Hoe stellen jullie de kandidatenlijst op? Alle kandidaten worden vooraf gescreend.',
  });
  const flyers = await makeThread(t.db, anna, { category: 'campagne', title: 'Flyeren op de markt', body: 'Op de markt spraken we over de fusies van gemeenten in de provincie.' });
  const script = await makeThread(t.db, bert, { category: 'algemeen', title: 'Nieuwe leden werven', body: '<script>alert(1)</script> <b>vet</b> fusie & "quotes" 3 < 4 <img src=x onerror=alert(1)>' });
  const hidden = await makePost(t.db, bert, candidates.threadId, { body: 'Een geheimwoord over de fusie, bijna verborgen.' });
  const deleted = await makePost(t.db, anna, candidates.threadId, { body: 'Het verwijderdwoord over de fusie.' });
  const hiddenThread = await makeThread(t.db, anna, { category: 'fuseren', title: 'Verstopt onderwerp over een fusie', body: 'Het schuilwoord staat hier.' });
  const old = await makeThread(t.db, bert, { category: 'fractie-en-raadswerk', title: 'Oude discussie over de gemeenteraad', body: 'Wat deed de gemeenteraad toen?' });
  await backdateThread(t, old.threadId, new Date('2020-03-01T12:00:00Z'));
  // 25 threads for paging (hits are threads), and one thread where many posts match.
  const budget: { threadId: number; postId: number }[] = [];
  for (let i = 0; i < 25; i++) budget.push(await makeThread(t.db, i % 2 ? bert : anna, { category: 'fractie-en-raadswerk', title: `Jaarlijkse cijfers ${i}`, body: `Over de begroting, punt ${i}.` }));
  // The title and three replies say it; the opening post and one reply do not.
  const audit = await makeThread(t.db, anna, { category: 'algemeen', title: 'De kascontrole van dit jaar', body: 'Wie wil er dit jaar meedoen?' });
  const auditReplies = [
    await makePost(t.db, bert, audit.threadId, { body: 'Ik doe graag mee aan de kascontrole.' }),
    await makePost(t.db, anna, audit.threadId, { body: 'Prima, dank je wel.' }),
    await makePost(t.db, bert, audit.threadId, { body: 'Bij de kascontrole kijken we naar de boeken van de penningmeester.' }),
    await makePost(t.db, anna, audit.threadId, { body: 'Vorig jaar duurde de kascontrole twee avonden.' }),
  ];
  // Word families and synonyms (the analysis: fuseren / fusie / gefuseerd; alv = algemene ledenvergadering).
  const merged = await makeThread(t.db, bert, { category: 'fuseren', title: 'Samen verder na de herindeling', body: 'Onze twee afdelingen zijn vorig jaar gefuseerd.' });
  const assembly = await makeThread(t.db, anna, { category: 'algemeen', title: 'Verslag van de algemene ledenvergadering', body: 'De algemene ledenvergadering koos een nieuw bestuur.' });
  // Partial match: has "jongeren" and "actief", not "begroting".
  const youth = await makeThread(t.db, bert, { category: 'algemeen', title: 'Jongeren in de afdeling', body: 'Hoe houden we jongeren actief in de afdeling?' });
  await hidePost(t, hidden);
  await hideThread(t, hiddenThread.threadId);
  return { fusion, fusionReply, candidates, flyers, script, hidden, deleted, hiddenThread, old, budget, audit, auditReplies, merged, assembly, youth };
}
