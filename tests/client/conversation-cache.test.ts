import { describe, expect, it } from 'vitest';
import type { ConversationDetail, ConversationMessage } from '../../shared/api/conversations.js';
import { detailOf, mergeFresh, upsertMessages, type ConversationData } from '../../client/src/api/conversation-cache.js';

const detail = (over: Partial<ConversationDetail> = {}): ConversationDetail => ({
  id: 7,
  subject: 'Begroting',
  participants: [],
  createdAt: '2026-12-01T10:00:00.000Z',
  messageCount: 3,
  lastReadMessageId: 0,
  canReply: true,
  ...over,
});

const message = (id: number, over: Partial<ConversationMessage> = {}): ConversationMessage => ({
  id,
  conversationId: 7,
  author: null,
  bodyHtml: `<p>bericht ${id}</p>`,
  createdAt: '2026-12-01T10:00:00.000Z',
  editedAt: null,
  deleted: false,
  ...over,
});

/** An earlier page (1, 2) loaded above the newest one (3, 4), as "Eerdere berichten laden" leaves them. */
const held = (): ConversationData => ({
  pages: [
    { conversation: null, messages: [message(1), message(2)], hasEarlier: false },
    { conversation: detail({ messageCount: 4 }), messages: [message(3), message(4, { body: 'mijn tekst' })], hasEarlier: true },
  ],
  pageParams: [3, null],
});

const ids = (data: ConversationData | undefined) => data?.pages.flatMap((p) => p.messages.map((m) => m.id));

describe('an open conversation in the query cache', () => {
  it('appends a new message to the newest page, in id order, and counts it', () => {
    const data = upsertMessages(held(), [message(6), message(5)]);
    expect(ids(data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(detailOf(data)?.messageCount).toBe(6);
  });

  it('replaces a known message in place, on whichever page it is, without adding it again', () => {
    const data = upsertMessages(held(), [message(1, { bodyHtml: '<p>anders</p>', editedAt: '2026-12-01T11:00:00.000Z' })]);
    expect(ids(data)).toEqual([1, 2, 3, 4]);
    expect(data?.pages[0]?.messages[0]?.bodyHtml).toBe('<p>anders</p>');
    expect(detailOf(data)?.messageCount).toBe(4);
  });

  it('keeps her Markdown when a live copy of the same version leaves it out, and drops it once the message is deleted', () => {
    expect(upsertMessages(held(), [message(4)])?.pages[1]?.messages[1]?.body).toBe('mijn tekst');
    const deleted = upsertMessages(held(), [message(4, { deleted: true, bodyHtml: '' })]);
    expect(deleted?.pages[1]?.messages[1]).toMatchObject({ deleted: true, bodyHtml: '' });
    expect(deleted?.pages[1]?.messages[1]?.body).toBeUndefined();
  });

  it('takes a fresh answer: its conversation (participants, count) on the newest page, its messages merged, earlier pages kept', () => {
    const fresh = { conversation: detail({ messageCount: 5, canReply: false }), messages: [message(4), message(5)], hasEarlier: true };
    const data = mergeFresh(held(), fresh);
    expect(ids(data)).toEqual([1, 2, 3, 4, 5]);
    expect(detailOf(data)).toEqual(fresh.conversation);
  });

  it('leaves a conversation that is not held alone', () => {
    expect(upsertMessages(undefined, [message(1)])).toBeUndefined();
    expect(detailOf(undefined)).toBeNull();
  });
});
