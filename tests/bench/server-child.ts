import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../server/config.js';
import { prepare, stop } from '../../server/start.js';

/**
 * The server under test, in a process of its own (forked by server-process.ts): the load generator then does not
 * share its event loop, so the event-loop delay measured here is the server's alone. Numbers go to the parent over IPC.
 */
export type ChildMessage = { type: 'ready'; port: number } | { type: 'stats'; stats: ServerStats };
/** `gc` collects garbage first (the child runs with --expose-gc), for memory-per-socket figures. */
export type ParentMessage = { type: 'reset' } | { type: 'stats'; gc?: boolean };

export interface ServerStats {
  rssMb: number;
  peakRssMb: number;
  heapUsedMb: number;
  eventLoopP50Ms: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** CPU time (user + system) the server process used since the last reset: on a shared machine latency says more about the neighbours, this about the code. */
  cpuMs: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;

async function main() {
  const config = loadConfig();
  const { app, database } = await prepare(config, { level: config.logLevel });
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let peakRss = 0;
  let cpuAtReset = process.cpuUsage();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);

  process.on('message', (message: ParentMessage) => {
    if (message.type === 'reset') {
      histogram.reset();
      peakRss = process.memoryUsage.rss();
      cpuAtReset = process.cpuUsage();
    } else if (message.type === 'stats') {
      if (message.gc) (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      const stats: ServerStats = {
        rssMb: mb(memory.rss),
        peakRssMb: mb(Math.max(peakRss, memory.rss)),
        heapUsedMb: mb(memory.heapUsed),
        eventLoopP50Ms: ms(histogram.percentile(50)),
        eventLoopP99Ms: ms(histogram.percentile(99)),
        eventLoopMaxMs: ms(histogram.max),
        cpuMs: (({ user, system }) => Math.round((user + system) / 1000))(process.cpuUsage(cpuAtReset)),
      };
      process.send?.({ type: 'stats', stats } satisfies ChildMessage);
    }
  });
  process.on('disconnect', () => {
    clearInterval(sampler);
    // Closing (not killing) lets --cpu-prof write its profile.
    void stop({ app, database }).finally(() => process.exit(0));
  });

  await app.listen({ port: config.port, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : config.port } satisfies ChildMessage);
}

main().catch((error: unknown) => {
  console.error('bench server failed to start:', error);
  process.exit(1);
});
