import type { ConversationDraft } from '../../../../shared/api/conversations';
import { conversationDraftApi } from '../../api/conversations';
import { useDraft, type Draft } from '../../components/use-draft';

/** The reply box's draft in a conversation, kept on the server as she types (components/use-draft.ts). */
export function useConversationDraft(conversationId: number, options: { enabled: boolean; value: string; apply: (value: string) => void }): Draft {
  const api = conversationDraftApi(conversationId);
  return useDraft<string, ConversationDraft>({
    id: `conversation-${conversationId}`,
    load: api.load,
    save: api.save,
    remove: api.remove,
    toValue: (d) => d.body,
    empty: '',
    isEmpty: (v) => v.trim() === '',
    ...options,
  });
}
