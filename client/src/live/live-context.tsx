import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LiveClient, LiveStatus } from '../../../shared/live/client';
import type { ServerMessage } from '../../../shared/live/protocol';
import { keys, removePost, updateThreadInfo, upsertPost, type ThreadData } from '../api/forum';

type Listener = (message: ServerMessage) => void;

interface Live {
  status: LiveStatus | 'off';
  client: LiveClient | null;
  /** Page-level reactions (counters, announcements, typing); the cache is already updated when they run. */
  listen(listener: Listener): () => void;
}

const LiveContext = createContext<Live>({ status: 'off', client: null, listen: () => () => {} });

export const useLive = () => useContext(LiveContext);

/** Live events change the TanStack Query cache, the one place the pages read from. */
function applyToCache(client: QueryClient, message: ServerMessage): void {
  switch (message.type) {
    case 'post.created':
    case 'post.updated':
      client.setQueryData<ThreadData>(keys.thread(message.post.threadId), (data) => upsertPost(data, message.post));
      return;
    case 'post.removed':
      client.setQueryData<ThreadData>(keys.thread(message.threadId), (data) => removePost(data, message.postId));
      return;
    case 'thread.created':
      void client.invalidateQueries({ queryKey: keys.threads(message.thread.categorySlug) });
      void client.invalidateQueries({ queryKey: keys.categories });
      return;
    case 'thread.updated':
      client.setQueryData<ThreadData>(keys.thread(message.thread.id), (data) => updateThreadInfo(data, message.thread));
      void client.invalidateQueries({ queryKey: keys.threads(message.thread.categorySlug) });
      return;
    case 'thread.removed':
      void client.invalidateQueries({ queryKey: keys.thread(message.threadId) });
      return;
    default:
      return;
  }
}

/**
 * One socket per tab for an active member. The live client module (and the schema library it uses) is loaded
 * on demand, so guests on the landing page never download it.
 */
export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus | 'off'>('off');
  const [client, setClient] = useState<LiveClient | null>(null);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    if (!enabled) return;
    let closed = false;
    let live: LiveClient | null = null;
    void import('../../../shared/live/client').then(({ createLiveClient }) => {
      if (closed) return;
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      live = createLiveClient({
        url: `${scheme}://${location.host}/api/live`,
        onEvent: (message) => {
          applyToCache(queryClient, message);
          for (const listener of listeners.current) listener(message);
        },
        onStatus: setStatus,
      });
      setClient(live);
    });
    return () => {
      closed = true;
      live?.close();
      setClient(null);
      setStatus('off');
    };
  }, [enabled, queryClient]);

  const value = useMemo<Live>(
    () => ({
      status,
      client,
      listen: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [status, client],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
