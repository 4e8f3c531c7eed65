import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { buildApp } from '../../server/app.js';
import { users } from '../../server/db/schema.js';
import { notifyUserEvent } from '../../server/live/notify.js';
import { originAllowed } from '../../server/live/access.js';
import { testConfig } from '../helpers/app.js';
import { captureStream } from '../helpers/log-capture.js';
import { connect, listen, origin, t, TestSocket, url, useListeningApp } from './sockets.js';

useListeningApp();

describe('who may connect', () => {
  it('closes a guest with 4401 and a Dutch reason', async () => {
    const socket = await connect(t.guest());
    expect(await socket.closed).toEqual({ code: 4401, reason: 'Log in om live mee te lezen.' });
    expect(socket.messages).toEqual([]);
  });

  it.each([
    ['pending', 'Je account wacht nog op goedkeuring.'],
    ['suspended', 'Je account is geschorst.'],
    ['rejected', 'Je aanmelding is afgewezen.'],
  ] as const)('closes a %s account with 4403', async (status, reason) => {
    const { client } = await t.login({ status });
    const socket = await connect(client);
    expect(await socket.closed).toEqual({ code: 4403, reason });
    expect(socket.messages).toEqual([]);
  });

  it('refuses the handshake from a foreign or missing Origin, even with a valid session', async () => {
    const { client } = await t.login();
    await expect(TestSocket.open(url, { client, origin: 'https://kwaadwillend.example' })).rejects.toThrow('handshake refused: 403');
    await expect(TestSocket.open(url, { client, origin: origin.replace('127.0.0.1', 'localhost') })).rejects.toThrow('handshake refused: 403');
    await expect(TestSocket.open(url, { client, origin: null })).rejects.toThrow('handshake refused: 403');
  });

  it('accepts only PUBLIC_ORIGIN when it is set, else the request’s own host', () => {
    const request = (origin: string | undefined, host = 'plein.example:8080') => ({ headers: { origin, host } }) as unknown as FastifyRequest;
    const open = testConfig();
    expect(originAllowed(request('http://plein.example:8080'), open)).toBe(true);
    expect(originAllowed(request('https://plein.example:8080'), open)).toBe(true);
    expect(originAllowed(request('https://plein.example'), open)).toBe(false);
    expect(originAllowed(request(undefined), open)).toBe(false);
    const fixed = testConfig({ PUBLIC_ORIGIN: 'https://plein.nl' });
    expect(originAllowed(request('https://plein.nl', 'intern:3000'), fixed)).toBe(true);
    expect(originAllowed(request('http://intern:3000', 'intern:3000'), fixed)).toBe(false);
    expect(originAllowed(request('https://plein.nl.evil.example'), fixed)).toBe(false);
  });

  it('closes the socket of the session that logs out, not the same member’s other session', async () => {
    const { client, user } = await t.login();
    const laptop = await t.loginAs({ ...user, email: user.email });
    const phoneSocket = await connect(client);
    const laptopSocket = await connect(laptop);
    await phoneSocket.next('hello');
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(await phoneSocket.closed).toEqual({ code: 4401, reason: 'Je bent uitgelogd.' });
    await laptopSocket.roundTrip();

    expect((await laptop.post('/api/auth/logout-everywhere')).status).toBe(204);
    expect((await laptopSocket.closed).code).toBe(4401);
  });

  it('closes a member’s sockets when their account is suspended', async () => {
    const { client, user } = await t.login();
    const socket = await connect(client);
    await socket.next('hello');
    await t.db.update(users).set({ status: 'suspended' }).where(eq(users.id, user.id));
    await notifyUserEvent(t.db, { type: 'account.changed', userId: user.id });
    expect(await socket.closed).toEqual({ code: 4403, reason: 'Je account is geschorst.' });
  });
});

describe('messages', () => {
  it('answers every malformed message with an error and stays open', async () => {
    const { client } = await t.login();
    const socket = await connect(client);
    const cases: [unknown, string][] = [
      ['dit is geen json', 'invalid_json'],
      [{ type: 'aanval' }, 'unknown_type'],
      [[1, 2], 'unknown_type'],
      [null, 'unknown_type'],
      [{ type: 'subscribe' }, 'invalid_message'],
      [{ type: 'subscribe', threadId: 'een' }, 'invalid_message'],
      [{ type: 'subscribe', threadId: -4 }, 'invalid_message'],
      [{ type: 'subscribe', threadId: 1, extra: true }, 'invalid_message'],
      [{ type: 'subscribeCategory', categorySlug: '' }, 'invalid_message'],
      [JSON.stringify({ type: 'ping', pad: 'x'.repeat(5000) }), 'too_large'],
    ];
    for (const [message, code] of cases) {
      socket.send(typeof message === 'string' ? message : JSON.stringify(message));
      const error = await socket.next('error');
      expect(error.code, JSON.stringify(message).slice(0, 80)).toBe(code);
      expect(error.message).toMatch(/\S/);
    }
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await socket.next('error')).code).toBe('invalid_json');
    await socket.roundTrip();
    socket.close();
  });

  it('closes a socket that floods the server (4429)', async () => {
    const { client } = await t.login();
    const socket = await connect(client);
    for (let i = 0; i < 40; i++) socket.send({ type: 'ping' });
    expect(await socket.closed).toEqual({ code: 4429, reason: 'Te veel berichten in korte tijd.' });
  });

  it('cuts off a frame far beyond the limit without a server error', async () => {
    const { client } = await t.login();
    const socket = await connect(client);
    socket.send('x'.repeat(100_000));
    expect((await socket.closed).code).toBe(1009);
    const other = await connect(client);
    await other.roundTrip();
    other.close();
  });
});

describe('shutdown', () => {
  it('closes every socket with 1001 when the server shuts down', async () => {
    // A second server on the same database, so this file's server stays up for the other tests.
    const app = await buildApp({ config: t.config, database: t.database, logger: { level: 'error', stream: captureStream() } });
    const { url: otherUrl, origin: otherOrigin } = await listen(app);
    const { client } = await t.login();
    const socket = await TestSocket.open(otherUrl, { client, origin: otherOrigin });
    await socket.next('hello');
    await app.close();
    expect(await socket.closed).toEqual({ code: 1001, reason: 'De server wordt herstart.' });
  });
});

describe('live connections per account', () => {
  it('closes the oldest of an account’s connections beyond ten (4409), and leaves the newer ones and other members alone', async () => {
    const { client } = await t.login();
    const { client: other } = await t.login();
    const neighbour = await connect(other);
    await neighbour.next('hello');
    const sockets: TestSocket[] = [];
    // One at a time, each greeted before the next opens: the order in which the server accepted them is known.
    for (let i = 0; i < 10; i++) {
      const socket = await connect(client);
      await socket.next('hello');
      sockets.push(socket);
    }
    const eleventh = await connect(client);
    await eleventh.next('hello');
    expect(await sockets[0]!.closed).toEqual({ code: 4409, reason: 'Plein is in te veel vensters tegelijk open; deze verbinding is gesloten.' });
    for (const socket of [...sockets.slice(1), eleventh, neighbour]) await socket.roundTrip();
    for (const socket of [...sockets, eleventh, neighbour]) socket.close();
  });
});
