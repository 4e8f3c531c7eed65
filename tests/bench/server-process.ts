import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage, ServerStats } from './server-child.js';

export interface BenchServer {
  port: number;
  origin: string;
  resetStats(): void;
  stats(gc?: boolean): Promise<ServerStats>;
  stop(): Promise<void>;
}

/** A free loopback port, picked here so PUBLIC_ORIGIN (checked on websocket upgrades) can name it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Forks the production server; rate limits are raised through its configuration, as an operator would. */
export async function startServer(env: Record<string, string>, options: { cpuProfDir?: string }): Promise<BenchServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const execArgv = ['--import', 'tsx', '--expose-gc'];
  if (options.cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  const child: ChildProcess = fork(fileURLToPath(new URL('./server-child.ts', import.meta.url)), [], {
    execArgv,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: origin,
      LOG_LEVEL: 'warn',
      SERVE_CLIENT: 'false',
      TRUST_PROXY: '1',
      RATE_LIMIT_MAX: '10000000',
      RATE_LIMIT_AUTH_MAX: '10000000',
      RATE_LIMIT_POST_MAX: '10000000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before it was ready`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve();
    });
  });
  const send = (message: ParentMessage) => child.send(message);
  return {
    port,
    origin,
    resetStats: () => send({ type: 'reset' }),
    stats: (gc = false) =>
      new Promise<ServerStats>((resolve) => {
        const onMessage = (message: ChildMessage) => {
          if (message.type !== 'stats') return;
          child.off('message', onMessage);
          resolve(message.stats);
        };
        child.on('message', onMessage);
        send({ type: 'stats', gc });
      }),
    async stop() {
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
