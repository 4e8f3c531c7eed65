import { build } from 'vite';

/** The browser tests run against the production build, exactly what `npm start` serves. */
export default async function buildClient() {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
