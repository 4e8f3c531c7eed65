import { useQuery } from '@tanstack/react-query';
import type { ConversationUnread } from '../../../shared/api/conversations';
import { get } from './http';

/**
 * Every conversation query starts with ['conversations'], so one live event refreshes the header's count, the list
 * and an open conversation together. Here, apart from the other hooks (api/conversations.ts): the header uses these
 * on every page, and they are part of the first download.
 */
export const conversationKeys = {
  all: ['conversations'] as const,
  unread: ['conversations', 'unread'] as const,
  list: ['conversations', 'list'] as const,
  one: (id: number) => ['conversations', 'one', id] as const,
};

/** How many of her conversations have unread messages: the "Berichten" badge in the header. */
export function useConversationUnread(enabled: boolean) {
  return useQuery({ queryKey: conversationKeys.unread, queryFn: () => get<ConversationUnread>('/api/conversations/unread'), enabled });
}
