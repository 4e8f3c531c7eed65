import { useCallback, useEffect, useRef, useState } from 'react';
import { nlForum } from '../i18n/nl-forum';
import { useLive } from './live-context';

const TYPING_SHOWN_MS = 6000;
const TYPING_SENT_EVERY_MS = 3000;

/**
 * The live side of one thread page: the subscription, the polite announcement of new replies, the count of
 * replies that arrived below the reader's view, and who is typing. It never scrolls: the reader decides.
 */
export function useThreadLive(threadId: number, ready: boolean, lastPostId: number | undefined, complete: boolean, viewerId: number | undefined) {
  const live = useLive();
  // Catch-up from our newest post only when we hold the whole thread; otherwise "meer laden" brings the rest.
  const lastRef = useRef<number | undefined>(undefined);
  lastRef.current = complete ? lastPostId : undefined;
  const atBottom = useRef(true);
  const [unseen, setUnseen] = useState<number[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [typing, setTyping] = useState<Record<string, number>>({});
  const lastTypingSent = useRef(0);

  useEffect(() => {
    const client = live.client;
    if (!client || !ready) return;
    client.subscribeThread(threadId, lastRef.current);
    return () => client.unsubscribeThread(threadId);
  }, [live.client, ready, threadId]);

  useEffect(
    () =>
      live.listen((message) => {
        if (message.type === 'post.created' && message.post.threadId === threadId && message.post.author.id !== viewerId) {
          setAnnouncement(nlForum.thread.announceNew(message.post.author.displayName));
          if (!atBottom.current) setUnseen((ids) => (ids.includes(message.post.id) ? ids : [...ids, message.post.id]));
          setTyping(({ [message.post.author.displayName]: _gone, ...rest }) => rest);
        } else if (message.type === 'typing' && message.threadId === threadId && message.user.id !== viewerId) {
          setTyping((t) => ({ ...t, [message.user.displayName]: Date.now() + TYPING_SHOWN_MS }));
        }
      }),
    [live, threadId, viewerId],
  );

  const setAtBottom = useCallback((value: boolean) => {
    atBottom.current = value;
    if (value) setUnseen([]);
  }, []);

  // Typing marks expire by themselves.
  const typingNames = Object.keys(typing);
  useEffect(() => {
    if (typingNames.length === 0) return;
    const timer = setTimeout(() => {
      const now = Date.now();
      setTyping((t) => Object.fromEntries(Object.entries(t).filter(([, until]) => until > now)));
    }, 1000);
    return () => clearTimeout(timer);
  }, [typing, typingNames.length]);

  return {
    unseen,
    announcement,
    typingNames,
    clearUnseen: () => setUnseen([]),
    setAtBottom,
    sendTyping: () => {
      const now = Date.now();
      if (!live.client || now - lastTypingSent.current < TYPING_SENT_EVERY_MS) return;
      lastTypingSent.current = now;
      live.client.typing(threadId);
    },
  };
}
