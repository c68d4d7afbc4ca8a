import { freePort } from '@pepite/api/database';
import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi } from '@pepite/test-support';
import { sql } from '../support/pepin-graphql';
import { WebhookReceiver } from '../support/webhook-receiver';
import { ApiProcess, sharedSecrets } from './support/api-process';
import { waitUntil } from './support/wait';

const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } } }`;

/**
 * A webhook call is delivered at least once, with a key to drop the repeat, when the instance
 * sending it is killed (SIGKILL) while the receiver holds the request open: its transaction
 * dies with it (the delivery stays PENDING, unlocked), the pg-boss job expires after the
 * receiver's timeout and maintenance runs it again on the instance left; the receiver gets
 * the same body under the same X-Pepite-Delivery.
 */
describe('webhooks: at least once, same delivery id, when the sending instance is killed mid-call', () => {
  let receiver: WebhookReceiver;
  let setup: TestApi;
  let env: Record<string, string>;
  const processes: ApiProcess[] = [];

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    // The first call is held open: the request arrived whole, no answer ever comes.
    receiver.answer = (_path, nth) => (nth === 1 ? 'hold' : 200);
    const secrets = sharedSecrets();
    const webhooks = { WEBHOOK_ALLOWED_TARGETS: '127.0.0.1', WEBHOOK_RETRY_DELAY_SECONDS: '1', WEBHOOK_TIMEOUT_MS: '20000' };
    // The test's own instance registers and acts; it runs no jobs, so it calls nothing.
    setup = await startTestApi({ ...secrets, ...webhooks, JOBS_ENABLED: 'false' });
    env = {
      ...secrets,
      ...webhooks,
      DATABASE_URL: setup.database.url,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'true',
      JOBS_POLL_SECONDS: '1',
      JOBS_MAINTENANCE_SECONDS: '2',
      PUBLIC_URL: 'https://pepite.example.test',
    };
  }, 180_000);

  afterAll(async () => {
    for (const api of processes) await api.kill();
    await setup?.close();
    await receiver?.close();
  }, 60_000);

  it('is sent again by the instance left, with the same X-Pepite-Delivery and body', async () => {
    const admin = await setup.world.newUser(Role.ADMIN);
    const { registerWebhook } = await setup.graphql.ok<{ registerWebhook: { webhook: { id: string } } }>(
      REGISTER,
      { input: { url: receiver.url('/crm'), events: ['pepin.filed'] } },
      { token: admin.token },
    );
    const webhookId = registerWebhook.webhook.id;
    const first = await ApiProcess.start('first', await freePort(), env);
    processes.push(first);
    const operator = await setup.world.newUser(Role.OPERATOR);
    await setup.world.newPepin(operator, { noRuleApplies: true });

    const held = await receiver.waitFor(() => receiver.to('/crm')[0], 60_000);
    expect(held.answered).toBe(0);
    // Another instance is running when the first dies: it takes the delivery over.
    const second = await ApiProcess.start('second', await freePort(), env);
    processes.push(second);
    expect(await first.kill()).toBe('SIGKILL');
    const status = () => sql<{ id: string; status: string; attempts: number }>(setup, 'SELECT id, status, attempts FROM webhook_delivery WHERE webhook_id = $1', [webhookId]);
    expect((await status()).map((row) => row.status)).toEqual(['PENDING']);

    const again = await receiver.waitFor(() => receiver.to('/crm')[1], 120_000);
    expect(again.answered).toBe(200);
    expect(again.headers['x-pepite-delivery']).toBe(held.headers['x-pepite-delivery']);
    expect(again.body).toBe(held.body);
    await waitUntil(async () => (await status())[0]?.status === 'DELIVERED', { what: () => 'the delivery to be DELIVERED' });
    const [delivery] = await status();
    expect(delivery?.id).toBe(held.headers['x-pepite-delivery']);
    // The killed attempt's transaction rolled back: only the attempt that reached an answer counts.
    expect(delivery?.attempts).toBe(1);
  }, 300_000);
});
