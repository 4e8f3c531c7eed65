import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { humanLine, humanLines, loggerOptions, REQUEST_MESSAGE } from '../../server/http/logging.js';
import { buildApp } from '../../server/app.js';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { captureStream } from '../helpers/log-capture.js';

interface Entry {
  level: number;
  msg: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
  ms?: number;
}

const lines: string[] = [];
let app: FastifyInstance;
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ config: testConfig(), database, logger: { level: 'info', stream: captureStream(lines) }, searchWorker: false, mailWorker: false, notificationWorker: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('the request log', () => {
  it('writes one line per request: method, route pattern, status and milliseconds', async () => {
    const author = await makeUser(database.db);
    const { threadId } = await makeThread(database.db, author);
    lines.length = 0;
    const answers = [
      await app.inject({ method: 'GET', url: `/api/threads/${threadId}?pagina=2&email=a%40example.nl` }),
      await app.inject({ method: 'GET', url: '/api/categories' }),
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: {} }),
      await app.inject({ method: 'GET', url: '/api/bestaat/niet' }),
    ];
    const entries = lines.map((line) => JSON.parse(line) as Entry);
    expect(entries.filter((e) => e.msg === 'incoming request')).toEqual([]);
    const requests = entries.filter((e) => e.msg === REQUEST_MESSAGE);
    expect(requests.map((e) => [e.req?.method, e.req?.url, e.res?.statusCode])).toEqual([
      ['GET', '/api/threads/:id', answers[0]!.statusCode],
      ['GET', '/api/categories', answers[1]!.statusCode],
      ['POST', '/api/auth/login', answers[2]!.statusCode],
      ['GET', '/api/bestaat/niet', 404],
    ]);
    for (const entry of requests) {
      expect(entry.level).toBe(30);
      expect(typeof entry.ms).toBe('number');
      expect(Object.keys(entry).sort()).toEqual(['hostname', 'level', 'ms', 'msg', 'pid', 'req', 'reqId', 'res', 'time']);
    }
  });

  it('leaves health probes out at info (a container asks every 30 seconds)', async () => {
    lines.length = 0;
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect(lines).toEqual([]);
  });
});

describe('the log format', () => {
  it('is JSON in production and short human lines in development', async () => {
    expect(loggerOptions(undefined, 'info', true)).not.toHaveProperty('stream');
    expect(loggerOptions(undefined, 'info', false)).toHaveProperty('stream');
    // Options a caller gives (tests, benchmarks) are kept as they are.
    const stream = captureStream();
    expect(loggerOptions({ level: 'warn', stream }, 'info', false)).toMatchObject({ level: 'warn', stream });
  });

  it('shows a request as one short line and anything else with its level, fields and error', () => {
    const time = new Date('2026-12-04T10:15:02').getTime();
    const request = JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', reqId: 'req-1', req: { method: 'GET', url: '/api/threads/:id' }, res: { statusCode: 200 }, ms: 3.1, msg: REQUEST_MESSAGE });
    expect(humanLine(request)).toBe('10:15:02 GET /api/threads/:id 200 3.1 ms\n');
    const warning = JSON.stringify({ level: 40, time, pid: 1, hostname: 'h', signal: 'SIGTERM', msg: 'shutting down' });
    expect(humanLine(warning)).toBe('10:15:02 WARN shutting down {"signal":"SIGTERM"}\n');
    const failure = JSON.stringify({ level: 50, time, msg: 'request failed', err: { type: 'Error', message: 'kapot', stack: '    at x (y.ts:1:1)' } });
    expect(humanLine(failure)).toBe('10:15:02 ERROR request failed\n  Error: kapot\n    at x (y.ts:1:1)\n');
    expect(humanLine('geen json\n')).toBe('geen json\n');
  });

  it('writes through humanLines to its destination', async () => {
    const out: string[] = [];
    const stream = humanLines({ write: (text: string) => out.push(text) });
    await new Promise<void>((resolve) => stream.write(JSON.stringify({ level: 30, time: 0, msg: 'klaar' }), () => resolve()));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\d\d:\d\d:\d\d INFO klaar\n$/);
  });
});
