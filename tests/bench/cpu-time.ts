import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time used by processes, from /proc (Linux only; null elsewhere). On a shared machine latency says more about
 * the neighbours than about the code; the CPU a request costs the server and PostgreSQL says what the code costs.
 */
export function cpuMs(pids: number[]): number | null {
  try {
    const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
    let ticks = 0;
    for (const pid of pids) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / ticksPerMs;
  } catch {
    return null;
  }
}

/** The processes this one started (the forked server). */
export function childPids(parent = process.pid): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]) === parent;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}
