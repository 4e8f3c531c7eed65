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

/** What rolldown tells a chunk-naming function about the module graph (its ChunkingContext, the part used here). */
interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

const ENTRY = fileURLToPath(new URL('./client/src/main.tsx', import.meta.url));
const MEMBER_CODE = /client[\\/]src[\\/](components|api|i18n|live)[\\/]/;
// Loaded by staff pages and the staff-only parts of member pages (components/staff-parts.tsx), never by a member.
const STAFF_CODE = /(post-moderation|thread-moderation|claim-control|message-reports|training-staff|training-form|centre-staff-only|helpdesk-staff[\w-]*|helpdesk-inbox[\w-]*|guide-editor|guide-forms|guide-staff|api[\\/](moderation|categories|search-synonyms)|nl-categories)\.tsx?$/;

/**
 * The member pages' shared code as one chunk ("forum") instead of a score of files of one or two kilobytes: over
 * HTTP/1.1 a phone fetches six files at a time, and a thread page waited on four rounds of them (Lighthouse mobile,
 * docs/benchmarks.md). Left out: what the entry already holds (every page has that) and staff code, which members
 * never download. Only modules two or more chunks share (minShareCount); one page's own code stays in its chunk.
 */
function memberChunks(): (id: string, graph: ModuleGraph) => string | null {
  let entry: Set<string> | undefined;
  const entryModules = (graph: ModuleGraph) => {
    if (entry) return entry;
    entry = new Set();
    const stack = [ENTRY];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (entry.has(id)) continue;
      entry.add(id);
      stack.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
    }
    return entry;
  };
  return (id, graph) => (MEMBER_CODE.test(id) && !STAFF_CODE.test(id) && !entryModules(graph).has(id) ? 'forum' : null);
}

// react-router's package exports point every bundler at its development build (warnings, invariant texts);
// the production build beside it is the same API without them, and some 5 KB smaller gzipped.
const reactRouterProduction = fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url));

// The client lives in client/ and is built into dist/client, which the Fastify server serves (server/app.ts).
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  resolve: {
    // Preact (preact/compat) in place of React: the same components, hooks and libraries (react-router, TanStack
    // Query) at a tenth of the size. React DOM was 207 of the first page's 284 KB of script, and evaluating it was
    // most of a phone's blocking time (Lighthouse mobile, docs/benchmarks.md). The code and its types stay React's.
    alias: [
      { find: /^react-router$/, replacement: reactRouterProduction },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
      { find: /^react(-dom)?$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router looks React.useOptimistic up by a computed name and does without it when missing, as in Preact.
        if (warning.code === 'IMPORT_IS_UNDEFINED' && warning.message.includes('useOptimistic')) return;
        warn(warning);
      },
      output: {
        strictExecutionOrder: true,
        codeSplitting: {
          // Without including dependencies a group needs strict execution order: modules run when first imported.
          groups: [{ name: memberChunks(), debugName: 'forum', minShareCount: 2, includeDependenciesRecursively: false }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // ws: true carries the live socket (/api/live) through the same proxy as the JSON API.
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false, ws: true },
    },
  },
});
