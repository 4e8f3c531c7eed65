import { useCallback, useEffect, useRef, useState } from 'react';
import { useLive } from '../../live/live-context';
import { nlConversations } from '../../i18n/nl-conversations';

/**
 * The live side of an open conversation. Its events reach every participant's socket without a subscription, and
 * live/connect.ts has put each message in the cache before this runs; here only what the page says about it: a
 * polite announcement of a message from someone else, and the count of those that arrived below her view (the
 * "N nieuwe berichten" bar). It never scrolls: the reader decides.
 */
export function useConversationLive(conversationId: number, viewerId: number | undefined) {
  const live = useLive();
  const atBottom = useRef(true);
  const [unseen, setUnseen] = useState<number[]>([]);
  const [announcement, setAnnouncement] = useState('');

  useEffect(
    () =>
      live.listen((event) => {
        if (event.type !== 'conversation.message' || event.conversationId !== conversationId) return;
        const { message } = event;
        // New (not an edit or a deletion), and not her own from another tab.
        if (message.deleted || message.editedAt !== null || !message.author || message.author.id === viewerId) return;
        setAnnouncement(nlConversations.page.announceNew(message.author.displayName));
        if (!atBottom.current) setUnseen((ids) => (ids.includes(message.id) ? ids : [...ids, message.id]));
      }),
    [live, conversationId, viewerId],
  );

  const setAtBottom = useCallback((value: boolean) => {
    atBottom.current = value;
    if (value) setUnseen([]);
  }, []);

  return { unseen, announcement, setAtBottom, clearUnseen: () => setUnseen([]) };
}
