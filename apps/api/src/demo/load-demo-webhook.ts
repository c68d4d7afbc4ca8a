import type { INestApplicationContext } from '@nestjs/common';
import { UserDirectoryService } from '@pepite/api/identity';
import { WEBHOOK_EVENTS, WebhookRegistry } from '@pepite/api/webhooks';

/** The path the demo receiver (tools/demo-webhook-receiver.mjs) listens on: how the demo's webhook is found again. */
export const DEMO_WEBHOOK_PATH = '/pepite-demo-webhooks';

/**
 * Registers, as the demo admin, one webhook for every event, calling the receiver `npm start`
 * runs on 127.0.0.1. That receiver takes a free port at each start: the webhook registered
 * before follows it (same secret, same delivery log) instead of a new one piling up.
 */
export async function loadDemoWebhook(app: INestApplicationContext, say: (line: string) => void, url: string): Promise<void> {
  const registry = app.get(WebhookRegistry);
  const command = { url, events: [...WEBHOOK_EVENTS], format: 'JSON' as const };
  const existing = (await registry.list()).find((webhook) => isDemoReceiver(webhook.url));
  if (existing) {
    if (existing.url !== new URL(url).toString()) await registry.update(null, existing.id, command);
    say(`demo data: the demo webhook calls ${url}`);
    return;
  }
  const admin = await app.get(UserDirectoryService).findUserByEmail('admin@pepite.demo');
  if (!admin) return;
  await registry.register(admin.id, command);
  say(`demo data: registered a webhook for every event, calling ${url}`);
}

function isDemoReceiver(text: string): boolean {
  const url = new URL(text);
  return url.hostname === '127.0.0.1' && url.pathname === DEMO_WEBHOOK_PATH;
}
