import type { WebSocket } from 'ws';

/**
 * The little the live logic needs from a socket (tldraw's ServerSocketAdapter idea): the hub and the
 * connections only ever see this, so tests can drive them with fake sockets as well as real ones.
 */
export interface LiveSocket {
  send(data: string): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
  readonly isOpen: boolean;
  /** Text messages. Messages that arrived before a listener was set are replayed to it. */
  onMessage(listener: (data: string) => void): void;
  onClose(listener: () => void): void;
}

// The hub sends one JSON string to many sockets in a row: encode it to UTF-8 once, not once per socket.
let lastText: string | null = null;
let lastBytes: Buffer | null = null;
function encoded(text: string): Buffer {
  if (text !== lastText) {
    lastText = text;
    lastBytes = Buffer.from(text, 'utf8');
  }
  return lastBytes!;
}

/** A real `ws` socket as a LiveSocket, with ping/pong liveness for the heartbeat. */
export class WsLiveSocket implements LiveSocket {
  private messageListener: ((data: string) => void) | null = null;
  private early: string[] = [];
  private closeListeners: (() => void)[] = [];
  private alive = true;

  // Listeners are attached here, synchronously in the upgrade handler, before anything awaits:
  // a client may send its first subscribe in the same tick as the handshake completes.
  /** `onActivity`: the member sent something (she is here: notifications/last-seen.ts); not called for pongs, which browsers send by themselves. */
  constructor(
    private readonly ws: WebSocket,
    onActivity?: () => void,
  ) {
    ws.on('message', (data, isBinary) => {
      onActivity?.();
      // Binary frames are not part of the protocol; hand them on as text so they get a clear error.
      const text = isBinary ? '\u0000binary' : data.toString();
      if (this.messageListener) this.messageListener(text);
      else this.early.push(text);
    });
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', () => {
      for (const listener of this.closeListeners.splice(0)) listener();
    });
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  get isOpen(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  send(data: string): void {
    if (this.isOpen) this.ws.send(encoded(data), { binary: false });
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }

  onMessage(listener: (data: string) => void): void {
    this.messageListener = listener;
    for (const text of this.early.splice(0)) listener(text);
  }

  onClose(listener: () => void): void {
    if (this.ws.readyState === this.ws.CLOSED) listener();
    else this.closeListeners.push(listener);
  }

  /** Called every heartbeat interval: a socket that did not answer the previous ping is dead (laptop lid, tunnel). */
  heartbeat(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    if (this.isOpen) this.ws.ping();
  }
}
