import { eq, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../server/auth/types.js';
import { posts, threads } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { publish } from '../../server/events/publish.js';
import type { TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

export interface SearchResponseBody {
  hits: { threadId: number; postId: number; title: string; snippetHtml: string; categorySlug: string; author: { id: number; displayName: string }; createdAt: string }[];
  nextCursor: string | null;
  suggestion?: string;
}

/** What moderation does to a post (hide it), announced the way the forum announces it: publish, so with an outbox row. */
export async function hidePost(t: TestApp, postId: number): Promise<void> {
  await t.db.transaction(async (tx) => {
    const [post] = await tx
      .update(posts)
      .set({ hiddenAt: sql`now()`, hiddenReason: 'test' })
      .where(eq(posts.id, postId))
      .returning({ threadId: posts.threadId });
    const [thread] = await tx.select({ categoryId: threads.categoryId }).from(threads).where(eq(threads.id, post!.threadId));
    await publish(tx, { type: 'post.updated', threadId: post!.threadId, postId, categoryId: thread!.categoryId });
  });
}

export async function hideThread(t: TestApp, threadId: number): Promise<void> {
  await t.db.transaction(async (tx) => {
    const [thread] = await tx.update(threads).set({ hiddenAt: sql`now()` }).where(eq(threads.id, threadId)).returning({ categoryId: threads.categoryId });
    await publish(tx, { type: 'thread.updated', threadId, categoryId: thread!.categoryId, changed: ['hidden'] });
  });
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
  const budget = await makeThread(t.db, anna, { category: 'fractie-en-raadswerk', title: 'Jaarlijkse cijfers', body: 'Over de begroting, punt 0.' });
  for (let i = 1; i < 25; i++) await makePost(t.db, bert, budget.threadId, { body: `Over de begroting, punt ${i}.` });
  await hidePost(t, hidden);
  await hideThread(t, hiddenThread.threadId);
  return { fusion, fusionReply, candidates, flyers, script, hidden, deleted, hiddenThread, old, budget };
}
