import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

// Which project may import which. Two kinds of shared code:
// - `scope:shared`: isomorphic code that the browser apps and the SDK may use too (the feed's
//   wire format); it imports nothing from the server;
// - `scope:api-shared`: server-only plumbing (database, errors, GraphQL kit, migrations) that
//   contexts and the API use, and that no browser code may import.
// A bounded context sees the shared code and the contexts it is allowed to call through their
// public index; apps compose everything. Each rule is proven by a planted violation in
// test/lint/boundaries.lint-spec.ts.
const API_SHARED = ['scope:shared', 'scope:api-shared'];
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:context', 'type:util', 'type:persistence', 'type:sdk'] },
  { sourceTag: 'type:context', onlyDependOnLibsWithTags: ['type:context', 'type:util'] },
  { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: ['type:sdk', 'type:util'] },
  {
    sourceTag: 'scope:api',
    onlyDependOnLibsWithTags: [
      ...API_SHARED, 'scope:api', 'scope:identity', 'scope:rulebook', 'scope:notifications', 'scope:pepins',
      'scope:audit', 'scope:proposals', 'scope:voting', 'scope:insights', 'scope:return-path', 'scope:webhooks',
    ],
  },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: [...API_SHARED] },
  { sourceTag: 'scope:rulebook', onlyDependOnLibsWithTags: [...API_SHARED, 'scope:identity', 'scope:webhooks'] },
  // Webhooks tell admins through notifications and audit their changes; the contexts where events happen publish to it.
  { sourceTag: 'scope:webhooks', onlyDependOnLibsWithTags: [...API_SHARED, 'scope:identity', 'scope:notifications', 'scope:audit'] },
  { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: [...API_SHARED, 'scope:identity'] },
  { sourceTag: 'scope:pepins', onlyDependOnLibsWithTags: [...API_SHARED, 'scope:identity', 'scope:rulebook', 'scope:notifications', 'scope:webhooks'] },
  { sourceTag: 'scope:audit', onlyDependOnLibsWithTags: [...API_SHARED, 'scope:identity'] },
  {
    sourceTag: 'scope:proposals',
    onlyDependOnLibsWithTags: [...API_SHARED, 'scope:identity', 'scope:rulebook', 'scope:notifications', 'scope:pepins', 'scope:audit'],
  },
  {
    sourceTag: 'scope:voting',
    onlyDependOnLibsWithTags: [...API_SHARED, 'scope:identity', 'scope:notifications', 'scope:pepins', 'scope:audit', 'scope:proposals', 'scope:webhooks'],
  },
  {
    sourceTag: 'scope:insights',
    onlyDependOnLibsWithTags: [...API_SHARED, 'scope:identity', 'scope:rulebook', 'scope:pepins', 'scope:proposals', 'scope:voting'],
  },
  {
    sourceTag: 'scope:return-path',
    onlyDependOnLibsWithTags: [...API_SHARED, 'scope:identity', 'scope:rulebook', 'scope:notifications', 'scope:pepins', 'scope:insights'],
  },
  { sourceTag: 'scope:api-shared', onlyDependOnLibsWithTags: [...API_SHARED] },
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

// Layers inside a context folder (a context is one Nest module, hence one Nx project). The
// patterns are regular expressions so that they hold at any depth (`../../application/x`
// from `domain/sub/`), not only one folder down.
const sibling = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map((regex) => ({ regex, message })) }],
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
    [
      '^@nestjs/',
      '^typeorm($|/)',
      '^pg($|/)',
      '^graphql($|/)',
      sibling(['application', 'graphql', 'persistence']),
      // Another context's public index re-exports its Nest module: a domain reads only the
      // plain `@pepite/api/<context>/domain` entry points.
      '^@pepite/api/(?!errors$)[^/]+$',
    ],
    'domain/ is plain TypeScript: no framework, no persistence, no transport, no Nest module (use @pepite/api/<context>/domain).',
  ),
  layer(['libs/api/*/src/application/**/*.ts'], [sibling(['graphql'])], 'application/ must not depend on the GraphQL layer.'),
  layer(
    ['libs/api/*/src/persistence/**/*.ts'],
    [sibling(['graphql', 'application'])],
    'persistence/ must not depend on application or GraphQL code.',
  ),
  {
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
];
