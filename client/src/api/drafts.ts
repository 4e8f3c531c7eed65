import type { ReplyDraft, ReplyDraftAnswer, ReplyDraftBody, ThreadDraft, ThreadDraftAnswer, ThreadDraftBody } from '../../../shared/api/drafts';
import { del, get, put } from './http';

/**
 * The drafts API, as plain calls: components/use-draft.ts decides when each is sent (once on load, then one request
 * per pause in typing, in order), which is no cache's business. A draft is read once per visit and only written
 * afterwards, so it is never kept in the query cache either, where a later visit could restore an old version.
 */
export const replyDraftApi = (threadId: number) => ({
  load: async (): Promise<ReplyDraft | null> => (await get<ReplyDraftAnswer>(`/api/threads/${threadId}/draft`)).draft,
  save: (body: ReplyDraftBody) => put<ReplyDraftAnswer>(`/api/threads/${threadId}/draft`, body),
  remove: () => del<void>(`/api/threads/${threadId}/draft`),
});

export const threadDraftApi = {
  load: async (): Promise<ThreadDraft | null> => (await get<ThreadDraftAnswer>('/api/drafts/new-thread')).draft,
  save: (body: ThreadDraftBody) => put<ThreadDraftAnswer>('/api/drafts/new-thread', body),
  remove: () => del<void>('/api/drafts/new-thread'),
};
