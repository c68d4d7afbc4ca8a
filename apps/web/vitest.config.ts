import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

// Component tests: the console's components rendered in jsdom with their real i18next
// catalogs, resolved exactly as the build resolves them (the Vite config is reused). Named
// *.test.tsx so the repository's jest (which runs *.spec.ts) leaves them alone.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.tsx'],
      setupFiles: ['src/test/setup.ts'],
      restoreMocks: true,
    },
  }),
);
