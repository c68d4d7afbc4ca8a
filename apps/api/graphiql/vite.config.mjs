import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The development GraphiQL as static files the API serves at /graphiql/ (its page at GET /graphql).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/graphiql/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../dist/apps/graphiql', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // GraphiQL's dependencies mark their modules "use client" (React Server Components), which a browser bundle ignores.
    rollupOptions: { onwarn: (warning, warn) => (warning.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : warn(warning)) },
    chunkSizeWarningLimit: 2048,
  },
});
