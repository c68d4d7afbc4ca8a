// One jest run for the whole suite: a single PostgreSQL (embedded, or DATABASE_URL) is
// prepared once in global-setup, and every test file clones its own database from a
// migrated template. @swc/jest compiles TypeScript and the ESM-only dependencies alike.
const { swcOptions } = require('./tools/swc-options.cjs');

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|cj)s$': ['@swc/jest', { ...swcOptions(), swcrc: false }] },
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/jest/global-setup.mjs',
  globalTeardown: '<rootDir>/test/jest/global-teardown.mjs',
  maxWorkers: 2,
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/lint/**/*.lint-spec.ts'] },
    { ...common, displayName: 'e2e', rootDir: __dirname, testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'] },
    // nginx in front of real API processes (test/deploy): Debian's nginx, installed when missing.
    { ...common, displayName: 'deploy', rootDir: __dirname, testMatch: ['<rootDir>/test/deploy/**/*.deploy-spec.ts'] },
    {
      ...common,
      displayName: 'browser',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      // Runs only when browser tests do: Chromium check and production builds of both apps.
      globalSetup: '<rootDir>/test/browser/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/browser/support/global-teardown.mjs',
    },
  ],
};
