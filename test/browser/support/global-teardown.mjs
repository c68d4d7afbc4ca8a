// Removes this run's own builds of the browser apps (see global-setup.mjs).
import { rmSync } from 'node:fs';
import path from 'node:path';

export default async function browserGlobalTeardown() {
  const dir = process.env.PEPITE_TEST_WEB_CONSOLE_DIR;
  if (dir) rmSync(path.dirname(dir), { recursive: true, force: true });
}
