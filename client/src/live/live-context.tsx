import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LiveClient, LiveStatus } from '../../../shared/live/client';
import type { ServerMessage } from '../../../shared/live/protocol';

type Listener = (message: ServerMessage) => void;

interface Live {
  client: LiveClient | null;
  /** Page-level reactions (counters, announcements, typing); the cache is already updated when they run. */
  listen(listener: Listener): () => void;
}

const LiveContext = createContext<Live>({ client: null, listen: () => () => {} });
// Apart from the rest: the status changes as the socket connects and reconnects, and only the status line shows it;
// in the same context every page using the socket (a whole thread) would be drawn again each time.
const LiveStatusContext = createContext<LiveStatus | 'off'>('off');

export const useLive = () => useContext(LiveContext);
export const useLiveStatus = () => useContext(LiveStatusContext);

/**
 * One socket per tab for an active member. The live client module (and the schema library it uses) is loaded
 * on demand (./connect), so guests on the landing page never download it.
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
    void import('./connect').then(({ connectLive }) => {
      if (closed) return;
      live = connectLive(queryClient, (message) => {
        for (const listener of listeners.current) listener(message);
      }, setStatus);
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
      client,
      listen: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [client],
  );
  return (
    <LiveContext.Provider value={value}>
      <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>
    </LiveContext.Provider>
  );
}
