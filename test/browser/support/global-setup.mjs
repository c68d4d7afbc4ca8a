// Once per jest run that includes browser tests: make sure Debian's Chromium is there
// (playwright-core brings no browser), then build the console and the desktop exactly as
// `npm start` serves them, so the tests drive the real bundles.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildConsole, buildDesktop } from '../../../tools/build-apps.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" (or set CHROMIUM_PATH)`);
  }
  console.log('\nInstalling Debian chromium for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
}

export default async function browserGlobalSetup() {
  ensureChromium();
  buildConsole({ quiet: true });
  buildDesktop({ quiet: true });
}
