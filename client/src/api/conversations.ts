import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BlockList,
  ConversationAnswer,
  ConversationDraft,
  ConversationDraftAnswer,
  ConversationList,
  ConversationMessageAnswer,
  ConversationMessageList,
  ConversationPage,
  CreateConversationBody,
} from '../../../shared/api/conversations';
import type { ReportReason } from '../../../shared/constants';
import { conversationKeys } from './conversation-unread';
import { upsertMessages, type ConversationChunk, type ConversationData, type ConversationPageParam } from './conversation-cache';
import { del, get, patch, post, put, qs } from './http';

/** /berichten: her conversations, newest activity first, a page at a time. */
export function useConversations() {
  return useInfiniteQuery({
    queryKey: conversationKeys.list,
    queryFn: ({ pageParam }) => get<ConversationList>(`/api/conversations${qs({ cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One conversation: its newest messages first, earlier ones prepended ("Eerdere berichten laden"). */
export function useConversation(id: number) {
  return useInfiniteQuery({
    queryKey: conversationKeys.one(id),
    queryFn: async ({ pageParam }): Promise<ConversationChunk> => {
      if (pageParam === null) return get<ConversationPage>(`/api/conversations/${id}`);
      const page = await get<ConversationMessageList>(`/api/conversations/${id}/messages?before=${pageParam}`);
      return { conversation: null, messages: page.items, hasEarlier: page.hasEarlier };
    },
    initialPageParam: null as ConversationPageParam,
    getNextPageParam: () => undefined,
    getPreviousPageParam: (first): ConversationPageParam | undefined => (first.hasEarlier && first.messages[0] ? first.messages[0].id : undefined),
    enabled: id > 0,
    // Live events keep it current while open (live/connect.ts); a refetch of every page would only repeat them.
    staleTime: Infinity,
    // Gone once she leaves the page: a later visit asks afresh, so her read marker (the "Sinds je laatste bezoek"
    // line) is the one she has then, not the one of her first visit.
    gcTime: 0,
  });
}

const useInvalidateLists = () => {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: conversationKeys.list });
    void client.invalidateQueries({ queryKey: conversationKeys.unread });
  };
};

export function useStartConversation() {
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: (body: CreateConversationBody) => post<ConversationAnswer>('/api/conversations', body),
    onSuccess: invalidate,
  });
}

/** Writing, editing and deleting a message: the answer goes straight into the open conversation. */
function useMessageMutation<V, R extends ConversationMessageAnswer | undefined>(conversationId: number, send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer) => {
      if (answer) client.setQueryData<ConversationData>(conversationKeys.one(conversationId), (d) => upsertMessages(d, [answer.message]));
      else void client.invalidateQueries({ queryKey: conversationKeys.one(conversationId) });
      invalidate();
    },
  });
}

export const useSendMessage = (conversationId: number) =>
  useMessageMutation(conversationId, (body: string) => post<ConversationMessageAnswer>(`/api/conversations/${conversationId}/messages`, { body }));

export const useEditMessage = (conversationId: number) =>
  useMessageMutation(conversationId, ({ id, body }: { id: number; body: string }) => patch<ConversationMessageAnswer>(`/api/conversations/${conversationId}/messages/${id}`, { body }));

export const useDeleteMessage = (conversationId: number) =>
  useMessageMutation(conversationId, (id: number) => del<ConversationMessageAnswer | undefined>(`/api/conversations/${conversationId}/messages/${id}`));

/** Her read marker moves to this message; the header and the list count again. */
export function useMarkConversationRead(conversationId: number) {
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: (messageId: number) => post<unknown>(`/api/conversations/${conversationId}/read`, { messageId }),
    onSuccess: invalidate,
  });
}

export function useAddParticipants(conversationId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userIds: number[]) => post<ConversationAnswer>(`/api/conversations/${conversationId}/participants`, { userIds }),
    onSuccess: ({ conversation }) => {
      client.setQueryData<ConversationData>(conversationKeys.one(conversationId), (d) =>
        d ? { ...d, pages: d.pages.map((p, i) => (i === d.pages.length - 1 ? { ...p, conversation } : p)) } : d,
      );
      void client.invalidateQueries({ queryKey: conversationKeys.list });
    },
  });
}

export function useLeaveConversation(conversationId: number) {
  const client = useQueryClient();
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: () => del<unknown>(`/api/conversations/${conversationId}/participation`),
    onSuccess: () => {
      client.removeQueries({ queryKey: conversationKeys.one(conversationId) });
      invalidate();
    },
  });
}

/** Reports a message to the moderators (components/report-dialog.tsx asks why). */
export const reportMessage = (conversationId: number, messageId: number) => (reason: ReportReason, note: string) =>
  post<unknown>(`/api/conversations/${conversationId}/messages/${messageId}/report`, note.trim() ? { reason, note: note.trim() } : { reason });

/** The reply draft, as plain calls (components/use-draft.ts decides when): never cached, like the forum's drafts. */
export const conversationDraftApi = (conversationId: number) => ({
  load: async (): Promise<ConversationDraft | null> => (await get<ConversationDraftAnswer>(`/api/conversations/${conversationId}/draft`)).draft,
  save: (body: string) => put<ConversationDraftAnswer>(`/api/conversations/${conversationId}/draft`, { body }),
  remove: () => del<void>(`/api/conversations/${conversationId}/draft`),
});

const blockKeys = { list: ['blocks'] as const };

/** The members she blocked (Mijn account). */
export function useBlocks(enabled = true) {
  return useQuery({ queryKey: blockKeys.list, queryFn: () => get<BlockList>('/api/me/blocks'), enabled });
}

/** Block or unblock a member; the member page and the list of blocks ask again. */
export function useBlock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, block }: { memberId: number; block: boolean }) => (block ? put<unknown>(`/api/members/${memberId}/block`, {}) : del<unknown>(`/api/members/${memberId}/block`)),
    onSuccess: (_answer, { memberId }) => {
      void client.invalidateQueries({ queryKey: blockKeys.list });
      void client.invalidateQueries({ queryKey: ['member', memberId] });
    },
  });
}
