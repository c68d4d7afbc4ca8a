// Once per jest run: compile the API into dist/, then start the test database server in
// its own process (see apps/api/src/cli/test-database-server.ts) and hand its settings
// to the workers through the environment.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function globalSetup() {
  execFileSync(process.execPath, [path.join(root, 'tools/build-api.mjs')], { stdio: 'inherit' });
  const server = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/cli/test-database-server.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const settings = await new Promise((resolve, reject) => {
    createInterface({ input: server.stdout }).once('line', (line) => resolve(JSON.parse(line)));
    server.once('exit', (code) => reject(new Error(`test database server exited with code ${code}`)));
  });
  Object.assign(process.env, settings);
  globalThis.__pepiteTestDatabaseServer = server;
}
