import type { QueryClient } from '@tanstack/react-query';
import { createLiveClient, type LiveClient, type LiveStatus } from '../../../shared/live/client';
import type { ServerMessage } from '../../../shared/live/protocol';
import { applyConversationEvent, catchUpConversations } from '../api/conversation-cache';
import { applyHelpdeskEvent } from '../api/helpdesk-cache';
import { helpdeskKeys } from '../api/helpdesk-unread';
import { keys, updateThreadInfo, upsertPost, type ThreadData } from '../api/forum';
import { notificationKeys } from '../api/notifications';

/** Live events change the TanStack Query cache, the one place the pages read from. */
function applyToCache(client: QueryClient, message: ServerMessage): void {
  switch (message.type) {
    case 'post.created':
    case 'post.updated':
      client.setQueryData<ThreadData>(keys.thread(message.post.threadId), (data) => upsertPost(data, message.post));
      return;
    case 'thread.created':
      void client.invalidateQueries({ queryKey: keys.threads(message.thread.categorySlug) });
      void client.invalidateQueries({ queryKey: keys.categories });
      return;
    case 'thread.updated':
      client.setQueryData<ThreadData>(keys.thread(message.thread.id), (data) => updateThreadInfo(data, message.thread));
      void client.invalidateQueries({ queryKey: keys.threads(message.thread.categorySlug) });
      return;
    case 'thread.removed':
      void client.invalidateQueries({ queryKey: keys.thread(message.threadId) });
      return;
    case 'notification':
      // Only an id arrives: fetch the count (and the list, if open) again.
      void client.invalidateQueries({ queryKey: notificationKeys.all });
      return;
    case 'conversation.message':
    case 'conversation.updated':
      applyConversationEvent(client, message);
      return;
    case 'helpdesk.message':
    case 'helpdesk.updated':
      applyHelpdeskEvent(client, message);
      return;
    default:
      return;
  }
}

/** Opens the socket; every event updates the cache first, then reaches the pages' listeners. */
export function connectLive(queryClient: QueryClient, notify: (message: ServerMessage) => void, onStatus: (status: LiveStatus) => void): LiveClient {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createLiveClient({
    url: `${scheme}://${location.host}/api/live`,
    onEvent: (message) => {
      applyToCache(queryClient, message);
      notify(message);
    },
    onStatus: (status) => {
      // Notifications have no catch-up as threads do: one made before this socket was open (between the header's
      // first count and the connection, or while reconnecting) is only found by counting again.
      if (status === 'open') void queryClient.invalidateQueries({ queryKey: notificationKeys.summary });
      // Conversations have no catch-up on the socket either (their events are not subscribed to): ask again.
      if (status === 'open') catchUpConversations(queryClient);
      // Nor the helpdesk: an answer that came while the socket was down is only found by asking again.
      if (status === 'open') void queryClient.invalidateQueries({ queryKey: helpdeskKeys.all });
      onStatus(status);
    },
  });
}
