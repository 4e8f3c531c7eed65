import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AskBody,
  ConsentBody,
  HelpdeskMessageAnswer,
  HelpdeskQuestionAnswer,
  HelpdeskQuestionPage,
  MyQuestionList,
} from '../../../shared/api/helpdesk';
import { appendMessage, invalidateHelpdeskLists } from './helpdesk-cache';
import { helpdeskKeys } from './helpdesk-unread';
import { del, get, post, put, qs } from './http';

/** /kenniscentrum/vragen: her own questions, most recently active first, a page at a time. */
export function useMyQuestions() {
  return useInfiniteQuery({
    queryKey: helpdeskKeys.mine,
    queryFn: ({ pageParam }) => get<MyQuestionList>(`/api/helpdesk/questions${qs({ cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One question with all its messages (the asker's view, or the team's with internal notes). */
export function useHelpdeskQuestion(id: number) {
  return useQuery({
    queryKey: helpdeskKeys.question(id),
    queryFn: () => get<HelpdeskQuestionPage>(`/api/helpdesk/questions/${id}`),
    enabled: id > 0,
    // Live events keep it current while open (live/connect.ts).
    staleTime: Infinity,
  });
}

export function useAskQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AskBody) => post<HelpdeskQuestionAnswer>('/api/helpdesk/questions', body),
    onSuccess: () => invalidateHelpdeskLists(client),
  });
}

/** A reply (the asker's) or an answer or internal note (the team's): the answer goes straight into the open question. */
export function useSendHelpdeskMessage(questionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; internal?: boolean }) => post<HelpdeskMessageAnswer>(`/api/helpdesk/questions/${questionId}/messages`, body),
    onSuccess: ({ message }) => {
      client.setQueryData<HelpdeskQuestionPage>(helpdeskKeys.question(questionId), (page) => appendMessage(page, message));
      // The status may have changed with it (an answer makes it "waiting"): ask for the question again.
      void client.invalidateQueries({ queryKey: helpdeskKeys.question(questionId) });
      invalidateHelpdeskLists(client);
    },
  });
}

/** A new version of the question from a mutation's answer, kept with the messages already loaded. */
function useQuestionUpdate(questionId: number) {
  const client = useQueryClient();
  return ({ question }: HelpdeskQuestionAnswer) => {
    client.setQueryData<HelpdeskQuestionPage>(helpdeskKeys.question(questionId), (page) => (page ? { ...page, question } : page));
    invalidateHelpdeskLists(client);
  };
}

/** Her read marker moves to this message; the header's badge and her list count again. */
export function useMarkHelpdeskRead(questionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (messageId: number) => post<unknown>(`/api/helpdesk/questions/${questionId}/read`, { messageId }),
    onSuccess: () => invalidateHelpdeskLists(client),
  });
}

export function useGiveConsent(questionId: number) {
  const onSuccess = useQuestionUpdate(questionId);
  return useMutation({ mutationFn: (body: ConsentBody) => put<HelpdeskQuestionAnswer>(`/api/helpdesk/questions/${questionId}/consent`, body), onSuccess });
}

export function useWithdrawConsent(questionId: number) {
  const onSuccess = useQuestionUpdate(questionId);
  return useMutation({ mutationFn: () => del<HelpdeskQuestionAnswer>(`/api/helpdesk/questions/${questionId}/consent`), onSuccess });
}

export function useCloseQuestion(questionId: number) {
  const onSuccess = useQuestionUpdate(questionId);
  return useMutation({ mutationFn: () => post<HelpdeskQuestionAnswer>(`/api/helpdesk/questions/${questionId}/close`), onSuccess });
}
