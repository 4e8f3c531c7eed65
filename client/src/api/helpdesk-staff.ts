import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CannedAnswerAnswer,
  CannedBody,
  CannedList,
  HelpdeskQuestionAnswer,
  HelpdeskQuestionPage,
  HelpdeskStats,
  Inbox,
  PublishAnswer,
  PublishBody,
  TeamList,
  TriageBody,
} from '../../../shared/api/helpdesk';
import type { HelpdeskView } from '../../../shared/constants';
import { invalidateHelpdeskLists } from './helpdesk-cache';
import { helpdeskKeys } from './helpdesk-unread';
import { del, get, patch, post, qs } from './http';

/** The team's side of the helpdesk: loaded by the team's pages only (vite.config.ts STAFF_CODE). */
const staffKeys = {
  team: ['helpdesk', 'team'] as const,
  canned: ['helpdesk', 'canned'] as const,
  stats: ['helpdesk', 'stats'] as const,
};

/** One tab of the shared inbox; every tab's count comes with it. */
export function useInbox(view: HelpdeskView) {
  return useInfiniteQuery({
    queryKey: [...helpdeskKeys.inbox, view] as const,
    queryFn: ({ pageParam }) => get<Inbox>(`/api/helpdesk/inbox${qs({ view, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const useTeam = () => useQuery({ queryKey: staffKeys.team, queryFn: () => get<TeamList>('/api/helpdesk/team') });

/** Assignee, status or category: the answer is the question as it is now. */
export function useTriage(questionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TriageBody) => patch<HelpdeskQuestionAnswer>(`/api/helpdesk/questions/${questionId}`, body),
    onSuccess: ({ question }) => {
      client.setQueryData<HelpdeskQuestionPage>(helpdeskKeys.question(questionId), (page) => (page ? { ...page, question } : page));
      invalidateHelpdeskLists(client);
    },
  });
}

export function usePublish(questionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishBody) => post<PublishAnswer>(`/api/helpdesk/questions/${questionId}/publish`, body),
    onSuccess: ({ threadId }) => {
      // The link shows at once; the refetch brings whatever else publishing changed.
      client.setQueryData<HelpdeskQuestionPage>(helpdeskKeys.question(questionId), (page) => (page ? { ...page, question: { ...page.question, publishedThreadId: threadId } } : page));
      void client.invalidateQueries({ queryKey: helpdeskKeys.question(questionId) });
      invalidateHelpdeskLists(client);
    },
  });
}

export const useCanned = () => useQuery({ queryKey: staffKeys.canned, queryFn: () => get<CannedList>('/api/helpdesk/canned') });

function useCannedMutation<V, R>(send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => void client.invalidateQueries({ queryKey: staffKeys.canned }) });
}

export const useCreateCanned = () => useCannedMutation((body: CannedBody) => post<CannedAnswerAnswer>('/api/helpdesk/canned', body));
export const useUpdateCanned = () => useCannedMutation(({ id, ...body }: CannedBody & { id: number }) => patch<CannedAnswerAnswer>(`/api/helpdesk/canned/${id}`, body));
export const useDeleteCanned = () => useCannedMutation((id: number) => del<undefined>(`/api/helpdesk/canned/${id}`));

export const useHelpdeskStats = () => useQuery({ queryKey: staffKeys.stats, queryFn: () => get<HelpdeskStats>('/api/helpdesk/stats') });
