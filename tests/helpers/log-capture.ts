import { Writable } from 'node:stream';

let errors: string[] = [];

/**
 * A pino destination for test apps: error-level lines are kept so tests/setup.ts can fail the test that caused them.
 * With `everyLine`, each line is also appended there, for tests that read what the server logs.
 */
export function captureStream(everyLine?: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const line = chunk.toString();
      everyLine?.push(line);
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
        if ((entry.level ?? 0) >= 50) errors.push(`${entry.msg ?? ''}: ${entry.err?.message ?? ''}`);
      } catch {
        errors.push(line);
      }
      callback();
    },
  });
}

/** The server errors logged since the last call; a test that expects some takes them itself. */
export function takeServerErrors(): string[] {
  const taken = errors;
  errors = [];
  return taken;
}
