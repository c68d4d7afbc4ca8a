import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the API at `/` in production (same origin: no CORS, the
// CSRF-safe JSON content type). `npm run dev` proxies the API for hot reload.
const api = process.env.PEPITE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: '../../dist/apps/web', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: api, ws: true }, '/api': api, '/health': api },
  },
});
