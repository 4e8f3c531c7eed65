import autocannon from 'autocannon';
import cliProgress from 'cli-progress';
import type { ServerStats } from './server-child.js';
import type { BenchServer } from './server-process.js';

export interface CaseResult {
  name: string;
  what: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Requests per second as a share of the GET /api/health ceiling. */
  ratio: number | null;
  server: ServerStats;
  skipped?: string;
  extra?: Record<string, number | string>;
}

export type RequestSpec = NonNullable<autocannon.Options['requests']>[number];

export interface LoadCase {
  name: string;
  what: string;
  connections: number;
  requests: RequestSpec[];
}

/** One autocannon run against the forked server, with the server's own RSS and event-loop delay for the same window. */
export async function runLoad(server: BenchServer, spec: LoadCase, duration: number): Promise<CaseResult> {
  server.resetStats();
  const bar = new cliProgress.SingleBar(
    { format: `  ${spec.name.padEnd(10)} [{bar}] {value}/{total} s  {rps} req/s`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(duration, 0, { rps: 0 });
  let done = 0;
  // Without a callback autocannon answers with its event emitter made thenable; the types only know the promise.
  const instance = autocannon({ url: server.origin, connections: spec.connections, duration, requests: spec.requests }) as unknown as autocannon.Instance &
    PromiseLike<autocannon.Result>;
  (instance as unknown as NodeJS.EventEmitter).on('tick', (counter: { counter: number }) => bar.update(++done, { rps: counter.counter }));
  const result = await instance;
  bar.update(duration);
  bar.stop();
  const stats = await server.stats();
  return {
    name: spec.name,
    what: spec.what,
    connections: spec.connections,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ratio: null,
    server: stats,
  };
}

/** A skipped case still gets a row, so the table says why it is missing. */
export function skipped(name: string, what: string, reason: string): CaseResult {
  const none = { rssMb: 0, peakRssMb: 0, heapUsedMb: 0, eventLoopP50Ms: 0, eventLoopP99Ms: 0, eventLoopMaxMs: 0, cpuMs: 0 };
  return { name, what, connections: 0, requests: 0, rps: 0, p50: 0, p975: 0, p99: 0, errors: 0, non2xx: 0, ratio: null, server: none, skipped: reason };
}
