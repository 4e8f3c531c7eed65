import { afterEach, beforeEach, expect, vi } from 'vitest';
import { takeServerErrors } from './helpers/log-capture.js';

// A test that makes the server log an error, or that logs console.error itself, fails: noise is a bug until proven otherwise.
let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  takeServerErrors();
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  expect(takeServerErrors(), 'the server logged errors').toEqual([]);
  expect(consoleError, 'console.error was called').not.toHaveBeenCalled();
  consoleError.mockRestore();
});
