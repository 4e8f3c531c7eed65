import { defineConfig } from 'vitest/config';

// Browser tests: the real server (PGlite or DATABASE_URL) serving the built client, driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts', 'tests/e2e/build-client.ts'],
    setupFiles: ['tests/setup.ts'],
    pool: 'forks',
    // One browser at a time: the machine is small and Chromium is not.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
