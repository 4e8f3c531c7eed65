import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { WsLiveSocket } from '../../server/live/socket.js';

/** The `ws` adapter on its own: a plain ws server on 127.0.0.1, real sockets, no database. */
let server: WebSocketServer;
let url: string;
const accepted: WebSocket[] = [];
let onAccept: ((ws: WebSocket) => void) | null = null;
beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (ws) => {
    accepted.push(ws);
    onAccept?.(ws);
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function pair(): Promise<{ client: WebSocket; live: WsLiveSocket }> {
  const livePromise = new Promise<WsLiveSocket>((resolve) => (onAccept = (ws) => resolve(new WsLiveSocket(ws))));
  const client = new WebSocket(url);
  await new Promise((resolve) => client.once('open', resolve));
  return { client, live: await livePromise };
}

describe('WsLiveSocket', () => {
  it('keeps messages that arrive before a listener is attached, in order', async () => {
    const { client, live } = await pair();
    client.send('een');
    client.send('twee');
    const closed = new Promise<void>((resolve) => live.onClose(resolve));
    // Wait until the server has read both frames, with no listener yet: the client's close comes after them.
    client.close();
    await closed;
    const seen: string[] = [];
    live.onMessage((data) => seen.push(data));
    expect(seen).toEqual(['een', 'twee']);
  });

  it('terminates a socket that did not answer the previous heartbeat ping', async () => {
    const { client, live } = await pair();
    const closed = new Promise<void>((resolve) => live.onClose(resolve));
    const pinged = new Promise((resolve) => client.once('ping', resolve));
    live.heartbeat(); // ping; a live client answers with pong
    await pinged;
    await new Promise((resolve) => accepted.at(-1)!.once('pong', resolve));
    expect(live.isOpen).toBe(true);

    // A laptop that went to sleep: the client stops reading, so no pong can come back. Two heartbeats in a row
    // (no pong can be handled between them) are always enough: the first pings or terminates, the second terminates.
    (client as unknown as { _socket: { pause(): void } })._socket.pause();
    live.heartbeat();
    live.heartbeat();
    await closed;
    expect(live.isOpen).toBe(false);
    client.terminate();
  });
});
