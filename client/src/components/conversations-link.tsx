import { NavLink } from 'react-router';
import { conversationKeys, useConversationUnread } from '../api/conversation-unread';
import { nlConversationsNav as t } from '../i18n/nl-conversations-nav';
import { useAskAgainOnNavigation, WaitingCount } from './notifications-link';

/**
 * "Berichten" in the header with the number of conversations that have unread messages, shown and spoken (one
 * aria-label, as the Meldingen link). Live events ask again (api/conversation-cache.ts); so does every navigation,
 * since reading a conversation elsewhere (another tab) sends her no event.
 */
export function ConversationsLink() {
  useAskAgainOnNavigation(conversationKeys.unread);
  const n = useConversationUnread(true).data?.count ?? 0;
  return (
    <NavLink to="/berichten" aria-label={n > 0 ? t.unreadName(n) : undefined}>
      {t.nav}
      <WaitingCount n={n} />
    </NavLink>
  );
}
