import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ThreadPage } from '../../shared/api/forum.js';
import type { Report } from '../../shared/api/moderation.js';
import type { ErrorBody } from '../../shared/api/common.js';
import { posts } from '../../server/db/schema.js';
import { makePost, makeThread } from '../../server/dev/factories.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

/*
 * The forum that the report tests (reports.test.ts, resolve.test.ts) share: a moderator, an author and four
 * members who report the author's posts. A test file calls `useReportingForum()` once at its top; that builds
 * the app before the file's tests and closes it after them. The bindings below are live: the file imports them
 * and sees what its own call set up (each test file loads this module afresh).
 */
export let t: TestApp;
export let mod: TestClient;
export let author: Awaited<ReturnType<TestApp['login']>>;
export let reporters: TestClient[];

export function useReportingForum(): void {
  beforeAll(async () => {
    // Threshold 3 (the default) spelled out, so the tests say what they rely on.
    t = await buildTestApp({ env: { AUTO_HIDE_REPORTS: '3' } });
    ({ client: mod } = await t.login({ role: 'moderator', displayName: 'Mo de Moderator' }));
    author = await t.login({ displayName: 'Auteur' });
    reporters = [];
    for (let i = 0; i < 4; i++) reporters.push((await t.login({ displayName: `Melder ${i}` })).client);
  });
  afterAll(() => t.close());
}

export const report = (client: TestClient, postId: number, body: unknown = { reason: 'spam' }) =>
  client.post<{ report: Report } & ErrorBody>(`/api/posts/${postId}/reports`, body);

/** A new thread in 'campagne' by the author, with one reply. */
export async function threadWithReply() {
  const { threadId, postId: openingId } = await makeThread(t.db, author.user, { category: 'campagne' });
  const replyId = await makePost(t.db, author.user, threadId);
  return { threadId, openingId, replyId };
}

/** The Markdown a post holds now. */
export const bodyOf = async (postId: number) => (await t.db.select({ body: posts.body }).from(posts).where(eq(posts.id, postId)))[0]!.body;

/** A hidden post as a member finds it in the thread: in its place, marked hidden, without text, Markdown or reason. */
export async function expectPlaceholder(page: ThreadPage, postId: number) {
  const post = page.posts.find((p) => p.id === postId);
  expect(post).toMatchObject({ hidden: true, bodyHtml: '' });
  expect(post).not.toHaveProperty('body');
  expect(post).not.toHaveProperty('hiddenReason');
  expect(JSON.stringify(page)).not.toContain(await bodyOf(postId));
}
