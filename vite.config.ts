import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client lives in client/ and is built into dist/client, which the Fastify server serves (server/app.ts).
export default defineConfig({
  root: 'client',
  plugins: [react()],
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
