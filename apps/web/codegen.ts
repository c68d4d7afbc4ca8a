// Typed documents from the API's committed schema: every `graphql(...)` call in src/ gets
// its result and variable types, so a renamed field breaks the build, not a screen.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, onlyOperationTypes: false, scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' } },
    },
  },
};
export default config;
