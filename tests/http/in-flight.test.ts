import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import inFlight from '../../server/http/in-flight.js';

/** A server whose one route works until the test lets it go, like a reply still writing when the client has left. */
async function serverWithSlowRoute() {
  const app = Fastify();
  await app.register(inFlight);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let handlerDone = false;
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  app.get('/slow', async () => {
    started();
    await released;
    handlerDone = true;
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const request = http.get(`http://127.0.0.1:${port}/slow`);
  request.on('error', () => {});
  await running;
  request.destroy(); // the client hangs up while the handler works
  return { app, release, isDone: () => handlerDone };
}

describe('handlers in flight at shutdown', () => {
  it('waits for a handler whose client hung up, after app.close() has already resolved', async () => {
    const { app, release, isDone } = await serverWithSlowRoute();
    await app.close();
    expect(isDone()).toBe(false);
    const settled = app.handlersSettled(10_000);
    release();
    expect(await settled).toBe(true);
    expect(isDone()).toBe(true);
    expect(await app.handlersSettled(0)).toBe(true);
  });

  it('gives up after the timeout and says so', async () => {
    const { app, release } = await serverWithSlowRoute();
    await app.close();
    expect(await app.handlersSettled(50)).toBe(false);
    release();
    expect(await app.handlersSettled(10_000)).toBe(true);
  });
});
