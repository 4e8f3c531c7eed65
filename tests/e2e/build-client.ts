import { build } from 'vite';

/**
 * The browser tests run against the production build, exactly what `npm start` serves. Vitest sets NODE_ENV to
 * "test", with which Vite bundles the libraries' development builds (extra checks and warnings), a client no
 * reader ever gets; so the build runs with NODE_ENV=production, and the test processes get "test" back.
 */
export default async function buildClient() {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}
