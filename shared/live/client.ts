import { CLOSE, FINAL_CLOSE_CODES } from './constants.js';
import type { ClientMessage, ServerMessage } from './protocol.js';

/**
 * The live client for the SPA (and the tests): one websocket that reconnects by itself with exponential
 * backoff and jitter, remembers the newest post seen per thread and re-subscribes with `after` so a reconnect
 * gets exactly what was missed, and drops post.created messages it has already delivered.
 * Runs in browsers and in Node (tests pass a `ws`-based WebSocketImpl); no platform-specific imports.
 */

/** 'replaced': the server closed this connection because the account opened too many (CLOSE.replaced); final. */
export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'replaced';

export interface LiveClientOptions {
  url: string; // ws(s)://host/api/live
  WebSocketImpl?: new (url: string) => WebSocket; // default globalThis.WebSocket
  onEvent: (message: ServerMessage) => void;
  onStatus?: (status: LiveStatus) => void;
}

export interface LiveClient {
  subscribeThread(threadId: number, after?: number): void;
  unsubscribeThread(threadId: number): void;
  subscribeCategory(categorySlug: string): void;
  unsubscribeCategory(categorySlug: string): void;
  typing(threadId: number): void; // throttled client-side to once per 3 s
  close(): void;
}

const TYPING_INTERVAL_MS = 3000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 15_000;
const PING_INTERVAL_MS = 25_000;
/** No message at all for this long (not even a pong) means the connection is dead without having said so. */
const SILENCE_LIMIT_MS = 60_000;

interface ThreadState {
  /** Newest post id delivered; sent as `after` when (re)subscribing. */
  after: number | undefined;
  /** Every post id delivered, so a post that arrives twice (catch-up seam, resync) is shown once. */
  seen: Set<number>;
}

export function createLiveClient(options: LiveClientOptions): LiveClient {
  const Impl = options.WebSocketImpl ?? globalThis.WebSocket;
  const threads = new Map<number, ThreadState>();
  const categories = new Set<string>();
  const lastTyping = new Map<number, number>();
  let socket: WebSocket | null = null;
  let status: LiveStatus | null = null;
  let attempt = 0;
  let closed = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let lastMessageAt = 0;

  const setStatus = (next: LiveStatus) => {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  };

  const send = (message: ClientMessage) => {
    // Before the socket is open nothing is sent: on open every wanted subscription is sent anyway.
    if (socket && socket.readyState === 1) socket.send(JSON.stringify(message));
  };

  const subscribeAll = () => {
    for (const [threadId, state] of threads) send({ type: 'subscribe', threadId, ...(state.after !== undefined ? { after: state.after } : {}) });
    for (const categorySlug of categories) send({ type: 'subscribeCategory', categorySlug });
  };

  const receive = (message: ServerMessage) => {
    switch (message.type) {
      case 'post.created': {
        const state = threads.get(message.post.threadId);
        if (state) {
          if (state.seen.has(message.post.id)) return;
          state.seen.add(message.post.id);
          state.after = Math.max(state.after ?? 0, message.post.id);
        }
        break;
      }
      case 'caughtUp': {
        const state = threads.get(message.threadId);
        // Without `after`, the server tells us where the thread stands; from here a reconnect catches up.
        if (state && state.after === undefined && message.lastPostId !== null) state.after = message.lastPostId;
        break;
      }
      case 'resync':
        subscribeAll();
        break;
      case 'thread.removed':
        threads.delete(message.threadId);
        break;
      case 'error':
        if (message.code === 'not_found' && message.threadId !== undefined) threads.delete(message.threadId);
        if (message.code === 'not_found' && message.categorySlug !== undefined) categories.delete(message.categorySlug);
        break;
      case 'pong':
        return;
    }
    options.onEvent(message);
  };

  const stopTimers = () => {
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = null;
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer) return;
    setStatus('reconnecting');
    // Full jitter over an exponential window, so a server restart is not met by every client at the same moment.
    const window = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt++);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, window / 2 + Math.random() * (window / 2));
  };

  const connect = () => {
    if (closed) return;
    if (status === null) setStatus('connecting');
    let ws: WebSocket;
    try {
      ws = new Impl(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      lastMessageAt = Date.now();
      // Subscriptions go out at once (the server buffers them); the status turns 'open' with the server's hello,
      // so a refused account goes from 'connecting' straight to 'closed'.
      subscribeAll();
      stopTimers();
      pingTimer = setInterval(() => {
        if (Date.now() - lastMessageAt > SILENCE_LIMIT_MS) ws.close();
        else send({ type: 'ping' });
      }, PING_INTERVAL_MS);
    };
    ws.onmessage = (event: MessageEvent) => {
      if (socket !== ws || typeof event.data !== 'string') return;
      lastMessageAt = Date.now();
      let message: ServerMessage;
      try {
        message = JSON.parse(event.data) as ServerMessage;
      } catch {
        return;
      }
      // A connection that delivered something is healthy: the next loss starts the backoff from the bottom again.
      if (message.type === 'hello') {
        attempt = 0;
        setStatus('open');
      }
      receive(message);
    };
    ws.onclose = (event: CloseEvent) => {
      if (socket !== ws) return;
      socket = null;
      stopTimers();
      if (closed) return;
      if (FINAL_CLOSE_CODES.includes(event.code)) {
        closed = true;
        setStatus(event.code === CLOSE.replaced ? 'replaced' : 'closed');
        return;
      }
      scheduleReconnect();
    };
    // Every error is followed by a close event, which does the reconnecting.
    ws.onerror = () => {};
  };

  connect();

  return {
    subscribeThread(threadId, after) {
      const existing = threads.get(threadId);
      const state: ThreadState = existing ?? { after, seen: new Set() };
      if (existing && after !== undefined) state.after = Math.max(existing.after ?? 0, after);
      threads.set(threadId, state);
      send({ type: 'subscribe', threadId, ...(state.after !== undefined ? { after: state.after } : {}) });
    },
    unsubscribeThread(threadId) {
      if (threads.delete(threadId)) send({ type: 'unsubscribe', threadId });
    },
    subscribeCategory(categorySlug) {
      categories.add(categorySlug);
      send({ type: 'subscribeCategory', categorySlug });
    },
    unsubscribeCategory(categorySlug) {
      if (categories.delete(categorySlug)) send({ type: 'unsubscribeCategory', categorySlug });
    },
    typing(threadId) {
      const now = Date.now();
      if (now - (lastTyping.get(threadId) ?? 0) < TYPING_INTERVAL_MS) return;
      lastTyping.set(threadId, now);
      send({ type: 'typing', threadId });
    },
    close() {
      closed = true;
      stopTimers();
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const ws = socket;
      socket = null;
      ws?.close(1000);
      setStatus('closed');
    },
  };
}
