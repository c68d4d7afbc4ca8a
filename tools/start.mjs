// `npm start`: builds the API, the web console and the agent desktop, starts the API with
// the demo call centre loaded (embedded PostgreSQL unless DATABASE_URL is set) serving both
// apps on its own origin, then prints where everything is.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { AGENT_DESKTOP_DIR, buildConsole, buildDesktop, buildGraphiql, WEB_CONSOLE_DIR } from './build-apps.mjs';
import { startDemoWebhookReceiver } from './demo-webhook-receiver.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

console.log('Building the API, the web console and the agent desktop…');
execFileSync(process.execPath, [path.join(root, 'tools/build-api.mjs')], { stdio: 'inherit' });
buildConsole();
buildDesktop();
buildGraphiql({ quiet: true });

// The demo's webhook receiver: each call the API makes lands as a JSON file in the data directory.
const dataDir = path.resolve(root, process.env.PEPITE_DATA_DIR || '.data');
const receiver = await startDemoWebhookReceiver(path.join(dataDir, 'webhooks'), Number(process.env.PEPITE_DEMO_WEBHOOK_PORT ?? 0));

const api = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/apps/api/src/main.js')], {
  cwd: root,
  env: {
    PEPITE_DEMO: '1',
    // The demo feed is public so the rulebook opens in a browser without a token.
    RULEBOOK_FEED_PUBLIC: '1',
    WEB_CONSOLE_DIR,
    AGENT_DESKTOP_DIR,
    ...process.env,
    PEPITE_DEMO_WEBHOOK_URL: receiver.url,
    // The receiver is on the loopback, which webhooks may not call unless allowed: allowed, that address only.
    WEBHOOK_ALLOWED_TARGETS: [process.env.WEBHOOK_ALLOWED_TARGETS, '127.0.0.1'].filter(Boolean).join(','),
  },
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});

api.on('message', (message) => {
  if (message?.type !== 'ready') return;
  const base = `http://localhost:${message.port}`;
  console.log(`
  Pépite is running.

  Web console       ${base}/
  Agent desktop     ${base}/desktop/
  API (GraphQL)     ${base}/graphql

  Health            ${base}/health/ready
  Rulebook feed     ${base}/api/rulebook/releases/latest
  Live events (SSE) ${base}/api/rulebook/events
  E-mails           ${message.mail ?? 'off'}
  Webhook calls     ${receiver.dir} (JSON files; the demo webhook calls ${receiver.url};
                    delivery log: ${base}/admin/webhooks as admin@pepite.demo)

  Demo accounts (password: pepite-demo)
    admin@pepite.demo                              console: users, sites, SLA
    manager1@pepite.demo … manager3@pepite.demo    console: triage, co-design, vote, publish, insights
    operator1@pepite.demo … operator8@pepite.demo  desktop and console: rulebook, pépins, proposals

  Ctrl+C stops everything.
`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => {
  receiver.close();
  process.exit(code ?? (signal ? 1 : 0));
});
