// Production builds of the two browser apps (typed GraphQL documents first), as the API
// serves them: dist/apps/web (console, at /) and dist/apps/agent-desktop (at /desktop/).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);

export const WEB_CONSOLE_DIR = path.join(root, 'dist/apps/web');
export const AGENT_DESKTOP_DIR = path.join(root, 'dist/apps/agent-desktop');

function run(app, args, quiet) {
  // Production bundles whoever calls (jest sets NODE_ENV=test, which would give React's dev build).
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(process.execPath, args, { cwd: path.join(root, 'apps', app), env, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
}

const viteBuild = (outDir, quiet) => [bin('vite', 'bin/vite.js'), 'build', '--logLevel', quiet ? 'error' : 'warn', '--outDir', outDir, '--emptyOutDir'];

/** `outDir`: where to write the bundle (the browser tests use their own, so parallel runs don't collide). */
export function buildConsole({ quiet = false, outDir = WEB_CONSOLE_DIR } = {}) {
  run('web', [bin('@graphql-codegen/cli', 'cjs/bin.js'), '--config', 'codegen.ts', '--silent'], quiet);
  run('web', viteBuild(outDir, quiet), quiet);
}

export function buildDesktop({ quiet = false, outDir = AGENT_DESKTOP_DIR } = {}) {
  run('agent-desktop', viteBuild(outDir, quiet), quiet);
}

/**
 * The development GraphiQL (apps/api/graphiql), which the API serves outside production at
 * GET /graphql from dist/apps/graphiql: bundled here so that page needs no CDN.
 */
export function buildGraphiql({ quiet = false } = {}) {
  run('api', [bin('vite', 'bin/vite.js'), 'build', '--config', 'graphiql/vite.config.mjs', '--logLevel', quiet ? 'error' : 'warn'], quiet);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildConsole();
  buildDesktop();
  buildGraphiql();
}
