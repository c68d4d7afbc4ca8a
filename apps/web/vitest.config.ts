import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Component tests: the console's components rendered in jsdom with their real i18next
// catalogs. Named *.test.tsx so the repository's jest (which runs *.spec.ts) leaves them alone.
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
