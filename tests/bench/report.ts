import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { CaseResult } from './load.js';

/** The aims from issue 7, checked on every run. */
const AIMS: Record<string, { p99: number }> = { thread: { p99: 25 }, reply: { p99: 50 } };

export interface RunInfo {
  database: string;
  corpus: { threads: number; posts: number; members: number; fillSeconds: number };
  durationSeconds: number;
}

export function machine() {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version };
}

function aimVerdict(result: CaseResult): string {
  if (result.skipped) return '';
  const aim = AIMS[result.name];
  const problems: string[] = [];
  if (result.errors || result.non2xx) problems.push('errors');
  if (aim && result.p99 >= aim.p99) problems.push(`p99 ≥ ${aim.p99} ms`);
  if (problems.length) return `MISSED (${problems.join(', ')})`;
  return aim ? `ok (p99 < ${aim.p99} ms)` : 'ok';
}

export function printTable(results: CaseResult[]): string {
  const header = ['case', 'conn', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'errors', 'non-2xx', 'vs ceiling', 'RSS peak MB', 'loop p99 ms', 'server CPU µs/req', 'aim'];
  const rows = results.map((r) =>
    r.skipped
      ? [r.name, '', '', '', '', '', '', '', '', '', '', '', r.skipped]
      : [
          r.name,
          String(r.connections),
          r.rps ? String(r.rps) : '-',
          String(r.p50),
          String(r.p975),
          String(r.p99),
          String(r.errors),
          String(r.non2xx),
          r.ratio === null ? '-' : `${(r.ratio * 100).toFixed(1)} %`,
          String(r.server.peakRssMb),
          String(r.server.eventLoopP99Ms),
          r.requests && r.server.cpuMs ? String(Math.round((r.server.cpuMs * 1000) / r.requests)) : '-',
          aimVerdict(r),
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const table = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
  const notes = results
    .filter((r) => r.extra)
    .map((r) => `${r.name}: ${Object.entries(r.extra!).map(([k, v]) => `${k}=${v}`).join(', ')}`)
    .join('\n');
  return notes ? `${table}\n${notes}` : table;
}

export function writeJson(info: RunInfo, results: CaseResult[]): string {
  mkdirSync('bench-results', { recursive: true });
  const file = `bench-results/bench-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.json`;
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine: machine(), ...info, results }, null, 2));
  return file;
}

export function allAimsMet(results: CaseResult[]): boolean {
  return results.every((r) => r.skipped || aimVerdict(r).startsWith('ok'));
}
