import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built desktop at `/desktop/` (with its config.json); `npm run dev`
// proxies the API for hot reload.
const api = process.env.PEPITE_API_URL ?? 'http://localhost:3000';
const lib = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  plugins: [react()],
  base: '/desktop/',
  // The workspace libraries ship TypeScript sources; point Vite at them as tsc's paths do.
  resolve: {
    alias: {
      '@pepite/rulebook-client': lib('../../libs/rulebook-client/src/index.ts'),
      '@pepite/rulebook-format': lib('../../libs/shared/rulebook-format/src/index.ts'),
      '@pepite/pepin-form': lib('../../libs/shared/pepin-form/src/index.ts'),
      '@pepite/text-diff': lib('../../libs/shared/text-diff/src/index.ts'),
      '@pepite/text-folding': lib('../../libs/shared/text-folding/src/index.ts'),
    },
  },
  build: { outDir: '../../dist/apps/agent-desktop', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5174,
    proxy: { '/graphql': api, '/api': api, '/desktop/config.json': api },
  },
});
