import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

// Which project may import which: a bounded context sees only the shared utilities and the
// contexts it is allowed to call through their public index; apps compose everything.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:context', 'type:util', 'type:persistence', 'type:sdk'] },
  { sourceTag: 'type:context', onlyDependOnLibsWithTags: ['type:context', 'type:util'] },
  { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: ['type:sdk', 'type:util'] },
  {
    sourceTag: 'scope:api',
    onlyDependOnLibsWithTags: [
      'scope:api', 'scope:shared', 'scope:identity', 'scope:rulebook', 'scope:notifications', 'scope:pepins',
      'scope:audit', 'scope:proposals', 'scope:voting', 'scope:insights',
    ],
  },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:rulebook', onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity'] },
  { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity'] },
  { sourceTag: 'scope:pepins', onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity', 'scope:rulebook', 'scope:notifications'] },
  { sourceTag: 'scope:audit', onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity'] },
  {
    sourceTag: 'scope:proposals',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity', 'scope:rulebook', 'scope:notifications', 'scope:pepins', 'scope:audit'],
  },
  {
    sourceTag: 'scope:voting',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity', 'scope:notifications', 'scope:pepins', 'scope:audit', 'scope:proposals'],
  },
  {
    sourceTag: 'scope:insights',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity', 'scope:rulebook', 'scope:pepins', 'scope:proposals', 'scope:voting'],
  },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:client', 'scope:shared'] },
  // The browser apps: the console talks to the API over GraphQL only; the desktop reads the
  // feed through the SDK. Neither may import server code.
  // Besides, both may import the libraries written for the browser (`platform:browser`: plain
  // TypeScript shared with the API, such as the one word diff), which import nothing else.
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['platform:browser'] },
  { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:browser'] },
  { sourceTag: 'scope:desktop', onlyDependOnLibsWithTags: ['scope:client', 'scope:shared'] },
];

// Layers inside a context folder (a context is one Nest module, hence one Nx project).
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', '.data/**', 'coverage/**', 'tmp/**', 'apps/web/src/gql/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints, banTransitiveDependencies: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['apps/web/src/**/*.tsx', 'apps/agent-desktop/src/**/*.tsx'], ...reactHooks.configs.flat['recommended-latest'] },
  layer(
    ['libs/api/*/src/domain/**/*.ts'],
    ['@nestjs/*', 'typeorm', '../application/*', '../graphql/*', '../persistence/*'],
    'domain/ is plain TypeScript: no framework, no persistence, no transport.',
  ),
  layer(['libs/api/*/src/application/**/*.ts'], ['../graphql/*'], 'application/ must not depend on the GraphQL layer.'),
  layer(
    ['libs/api/*/src/persistence/**/*.ts'],
    ['../graphql/*', '../application/*'],
    'persistence/ must not depend on application or GraphQL code.',
  ),
  {
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
];
