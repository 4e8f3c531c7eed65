/** Command-line options of `npm run bench`; every number has a default sized for the 2-core CI machine. */
export interface BenchOptions {
  /** Threads = 2,000 × scale (25 posts each); --scale 20 gives a million posts. */
  scale: number;
  threads: number;
  postsPerThread: number;
  members: number;
  /** Seconds per autocannon case. */
  duration: number;
  liveSockets: number;
  quick: boolean;
  /** Start the server with --cpu-prof; profiles land in bench-results/. */
  cpuProf: boolean;
  /** Only these cases (comma-separated names), for profiling one of them. */
  only: string[] | null;
}

const HELP = `npm run bench -- [options]
  --quick            small corpus (200 threads, 50 members), 5 s per case, 200 sockets: about two minutes
  --scale N          2,000 × N threads of 25 posts (default 1; 20 gives a million posts)
  --duration S       seconds per load case (default 10)
  --sockets N        websocket clients for the live fan-out (default 1000)
  --only a,b         run only these cases: health, thread, category, reply, search, inbox, live, watchers, mail
  --cpu-prof         write a V8 CPU profile of the server to bench-results/
Uses DATABASE_URL (a database plein_bench is dropped and made on that server) or else PGlite in a temporary folder.`;

function numberArg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
}

export function parseOptions(args: string[]): BenchOptions {
  if (args.includes('--help') || args.includes('-h')) {
    console.info(HELP);
    process.exit(0);
  }
  const quick = args.includes('--quick');
  const scale = numberArg(args, '--scale', 1);
  const onlyIndex = args.indexOf('--only');
  return {
    scale,
    threads: Math.max(1, Math.round((quick ? 200 : 2000) * scale)),
    postsPerThread: 25,
    members: quick ? 50 : 200,
    duration: numberArg(args, '--duration', quick ? 5 : 10),
    liveSockets: numberArg(args, '--sockets', quick ? 200 : 1000),
    quick,
    cpuProf: args.includes('--cpu-prof'),
    only: onlyIndex === -1 ? null : (args[onlyIndex + 1] ?? '').split(',').filter(Boolean),
  };
}
