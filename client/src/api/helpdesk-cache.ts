import type { QueryClient } from '@tanstack/react-query';
import type { HelpdeskMessage, HelpdeskQuestionPage } from '../../../shared/api/helpdesk';
import type { ServerMessage } from '../../../shared/live/protocol';
import { helpdeskKeys } from './helpdesk-unread';

/** A message into an open question's cache, once (her own answer may come back over the socket after the POST's answer). */
export function appendMessage(page: HelpdeskQuestionPage | undefined, message: HelpdeskMessage): HelpdeskQuestionPage | undefined {
  if (!page || page.messages.some((m) => m.id === message.id)) return page;
  return { ...page, messages: [...page.messages, message] };
}

/** Everything but the open question itself: the badge, her list and the team's inbox count again. */
export function invalidateHelpdeskLists(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: helpdeskKeys.unread });
  void client.invalidateQueries({ queryKey: helpdeskKeys.mine });
  void client.invalidateQueries({ queryKey: helpdeskKeys.inbox });
}

/**
 * The live side (live/connect.ts): a new message goes straight into the open question, so it appears without a
 * refetch; a change of state (status, assignee, consent, published) fetches the question again.
 */
export function applyHelpdeskEvent(client: QueryClient, message: Extract<ServerMessage, { type: 'helpdesk.message' | 'helpdesk.updated' }>): void {
  if (message.type === 'helpdesk.message') {
    client.setQueryData<HelpdeskQuestionPage>(helpdeskKeys.question(message.questionId), (page) => appendMessage(page, message.message));
  } else {
    void client.invalidateQueries({ queryKey: helpdeskKeys.question(message.questionId) });
  }
  invalidateHelpdeskLists(client);
}
