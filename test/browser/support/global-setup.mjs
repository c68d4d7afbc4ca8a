// Once per jest run that includes browser tests: make sure Debian's Chromium is there
// (playwright-core brings no browser), then build the console and the desktop exactly as
// `npm start` serves them, so the tests drive the real bundles.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  // This run's own bundles: another run building at the same time cannot empty them mid-test.
  const dir = mkdtempSync(path.join(tmpdir(), 'pepite-browser-apps-'));
  process.env.PEPITE_TEST_WEB_CONSOLE_DIR = path.join(dir, 'web');
  process.env.PEPITE_TEST_AGENT_DESKTOP_DIR = path.join(dir, 'agent-desktop');
  buildConsole({ quiet: true, outDir: process.env.PEPITE_TEST_WEB_CONSOLE_DIR });
  buildDesktop({ quiet: true, outDir: process.env.PEPITE_TEST_AGENT_DESKTOP_DIR });
}
