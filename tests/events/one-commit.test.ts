import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/auth/types.js';
import { queryRows, type Tx } from '../../server/db/client.js';
import { categoryWatches } from '../../server/db/schema.js';
import { categoryId, makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { handOverAuthorship } from '../../server/forum/former-author.js';
import { setReaction, withdrawAllReactions } from '../../server/forum/reactions.js';
import { FORMER_MEMBER_NAME, formerMemberId } from '../../server/privacy/former-member.js';
import type { ForumChange, ForumEvent } from '../../server/events/types.js';
import { hide, restore } from '../../server/forum/post-hiding.js';
import { hideThread, restoreThread } from '../../server/forum/thread-hiding.js';
import { changeThread } from '../../server/forum/thread-changes.js';
import { createReply, createThread, deletePost, editPost } from '../../server/forum/writes.js';
import { startBus, type LiveBus } from '../../server/live/bus.js';
import { FORUM_CHANNEL, notifyTyping } from '../../server/live/notify.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/**
 * Every kind of forum write announces itself once, in its own transaction: its search outbox rows, its notification
 * outbox rows and its live event are there after the commit, and none is after a rollback. The events are heard the
 * way the live hub hears them (a LISTEN of our own on `forum_events`); outbox rows are read from the tables (no
 * worker runs here).
 */

interface Announced {
  outbox: { kind: 'post' | 'thread'; targetId: number }[];
  events: ForumEvent[];
  /** The notification outbox's rows (the change as written); none when left out. */
  notices?: ForumChange[];
}

/** A write of one kind, prepared on data of its own; run() does it in the given transaction and says what it must announce. */
interface WriteCase {
  name: string;
  prepare(): Promise<(tx: Tx) => Promise<Announced>>;
}

class Rollback extends Error {}

let t: TestApp;
let bus: LiveBus;
let author: CurrentUser;
let moderator: CurrentUser;
const heard: ForumEvent[] = [];
const markers = new Map<number, () => void>();
let lastMarker = 0;

/**
 * Every forum event committed so far, and only those: a typing marker sent after them on the same channel arrives
 * after them (NOTIFY is delivered in commit order), so no waiting for something that should not come.
 */
async function drainEvents(): Promise<ForumEvent[]> {
  const marker = ++lastMarker;
  const arrived = new Promise<void>((resolve) => markers.set(marker, resolve));
  await notifyTyping(t.db, { type: 'typing', threadId: -marker, userId: 0, displayName: 'marker' });
  await arrived;
  return heard.splice(0);
}

const lastOutboxId = async () => (await queryRows<{ id: number }>(t.db, sql`select coalesce(max(id), 0)::int as id from search_outbox`))[0]!.id;
const outboxAfter = (id: number) =>
  queryRows<{ kind: 'post' | 'thread'; targetId: number }>(t.db, sql`select kind, target_id::int as "targetId" from search_outbox where id > ${id} order by id`);
const lastNoticeId = async () => (await queryRows<{ id: number }>(t.db, sql`select coalesce(max(id), 0)::int as id from notification_outbox`))[0]!.id;
const noticesAfter = async (id: number) =>
  (await queryRows<{ change: ForumChange }>(t.db, sql`select change from notification_outbox where id > ${id} order by id`)).map((r) => r.change);

beforeAll(async () => {
  t = await buildTestApp({ searchWorker: false });
  author = (await t.login()).user;
  moderator = (await t.login({ role: 'moderator' })).user;
  bus = await startBus(
    t.database,
    {
      message(channel, payload) {
        if (channel !== FORUM_CHANNEL) return;
        const event = JSON.parse(payload) as ForumEvent | { type: 'typing'; threadId: number };
        if (event.type === 'typing') markers.get(-event.threadId)?.();
        else heard.push(event);
      },
      reconnected() {},
    },
    t.app.log,
  );
});
afterAll(async () => {
  await bus.close();
  await t.close();
});

const algemeen = () => categoryId(t.db, 'algemeen');

const cases: WriteCase[] = [
  {
    name: 'a new thread',
    async prepare() {
      const category = await algemeen();
      return async (tx) => {
        const { threadId, postId } = await createThread(tx, author, category, 'Een nieuwe vraag', 'Wie weet het?');
        return {
          outbox: [{ kind: 'post', targetId: postId }],
          events: [
            { type: 'thread.created', threadId, categoryId: category },
            { type: 'post.created', threadId, postId, categoryId: category },
          ],
          // Nobody follows the category: only the post's row (mentions, watchers)
          notices: [{ type: 'post.created', threadId, postId, categoryId: category }],
        };
      };
    },
  },
  {
    name: 'a new thread in a category someone follows',
    async prepare() {
      const category = await categoryId(t.db, 'campagne');
      await t.db.insert(categoryWatches).values({ userId: moderator.id, categoryId: category, level: 'watching' }).onConflictDoNothing();
      return async (tx) => {
        const { threadId, postId } = await createThread(tx, author, category, 'Een gevolgde vraag', 'Wie weet het?');
        return {
          outbox: [{ kind: 'post', targetId: postId }],
          events: [
            { type: 'thread.created', threadId, categoryId: category },
            { type: 'post.created', threadId, postId, categoryId: category },
          ],
          notices: [
            { type: 'thread.created', threadId, categoryId: category },
            { type: 'post.created', threadId, postId, categoryId: category },
          ],
        };
      };
    },
  },
  {
    name: 'a reply',
    async prepare() {
      const { threadId } = await makeThread(t.db, author);
      const category = await algemeen();
      return async (tx) => {
        const postId = await createReply(tx, author, threadId, category, 'Een antwoord', null);
        return {
          outbox: [{ kind: 'post', targetId: postId }],
          events: [{ type: 'post.created', threadId, postId, categoryId: category }],
          notices: [{ type: 'post.created', threadId, postId, categoryId: category }],
        };
      };
    },
  },
  {
    name: 'an edit',
    async prepare() {
      const { threadId, postId } = await makeThread(t.db, author);
      const category = await algemeen();
      return async (tx) => {
        await editPost(tx, author, postId, threadId, category, 'Anders gezegd');
        // Naming nobody: nothing for the notification worker.
        return { outbox: [{ kind: 'post', targetId: postId }], events: [{ type: 'post.updated', threadId, postId, categoryId: category }] };
      };
    },
  },
  {
    name: 'an edit that names a member',
    async prepare() {
      const { threadId, postId } = await makeThread(t.db, author);
      const category = await algemeen();
      return async (tx) => {
        await editPost(tx, author, postId, threadId, category, `Wat denk jij, @${moderator.displayName}?`);
        return {
          outbox: [{ kind: 'post', targetId: postId }],
          events: [{ type: 'post.updated', threadId, postId, categoryId: category }],
          notices: [{ type: 'post.updated', threadId, postId, categoryId: category }],
        };
      };
    },
  },
  {
    name: 'a deleted reply',
    async prepare() {
      const { threadId } = await makeThread(t.db, author);
      const postId = await makePost(t.db, author, threadId);
      const category = await algemeen();
      return async (tx) => {
        await deletePost(tx, author, postId, threadId, category, true);
        return { outbox: [{ kind: 'post', targetId: postId }], events: [{ type: 'post.removed', threadId, postId, categoryId: category }] };
      };
    },
  },
  {
    name: 'a deleted only post (the thread goes with it)',
    async prepare() {
      const { threadId, postId } = await makeThread(t.db, author);
      const category = await algemeen();
      return async (tx) => {
        await deletePost(tx, author, postId, threadId, category, true);
        return {
          outbox: [{ kind: 'post', targetId: postId }],
          events: [
            { type: 'thread.updated', threadId, categoryId: category },
            { type: 'post.removed', threadId, postId, categoryId: category },
          ],
        };
      };
    },
  },
  {
    name: 'a hidden reply',
    async prepare() {
      const { threadId } = await makeThread(t.db, author);
      const postId = await makePost(t.db, author, threadId);
      const category = await algemeen();
      return async (tx) => {
        await hide(tx, postId, 'test');
        return { outbox: [{ kind: 'post', targetId: postId }], events: [{ type: 'post.updated', threadId, postId, categoryId: category }] };
      };
    },
  },
  {
    name: 'a hidden opening post (that post only: the thread stays)',
    async prepare() {
      const { threadId, postId } = await makeThread(t.db, author);
      const category = await algemeen();
      return async (tx) => {
        await hide(tx, postId, 'test');
        return { outbox: [{ kind: 'post', targetId: postId }], events: [{ type: 'post.updated', threadId, postId, categoryId: category }] };
      };
    },
  },
  {
    name: 'a restored opening post',
    async prepare() {
      const { threadId, postId } = await makeThread(t.db, author);
      await t.db.transaction((tx) => hide(tx, postId, 'test'));
      const category = await algemeen();
      return async (tx) => {
        await restore(tx, postId);
        return { outbox: [{ kind: 'post', targetId: postId }], events: [{ type: 'post.updated', threadId, postId, categoryId: category }] };
      };
    },
  },
  // Hiding or showing a whole thread is announced as thread.updated changed ['hidden', 'counts']: the live wire form
  // leaves `changed` out (events/live-notify.ts), the search outbox's thread row is there because 'hidden' is indexed.
  {
    name: 'a hidden thread',
    async prepare() {
      const { threadId } = await makeThread(t.db, author);
      const category = await algemeen();
      return async (tx) => {
        await hideThread(tx, threadId);
        return { outbox: [{ kind: 'thread', targetId: threadId }], events: [{ type: 'thread.updated', threadId, categoryId: category }] };
      };
    },
  },
  {
    name: 'a thread shown again',
    async prepare() {
      const { threadId } = await makeThread(t.db, author);
      await t.db.transaction((tx) => hideThread(tx, threadId));
      const category = await algemeen();
      return async (tx) => {
        await restoreThread(tx, threadId);
        return { outbox: [{ kind: 'thread', targetId: threadId }], events: [{ type: 'thread.updated', threadId, categoryId: category }] };
      };
    },
  },
  ...(['locked', 'pinned'] as const).map(
    (field): WriteCase => ({
      name: `a thread ${field} (not reindexed: search holds neither)`,
      async prepare() {
        const { threadId } = await makeThread(t.db, author);
        const category = await algemeen();
        return async (tx) => {
          await changeThread(tx, threadId, { [field]: true });
          return { outbox: [], events: [{ type: 'thread.updated', threadId, categoryId: category }] };
        };
      },
    }),
  ),
  {
    name: 'a renamed thread',
    async prepare() {
      const { threadId } = await makeThread(t.db, author);
      const category = await algemeen();
      return async (tx) => {
        await changeThread(tx, threadId, { title: 'Een betere titel' });
        return { outbox: [{ kind: 'thread', targetId: threadId }], events: [{ type: 'thread.updated', threadId, categoryId: category }] };
      };
    },
  },
  {
    name: 'a moved thread',
    async prepare() {
      const { threadId } = await makeThread(t.db, author);
      const from = await algemeen();
      const to = await categoryId(t.db, 'campagne');
      return async (tx) => {
        await changeThread(tx, threadId, { categoryId: to });
        return { outbox: [{ kind: 'thread', targetId: threadId }], events: [{ type: 'thread.updated', threadId, categoryId: to, previousCategoryId: from }] };
      };
    },
  },
  {
    name: 'an account handed to "Oud-lid": her posts and the mentions of her at once, her reactions taken back',
    async prepare() {
      const leaving = await makeUser(t.db);
      const category = await algemeen();
      const own = await makeThread(t.db, leaving);
      // Her post that names someone: its edit is one for the notification worker (the batch statement).
      const naming = await makePost(t.db, leaving, own.threadId, { body: `Goed punt, @${author.displayName}.` });
      const other = await makeThread(t.db, author, { body: `Wat vind jij, @${leaving.displayName}?` });
      await setReaction(t.db, leaving, { id: other.postId, threadId: other.threadId, categoryId: category }, 'thanks', true);
      const formerId = await formerMemberId(t.db);
      return async (tx) => {
        await withdrawAllReactions(tx, leaving.id);
        await handOverAuthorship(tx, { userId: leaving.id, displayName: leaving.displayName, formerId, formerName: FORMER_MEMBER_NAME, removeText: false });
        const updated = (threadId: number, postId: number) => ({ type: 'post.updated', threadId, postId, categoryId: category }) as const;
        return {
          outbox: [own.postId, naming, other.postId].map((targetId) => ({ kind: 'post', targetId }) as const),
          events: [{ type: 'post.reacted', threadId: other.threadId, postId: other.postId, categoryId: category }, updated(own.threadId, own.postId), updated(own.threadId, naming), updated(other.threadId, other.postId)],
          notices: [updated(own.threadId, naming)],
        };
      };
    },
  },
];

describe('a forum write and its announcements commit together', () => {
  it.each(cases)('$name: outbox rows and live event after the commit, neither after a rollback', async ({ prepare }) => {
    const write = await prepare();
    await drainEvents();

    const beforeRollback = await lastOutboxId();
    const noticesBeforeRollback = await lastNoticeId();
    await expect(
      t.db.transaction(async (tx) => {
        await write(tx);
        throw new Rollback('rolled back on purpose');
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await outboxAfter(beforeRollback)).toEqual([]);
    expect(await noticesAfter(noticesBeforeRollback)).toEqual([]);
    expect(await drainEvents()).toEqual([]);

    const beforeCommit = await lastOutboxId();
    const noticesBeforeCommit = await lastNoticeId();
    const announced = await t.db.transaction((tx) => write(tx));
    expect(await outboxAfter(beforeCommit)).toEqual(announced.outbox);
    expect(await noticesAfter(noticesBeforeCommit)).toEqual(announced.notices ?? []);
    expect(await drainEvents()).toEqual(announced.events);
  });

  it('announces nothing when a thread change changes nothing', async () => {
    const { threadId } = await makeThread(t.db, moderator);
    await drainEvents();
    const before = await lastOutboxId();
    const changes = await t.db.transaction((tx) => changeThread(tx, threadId, { locked: false, pinned: false, categoryId: undefined }));
    expect(changes).toEqual({});
    expect(await outboxAfter(before)).toEqual([]);
    expect(await drainEvents()).toEqual([]);
  });

  it('announces nothing when hiding a hidden thread or showing a shown one again', async () => {
    const { threadId } = await makeThread(t.db, author);
    await drainEvents();
    const shown = await lastOutboxId();
    expect(await t.db.transaction((tx) => restoreThread(tx, threadId))).toBeNull();
    expect(await outboxAfter(shown)).toEqual([]);
    expect(await drainEvents()).toEqual([]);

    expect(await t.db.transaction((tx) => hideThread(tx, threadId))).not.toBeNull();
    await drainEvents();
    const hidden = await lastOutboxId();
    expect(await t.db.transaction((tx) => hideThread(tx, threadId))).toBeNull();
    expect(await outboxAfter(hidden)).toEqual([]);
    expect(await drainEvents()).toEqual([]);
  });
});
