import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { keys, type ThreadData } from '../api/forum';
import { nlForum } from '../i18n/nl-forum';
import { useLive } from './live-context';

const TYPING_SHOWN_MS = 6000;
const TYPING_SENT_EVERY_MS = 3000;

/**
 * The live side of one thread page: the subscription, the polite announcement of new replies, the count of
 * replies that arrived below the reader's view, and who is typing. It never scrolls: the reader decides.
 * `onSeen`: a reply that arrived while she was at the bottom of a thread she holds whole (her read marker follows it).
 */
export function useThreadLive(threadId: number, ready: boolean, lastPostId: number | undefined, complete: boolean, viewerId: number | undefined, onSeen?: (postId: number) => void) {
  const live = useLive();
  const queryClient = useQueryClient();
  // Catch-up from our newest post only when we hold the whole thread; otherwise "meer laden" brings the rest.
  const lastRef = useRef<number | undefined>(undefined);
  lastRef.current = complete ? lastPostId : undefined;
  const atBottom = useRef(true);
  const seen = useRef(onSeen);
  seen.current = onSeen;
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
          // Appended in view (the cache takes a new reply only when every page is held, api/forum.ts upsertPost).
          else if (lastRef.current !== undefined) seen.current?.(message.post.id);
          setTyping(({ [message.post.author.displayName]: _gone, ...rest }) => rest);
        } else if (message.type === 'typing' && message.threadId === threadId && message.user.id !== viewerId) {
          setTyping((t) => ({ ...t, [message.user.displayName]: Date.now() + TYPING_SHOWN_MS }));
        } else if (message.type === 'thread.updated' && message.thread.id === threadId) {
          // The cache took the new thread (connect.ts), and with it the best answer when that post is loaded here.
          // A reply on a page not loaded yet comes only with the thread page's own answer: ask for it again.
          const data = queryClient.getQueryData<ThreadData>(keys.thread(threadId));
          const shown = data?.pages[0]?.solution?.id;
          const marked = message.thread.solved ? message.thread.solutionPostId : undefined;
          if (data && shown !== marked) void queryClient.invalidateQueries({ queryKey: keys.thread(threadId) });
        }
      }),
    [live, queryClient, threadId, viewerId],
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
