import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import type { ServerMessage } from '../../shared/live/protocol.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

/** Listens on a free port on 127.0.0.1 and returns the websocket URL and the Origin the site itself has. */
export async function listen(app: FastifyInstance): Promise<{ url: string; origin: string }> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${address.replace('http', 'ws')}/api/live`, origin: address };
}

/*
 * The app that the tests of one file share, listening on a free port: a test file calls `useListeningApp()` once
 * at its top; that builds and listens before the file's tests and closes the app after them. The bindings below
 * are live: the file imports them and sees what its own call set up (each test file loads this module afresh).
 */
export let t: TestApp;
export let url: string;
export let origin: string;

export function useListeningApp(): void {
  beforeAll(async () => {
    t = await buildTestApp();
    ({ url, origin } = await listen(t.app));
  });
  afterAll(() => t.close());
}

export interface Closed {
  code: number;
  reason: string;
}

/**
 * A real websocket for tests: it records every message, and `next()` waits for the first one matching
 * a predicate (no timing: the test timeout is the only clock).
 */
export class TestSocket {
  readonly messages: ServerMessage[] = [];
  private cursor = 0;
  private waiters: (() => void)[] = [];
  readonly closed: Promise<Closed>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens a socket as `client` (its cookies) with the given Origin; rejects with the HTTP status if the handshake is refused. */
  static open(url: string, options: { client?: TestClient; origin?: string | null }): Promise<TestSocket> {
    const headers: Record<string, string> = {};
    if (options.client?.cookieHeader) headers.cookie = options.client.cookieHeader;
    if (options.origin) headers.origin = options.origin;
    const ws = new WebSocket(url, { headers });
    const socket = new TestSocket(ws);
    return new Promise((resolve, reject) => {
      ws.on('open', () => resolve(socket));
      ws.on('unexpected-response', (_request, response) => {
        reject(new Error(`handshake refused: ${response.statusCode}`));
        ws.terminate();
      });
      ws.on('error', () => {});
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message (after those already taken) that matches; messages before it are skipped. */
  async next<T extends ServerMessage['type']>(type: T, match: (message: Extract<ServerMessage, { type: T }>) => boolean = () => true) {
    for (;;) {
      while (this.cursor < this.messages.length) {
        const message = this.messages[this.cursor++]!;
        if (message.type === type && match(message as Extract<ServerMessage, { type: T }>)) return message as Extract<ServerMessage, { type: T }>;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Subscribes and waits for the end of the catch-up: the messages of the catch-up, and the caughtUp (or error) ending it. */
  async subscribe(threadId: number, after?: number): Promise<{ catchUp: ServerMessage[]; end: ServerMessage }> {
    const start = this.messages.length;
    this.send({ type: 'subscribe', threadId, ...(after !== undefined ? { after } : {}) });
    const end = await this.nextOf(['caughtUp', 'error'], (m) => 'threadId' in m && m.threadId === threadId);
    return { catchUp: this.messages.slice(start, this.messages.indexOf(end)), end };
  }

  async nextOf(types: ServerMessage['type'][], match: (message: ServerMessage) => boolean = () => true): Promise<ServerMessage> {
    for (;;) {
      while (this.cursor < this.messages.length) {
        const message = this.messages[this.cursor++]!;
        if (types.includes(message.type) && match(message)) return message;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** A round trip: every message the server sent before answering this ping has arrived. */
  async roundTrip(): Promise<void> {
    this.send({ type: 'ping' });
    await this.next('pong');
  }

  close(): void {
    this.ws.close();
  }
}

/** Opens a socket to the listening app as `client`, from the site's own Origin. */
export const connect = (client: TestClient) => TestSocket.open(url, { client, origin });

/** A `ws`-based WebSocket class for shared/live/client.ts that sends the member's cookie and the site's Origin. */
export function webSocketImpl(client: TestClient, origin: string, created: WebSocket[] = []) {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { cookie: client.cookieHeader, origin } });
      created.push(this);
      this.on('error', () => {});
    }
  } as unknown as new (url: string) => globalThis.WebSocket; // ws implements the browser WebSocket API the client uses
}
