// One swc configuration for the build (tools/build-api.mjs) and for jest, so that
// tests run exactly the code that ships. swc rewrites the tsconfig path aliases into
// relative requires, which is why baseUrl must be absolute here.
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const { compilerOptions } = require('../tsconfig.base.json');

function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
      baseUrl: root,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: true,
  };
}

module.exports = { swcOptions, root };
