import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { ConversationDetail, ConversationMessage, ConversationPage } from '../../../shared/api/conversations';
import { get } from './http';
import { conversationKeys } from './conversation-unread';

/**
 * One page of an open conversation: the newest page comes from GET /api/conversations/:id (with the conversation),
 * earlier ones from GET …/messages?before= (without). Pages run oldest first; the last one is the newest.
 */
export interface ConversationChunk {
  conversation: ConversationDetail | null;
  messages: ConversationMessage[];
  hasEarlier: boolean;
}
/** `null`: the newest page; a number: the page before that message. */
export type ConversationPageParam = number | null;
export type ConversationData = InfiniteData<ConversationChunk, ConversationPageParam>;

/** The conversation as the newest answer describes it. */
export const detailOf = (data: { pages: ConversationChunk[] } | undefined): ConversationDetail | null => {
  for (let i = (data?.pages.length ?? 0) - 1; i >= 0; i--) {
    const found = data!.pages[i]!.conversation;
    if (found) return found;
  }
  return null;
};

/** Adds or replaces messages: a known one in place (an edit, a deletion), a new one at the end, in id order. */
export function upsertMessages(data: ConversationData | undefined, incoming: readonly ConversationMessage[]): ConversationData | undefined {
  if (!data || incoming.length === 0) return data;
  const byId = new Map(incoming.map((m) => [m.id, m]));
  const pages = data.pages.map((page) => ({
    ...page,
    messages: page.messages.map((m) => {
      const fresh = byId.get(m.id);
      if (!fresh) return m;
      byId.delete(m.id);
      // A live event leaves out the Markdown source her own answers carry (for editing); keep it while it applies.
      return fresh.body === undefined && !fresh.deleted && fresh.editedAt === m.editedAt ? { ...fresh, body: m.body } : fresh;
    }),
  }));
  const last = pages[pages.length - 1];
  if (last && byId.size > 0) {
    const added = [...byId.values()].sort((a, b) => a.id - b.id);
    last.messages = [...last.messages, ...added].sort((a, b) => a.id - b.id);
    if (last.conversation) last.conversation = { ...last.conversation, messageCount: last.conversation.messageCount + added.length };
  }
  return { ...data, pages };
}

/** Puts a fresh answer of GET /:id in: its conversation (participants, rights) on the newest page, its messages merged. */
export function mergeFresh(data: ConversationData | undefined, fresh: ConversationPage): ConversationData | undefined {
  if (!data) return data;
  const pages = data.pages.map((page, i) => (i === data.pages.length - 1 ? { ...page, conversation: fresh.conversation } : page));
  const merged = upsertMessages({ ...data, pages }, fresh.messages);
  // The count is the server's, not ours plus what arrived.
  const last = merged?.pages[merged.pages.length - 1];
  if (last) last.conversation = fresh.conversation;
  return merged;
}

/**
 * Brings an open conversation up to date without dropping the earlier pages she loaded: its detail and newest page
 * again, and every message after the newest one held (after a reconnect more may have arrived than one page holds).
 */
export async function refreshConversation(client: QueryClient, id: number): Promise<void> {
  const key = conversationKeys.one(id);
  const data = client.getQueryData<ConversationData>(key);
  if (!data) return;
  const newest = data.pages[data.pages.length - 1]?.messages.at(-1)?.id ?? 0;
  try {
    const [fresh, after] = await Promise.all([
      get<ConversationPage>(`/api/conversations/${id}`),
      get<{ items: ConversationMessage[] }>(`/api/conversations/${id}/messages?after=${newest}`),
    ]);
    client.setQueryData<ConversationData>(key, (d) => upsertMessages(mergeFresh(d, fresh), after.items));
  } catch {
    // Gone for her (she left, or it was deleted): the page's own query finds out and says so.
    void client.invalidateQueries({ queryKey: key });
  }
}

/** The live events of her conversations (live/connect.ts): the open conversation, the list and the header's count. */
export function applyConversationEvent(
  client: QueryClient,
  message: { type: 'conversation.message'; conversationId: number; message: ConversationMessage } | { type: 'conversation.updated'; conversationId: number },
): void {
  if (message.type === 'conversation.message') client.setQueryData<ConversationData>(conversationKeys.one(message.conversationId), (d) => upsertMessages(d, [message.message]));
  else void refreshConversation(client, message.conversationId);
  void client.invalidateQueries({ queryKey: conversationKeys.unread });
  void client.invalidateQueries({ queryKey: conversationKeys.list });
}

/**
 * The socket (re)opened: events sent while it was closed are lost, so the count, the list and every conversation held
 * are asked again (the open one catches up from its newest message, keeping what she loaded).
 */
export function catchUpConversations(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: conversationKeys.unread });
  void client.invalidateQueries({ queryKey: conversationKeys.list });
  for (const query of client.getQueryCache().findAll({ queryKey: ['conversations', 'one'] })) {
    const id = query.queryKey[2];
    if (typeof id === 'number') void refreshConversation(client, id);
  }
}
