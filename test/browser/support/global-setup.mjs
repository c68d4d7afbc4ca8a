// Once per jest run that includes browser tests: make sure Debian's Chromium is there
// (playwright-core brings no browser), then build the console and the desktop exactly as
// `npm start` serves them, so the tests drive the real bundles.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" (or set CHROMIUM_PATH)`);
  }
  console.log('\nInstalling Debian chromium for the browser tests…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function build(app, steps) {
  const cwd = path.join(root, 'apps', app);
  if (!existsSync(path.join(cwd, 'index.html'))) throw new Error(`apps/${app} has no index.html to build`);
  try {
    for (const args of steps) execFileSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    // TEMPORARY while the apps are built in parallel: one broken app must not stop the other's tests.
    console.error(`\n!!! apps/${app} did not build: its browser tests will fail (${error.message})`);
  }
}

export default async function browserGlobalSetup() {
  ensureChromium();
  const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
  build('web', [
    [bin('@graphql-codegen/cli', 'cjs/bin.js'), '--config', 'codegen.ts', '--silent'],
    [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'error'],
  ]);
  build('agent-desktop', [[bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'error']]);
}
