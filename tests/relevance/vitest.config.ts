import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

/**
 * The relevance bench runs with the tests' setup (fresh database, strict logging) but only on request. Not
 * mergeConfig: that would add the suite's include patterns to this one and run every test.
 */
export default defineConfig({
  test: { ...base.test, include: ['tests/relevance/bench.relevance.ts'], exclude: ['node_modules/**'] },
});
