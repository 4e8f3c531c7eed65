import { ConfigError } from '../config.js';
import { DatabaseLockedError } from './database-lock.js';

/** What a script prints when it fails: for the errors an operator can fix, their message alone; otherwise the whole error. */
export function failureMessage(error: unknown): string {
  if (error instanceof ConfigError) return `Configuratiefout in ${error.message}`;
  if (error instanceof DatabaseLockedError || error instanceof OperatorError) return error.message;
  return `Mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

/** A failure the operator can act on, with a Dutch message that says how; printed without a stack. */
export class OperatorError extends Error {
  override name = 'OperatorError';
}

/** Runs a script's main and exits: 0 when it resolves (or the code it returns), 1 with the message above when it throws. */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(failureMessage(error));
      process.exit(1);
    },
  );
}
