import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// react-router's package exports point every bundler at its development build (warnings, invariant texts);
// the production build beside it is the same API without them, and some 5 KB smaller gzipped.
const reactRouterProduction = fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url));

// The client lives in client/ and is built into dist/client, which the Fastify server serves (server/app.ts).
export default defineConfig({
  root: 'client',
  plugins: [react()],
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
