// The demo's webhook receiver, run by `npm start` next to the API: it answers every call with
// 204 and writes it (headers and body) as a JSON file, so someone trying the demo sees what a
// CRM or a Teams channel would receive. Loopback only; the API is allowed to call it through
// WEBHOOK_ALLOWED_TARGETS=127.0.0.1, set by tools/start.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

/** The path the API's demo seed registers (apps/api/src/demo/load-demo-webhook.ts). */
export const DEMO_WEBHOOK_PATH = '/pepite-demo-webhooks';

/** Starts the receiver on 127.0.0.1 (`port` 0: any free one) and resolves with its URL. */
export async function startDemoWebhookReceiver(dir, port = 0) {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      const receivedAt = new Date().toISOString();
      const event = String(request.headers['x-pepite-event'] ?? 'unknown').replace(/[^a-z._-]/gi, '');
      const delivery = String(request.headers['x-pepite-delivery'] ?? '').replace(/[^0-9a-f-]/gi, '');
      count++;
      // Sorted by time in a listing; a retry of the same delivery is a file of its own, with the same delivery id.
      const name = `${receivedAt.replace(/[:.]/g, '-')}-${String(count).padStart(4, '0')}-${event}.json`;
      const record = { receivedAt, method: request.method, path: request.url, delivery, headers: request.headers, body, rawBody: raw };
      writeFileSync(path.join(dir, name), `${JSON.stringify(record, null, 2)}\n`);
      response.writeHead(request.url === DEMO_WEBHOOK_PATH ? 204 : 404).end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { url: `http://127.0.0.1:${server.address().port}${DEMO_WEBHOOK_PATH}`, dir, close: () => server.close() };
}
