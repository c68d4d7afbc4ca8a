// `npm start`: builds and starts the API with the demo call centre loaded (embedded
// PostgreSQL unless DATABASE_URL is set), then prints where everything is. The web console
// and the agent desktop join here as they land (see README).
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [path.join(root, 'tools/build-api.mjs')], { stdio: 'inherit' });

const api = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/apps/api/src/main.js')], {
  cwd: root,
  // The demo feed is public so the rulebook opens in a browser without a token.
  env: { PEPITE_DEMO: '1', RULEBOOK_FEED_PUBLIC: '1', ...process.env },
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});

api.on('message', (message) => {
  if (message?.type !== 'ready') return;
  const base = `http://localhost:${message.port}`;
  console.log(`
  Pépite is running.

  API (GraphQL)     ${base}/graphql
  Health            ${base}/health/ready
  Rulebook feed     ${base}/api/rulebook/releases/latest
  Live events (SSE) ${base}/api/rulebook/events

  Demo accounts (password: pepite-demo)
    admin@pepite.demo
    manager1@pepite.demo … manager3@pepite.demo
    operator1@pepite.demo … operator8@pepite.demo

  Ctrl+C stops everything.
`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
