import { useQuery } from '@tanstack/react-query';
import type { HelpdeskUnread } from '../../../shared/api/helpdesk';
import { get } from './http';

/**
 * Every helpdesk query starts with ['helpdesk'], so one live event refreshes the header's badge, the lists and an
 * open question together. Apart from the other hooks (api/helpdesk.ts): the header uses these on every page, and
 * they are part of the first download.
 */
export const helpdeskKeys = {
  all: ['helpdesk'] as const,
  unread: ['helpdesk', 'unread'] as const,
  mine: ['helpdesk', 'mine'] as const,
  question: (id: number) => ['helpdesk', 'question', id] as const,
  inbox: ['helpdesk', 'inbox'] as const,
};

/** How many of her questions have an unread answer: the "Kenniscentrum" badge in the header. */
export function useHelpdeskUnread(enabled: boolean) {
  return useQuery({ queryKey: helpdeskKeys.unread, queryFn: () => get<HelpdeskUnread>('/api/helpdesk/unread'), enabled });
}
