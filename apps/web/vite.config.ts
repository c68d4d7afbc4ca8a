import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the API at `/` in production (same origin: no CORS, the
// CSRF-safe JSON content type). `npm run dev` proxies the API for hot reload.
const api = process.env.PEPITE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  base: '/',
  // Workspace libraries ship TypeScript sources; point Vite at them as tsc's paths do.
  resolve: {
    alias: {
      '@pepite/pepin-form': fileURLToPath(new URL('../../libs/shared/pepin-form/src/index.ts', import.meta.url)),
      '@pepite/text-diff': fileURLToPath(new URL('../../libs/shared/text-diff/src/index.ts', import.meta.url)),
      '@pepite/text-folding': fileURLToPath(new URL('../../libs/shared/text-folding/src/index.ts', import.meta.url)),
    },
  },
  build: { outDir: '../../dist/apps/web', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: api, ws: true }, '/api': api, '/health': api },
  },
});
