import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { MessageReportAnswer, MessageReportList, ResolveMessageReportBody } from '../../../shared/api/conversations';
import { get, post, qs } from './http';

/** Open reports on messages in private conversations (moderators); staff-only code (vite.config.ts STAFF_CODE). */
export function useMessageReports() {
  return useInfiniteQuery({
    queryKey: ['moderation', 'message-reports'] as const,
    queryFn: ({ pageParam }) => get<MessageReportList>(`/api/moderation/message-reports${qs({ status: 'open', cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useResolveMessageReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, ...body }: ResolveMessageReportBody & { reportId: number }) => post<MessageReportAnswer>(`/api/moderation/message-reports/${reportId}/resolve`, body),
    // Not awaited: the caller's own onSuccess must run while the card that asked is still on screen.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['moderation'] });
      void client.invalidateQueries({ queryKey: ['conversations'] });
    },
  });
}
