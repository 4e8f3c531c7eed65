import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The built files worth compressing (pictures and fonts are compressed already), and the size below which it is not. */
const COMPRESSIBLE_FILE = /\.(?:html|js|mjs|css|svg|json|webmanifest|txt|xml)$/;
const MIN_BYTES = 1024;

/**
 * Writes a .br (brotli at its maximum, 11) and a .gz (gzip -9) beside every compressible file over a kilobyte in
 * `dir`. Done once per build, so the slow best compression costs the server nothing: it sends these files as they
 * are (server/http/client-files.ts, @fastify/static's preCompressed). Returns the files it compressed.
 */
export async function precompressFiles(dir: string): Promise<string[]> {
  const done: string[] = [];
  const entries = await readdir(dir, { recursive: true });
  for (const entry of entries) {
    const path = join(dir, entry);
    if (!COMPRESSIBLE_FILE.test(entry) || !(await stat(path)).isFile()) continue;
    const content = await readFile(path);
    if (content.length <= MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
      gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
    done.push(entry);
  }
  return done;
}

/** The build step of precompressFiles: after Vite has written dist/client, compress what it wrote. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'plein-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressFiles(outDir);
    },
  };
}

// react-router's package exports point every bundler at its development build (warnings, invariant texts);
// the production build beside it is the same API without them, and some 5 KB smaller gzipped.
const reactRouterProduction = fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url));

// The client lives in client/ and is built into dist/client, which the Fastify server serves (server/app.ts).
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  resolve: {
    alias: [{ find: /^react-router$/, replacement: reactRouterProduction }],
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      // ws: true carries the live socket (/api/live) through the same proxy as the JSON API.
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false, ws: true },
    },
  },
});
