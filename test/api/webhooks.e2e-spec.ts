import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { WebhookRegistry } from '@pepite/api/webhooks';
import { ACKNOWLEDGE_PEPIN, notificationsOf } from '../support/pepin-graphql';
import { acknowledgedPepin, createProposal, amendStatement, publishSampleRules } from '../support/proposal-graphql';
import { verifiedIndependently, WebhookReceiver, type ReceivedCall } from '../support/webhook-receiver';

const PUBLIC_URL = 'https://pepite.example.test';
const REGISTER = `mutation($input: RegisterWebhookInput!) {
  registerWebhook(input: $input) { secret webhook { id url events format enabled consecutiveFailures } } }`;
const DELIVERIES = `query($id: ID!) { webhookDeliveries(webhookId: $id) { id eventId eventType status attempts lastResponseStatus lastError } }`;
const WEBHOOKS = '{ webhooks { id enabled consecutiveFailures disabledAt } }';
const AUDIT = `query($id: String!) { auditLog(first: 50, filter: { subjectType: "WEBHOOK", subjectId: $id }) {
  edges { node { action actorRole actor { id } summary details } } } }`;

interface AuditJson {
  action: string;
  actorRole: string;
  actor: { id: string } | null;
  summary: string;
  details: Record<string, unknown>;
}

interface DeliveryJson {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastResponseStatus: number | null;
  lastError: string | null;
}

describe('outgoing webhooks: signed, retried, logged, disabled after repeated failure, never to internal addresses', () => {
  let receiver: WebhookReceiver;
  let api: TestApi;
  let admin: TestUser;
  let operator: TestUser;
  let manager: TestUser;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    api = await startTestApi({
      PUBLIC_URL,
      // Tests call a receiver on the loopback: allowed by configuration, as the README says.
      WEBHOOK_ALLOWED_TARGETS: '127.0.0.1',
      WEBHOOK_RETRY_DELAY_SECONDS: '1',
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_DISABLE_AFTER_FAILURES: '3',
    });
    await publishSampleRules(api, ['REFUND-001']);
    admin = await api.world.newUser(Role.ADMIN);
    operator = await api.world.newUser(Role.OPERATOR);
    manager = await api.world.newUser(Role.MANAGER);
  });
  afterAll(async () => {
    await api.close();
    await receiver.close();
  });

  const register = async (path: string, events: string[], format = 'JSON') =>
    (
      await api.graphql.ok<{ registerWebhook: { secret: string; webhook: { id: string; enabled: boolean } } }>(
        REGISTER,
        { input: { url: receiver.url(path), events, format } },
        { token: admin.token },
      )
    ).registerWebhook;
  const deliveries = async (id: string) =>
    (await api.graphql.ok<{ webhookDeliveries: DeliveryJson[] }>(DELIVERIES, { id }, { token: admin.token })).webhookDeliveries;
  const auditOf = async (id: string) =>
    (await api.graphql.ok<{ auditLog: { edges: { node: AuditJson }[] } }>(AUDIT, { id }, { token: admin.token })).auditLog.edges.map((e) => e.node).reverse();
  const ofEvent = (path: string, event: string) => () => receiver.to(path).find((call) => call.headers['x-pepite-event'] === event);

  it('refuses loopback, private and link-local targets that configuration does not allow, and URLs that are not http(s)', async () => {
    for (const url of ['http://10.0.0.7/hook', 'http://169.254.169.254/latest/meta-data', 'http://127.0.0.2:9/x', 'http://[::1]:8080/', 'http://192.168.1.20/crm']) {
      const refused = await api.graphql.errorCode(REGISTER, { input: { url, events: ['pepin.filed'] } }, { token: admin.token });
      expect([url, refused]).toEqual([url, 'BAD_USER_INPUT']);
    }
    for (const url of ['ftp://example.com/x', 'http://user:secret@127.0.0.1/x', 'pas une url']) {
      expect(await api.graphql.errorCode(REGISTER, { input: { url, events: ['pepin.filed'] } }, { token: admin.token })).toBe('BAD_USER_INPUT');
    }
    expect(await api.graphql.errorCode(REGISTER, { input: { url: receiver.url('/x'), events: ['pepin.exploded'] } }, { token: admin.token })).toBe(
      'BAD_USER_INPUT',
    );
    expect((await api.graphql.ok<{ webhooks: unknown[] }>(WEBHOOKS, {}, { token: admin.token })).webhooks).toEqual([]);
  });

  it('sends a pépin’s whole journey to a pépite as versioned JSON, signed over timestamp and body, and never names who filed it', async () => {
    const events = ['pepin.filed', 'pepin.acknowledged', 'pepin.became_pepite', 'vote.opened', 'vote.closed', 'release.published', 'advisory.published'];
    const { secret, webhook } = await register('/crm', events);
    expect(secret).toMatch(/^whsec_/);

    const designer = manager;
    const voter = await api.world.newUser(Role.MANAGER);
    const publisher = await api.world.newUser(Role.MANAGER);
    const pepinId = await acknowledgedPepin(api, operator, designer);
    const proposal = await createProposal(api, designer, [pepinId], [amendStatement('REFUND-001', 'Rembourser sans justificatif jusqu’à 50 €.')]);
    const as = (user: TestUser) => ({ token: user.token });
    await api.graphql.ok(`mutation($p: ID!, $at: DateTime!) { openVote(proposalId: $p, closesAt: $at, quorum: 3) { id } }`, {
      p: proposal.id,
      at: new Date(Date.now() + 86_400_000).toISOString(),
    }, as(designer));
    for (const elector of [designer, voter, publisher]) {
      await api.graphql.ok(`mutation($p: ID!) { castVote(proposalId: $p, choice: APPROVE) { choice } }`, { p: proposal.id }, as(elector));
    }
    await api.graphql.ok(`mutation($input: PublishReleaseInput!) { publishRelease(input: $input) { version } }`, {
      input: { proposalIds: [proposal.id], notes: 'Seuil relevé.' },
    }, as(publisher));
    await api.graphql.ok(`mutation($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { id } }`, {
      input: { ruleKey: 'REFUND-001', message: 'Attention : vérifier la date d’achat.', expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    }, as(publisher));

    const calls: ReceivedCall[] = [];
    for (const event of events) calls.push(await receiver.waitFor(ofEvent('/crm', event)));
    for (const call of calls) {
      expect(await verifiedIndependently(secret, call)).toBe(true);
      expect(await verifiedIndependently(`${secret}x`, call)).toBe(false);
      expect(await verifiedIndependently(secret, { ...call, body: call.body.replace('"version":1', '"version":2') })).toBe(false);
      expect(Math.abs(Number(call.headers['x-pepite-timestamp']) - Date.now() / 1000)).toBeLessThan(600);
      expect(call.headers['content-type']).toBe('application/json; charset=utf-8');
      const payload = JSON.parse(call.body) as { id: string; type: string; version: number; occurredAt: string; url: string | null; data: object };
      expect(payload.type).toBe(call.headers['x-pepite-event']);
      expect(payload.version).toBe(1);
      for (const secretOfReporter of [operator.id, operator.email, operator.displayName]) expect(call.body).not.toContain(secretOfReporter);
    }
    const filed = JSON.parse(calls[0]?.body ?? '{}') as { url: string; data: { pepin: Record<string, unknown> } };
    expect(filed.url).toBe(`${PUBLIC_URL}/triage/${pepinId}`);
    expect(Object.keys(filed.data.pepin).sort()).toEqual(
      ['ackDueAt', 'customerImpact', 'id', 'noRuleApplies', 'reference', 'ruleKey', 'ruleVersion', 'siteId', 'status', 'title'].sort(),
    );
    const pepite = JSON.parse(calls[2]?.body ?? '{}') as { data: { pepin: { id: string; status: string }; release: number } };
    expect(pepite.data.pepin).toMatchObject({ id: pepinId, status: 'PUBLISHED' });
    const closed = JSON.parse(calls[4]?.body ?? '{}') as { data: { vote: Record<string, unknown> } };
    expect(closed.data.vote).toEqual({ outcome: 'APPROVED', approve: 3, reject: 0, abstain: 0 });

    const log = await deliveries(webhook.id);
    expect(log.map((d) => d.eventType).sort()).toEqual([...events].sort());
    expect(log.every((d) => d.status === 'DELIVERED' && d.attempts === 1 && d.lastResponseStatus === 200)).toBe(true);
    expect(new Set(calls.map((call) => call.headers['x-pepite-delivery']))).toEqual(new Set(log.map((d) => d.id)));
  });

  it('tries again with backoff after a 500, with the same body and delivery id', async () => {
    const { secret, webhook } = await register('/flaky', ['pepin.acknowledged']);
    receiver.answer = (path, nth) => (path === '/flaky' && nth === 1 ? 500 : 200);
    const pepin = await api.world.newPepin(operator, { noRuleApplies: true });
    await api.graphql.ok(ACKNOWLEDGE_PEPIN, { id: pepin.id }, { token: manager.token });
    const [first, second] = await receiver.waitFor(() => receiver.to('/flaky').length >= 2 && receiver.to('/flaky'));
    expect([first?.answered, second?.answered]).toEqual([500, 200]);
    expect(second?.body).toBe(first?.body);
    expect(second?.headers['x-pepite-delivery']).toBe(first?.headers['x-pepite-delivery']);
    expect(await verifiedIndependently(secret, second as ReceivedCall)).toBe(true);
    const log = await eventually(async () => {
      const [delivery] = await deliveries(webhook.id);
      return delivery?.status === 'DELIVERED' && delivery;
    });
    expect(log).toMatchObject({ eventType: 'pepin.acknowledged', attempts: 2, lastResponseStatus: 200, lastError: null });
  });

  it('disables a webhook that keeps failing and tells every admin; its delivery log says why', async () => {
    const { webhook } = await register('/down', ['pepin.filed']);
    receiver.answer = (path) => (path === '/down' ? 503 : 200);
    for (let i = 0; i < 2; i++) await api.world.newPepin(operator, { noRuleApplies: true });
    await receiver.waitFor(() => receiver.to('/down').length >= 3);
    const disabled = await eventually(async () => {
      const found = (await api.graphql.ok<{ webhooks: { id: string; enabled: boolean; consecutiveFailures: number; disabledAt: string | null }[] }>(WEBHOOKS, {}, { token: admin.token })).webhooks.find((w) => w.id === webhook.id);
      return found && !found.enabled && found;
    });
    expect(disabled.consecutiveFailures).toBe(3);
    expect(disabled.disabledAt).not.toBeNull();
    const told = await eventually(async () => (await notificationsOf(api, admin)).find((n) => n.kind === 'WEBHOOK_DISABLED'));
    expect(told.text.fr).toContain('a échoué 3 fois de suite : il est désactivé');
    expect(told.text.en).toContain('failed 3 times in a row: it is disabled');
    const log = await deliveries(webhook.id);
    expect(log.some((d) => d.status === 'FAILED' && d.lastResponseStatus === 503 && d.lastError === 'HTTP 503')).toBe(true);
    // Disabled: the next pépin is not sent there.
    const calls = receiver.to('/down').length;
    await api.world.newPepin(operator, { noRuleApplies: true });
    expect((await deliveries(webhook.id)).length).toBe(log.length);
    expect(receiver.to('/down').length).toBe(calls);
    // The platform disabled it: an audit line without an actor.
    expect((await auditOf(webhook.id)).map((line) => [line.action, line.actorRole, line.actor, line.details['failures']])).toEqual([
      ['WEBHOOK_REGISTERED', 'ADMIN', { id: admin.id }, undefined],
      ['WEBHOOK_AUTO_DISABLED', 'SYSTEM', null, 3],
    ]);
  });

  it('writes an audit line for each admin change of a webhook, never with its secret or the key in a Teams URL', async () => {
    const { secret, webhook } = await register('/audited/a-key-in-the-path-of-a-teams-url-0123456789', ['pepin.filed'], 'TEAMS');
    const as = { token: admin.token };
    await api.app.get(WebhookRegistry).update(admin.id, webhook.id, { url: receiver.url('/audited-b'), events: ['pepin.filed', 'vote.opened'], format: 'JSON' });
    await api.graphql.ok('mutation($id: ID!) { setWebhookEnabled(id: $id, enabled: false) { id } }', { id: webhook.id }, as);
    await api.graphql.ok('mutation($id: ID!) { setWebhookEnabled(id: $id, enabled: true) { id } }', { id: webhook.id }, as);
    await api.graphql.ok('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: webhook.id }, as);
    const lines = await auditOf(webhook.id);
    expect(lines.map((line) => [line.action, line.actorRole, line.actor?.id])).toEqual([
      ['WEBHOOK_REGISTERED', 'ADMIN', admin.id],
      ['WEBHOOK_UPDATED', 'ADMIN', admin.id],
      ['WEBHOOK_DISABLED', 'ADMIN', admin.id],
      ['WEBHOOK_ENABLED', 'ADMIN', admin.id],
      ['WEBHOOK_DELETED', 'ADMIN', admin.id],
    ]);
    expect(lines[0]?.details).toMatchObject({ events: ['pepin.filed'], format: 'TEAMS' });
    expect(lines[1]?.details).toMatchObject({ events: ['pepin.filed', 'vote.opened'], format: 'JSON' });
    expect(lines[1]?.summary).toContain('/audited-b');
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('0123456789');
  });

  it('offers a Microsoft Teams adaptive card instead of the JSON payload', async () => {
    const { secret } = await register('/teams', ['pepin.filed'], 'TEAMS');
    const pepin = await api.world.newPepin(operator, { title: 'Geste commercial refusé', noRuleApplies: true });
    const call = await receiver.waitFor(ofEvent('/teams', 'pepin.filed'));
    expect(await verifiedIndependently(secret, call)).toBe(true);
    const message = JSON.parse(call.body) as { type: string; attachments: { contentType: string; content: { type: string; version: string; body: { text: string }[]; actions: { url: string }[] } }[] };
    expect(message.type).toBe('message');
    const card = message.attachments[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card?.content.body[0]?.text).toBe('Nouveau pépin · New pépin');
    expect(card?.content.body[1]?.text).toBe(`${pepin.reference} · Geste commercial refusé`);
    expect(card?.content.actions[0]?.url).toBe(`${PUBLIC_URL}/triage/${pepin.id}`);
  });
});

/** Polls a condition the API reaches after an answer it cannot signal (a delivery's row is written after the call returns). */
async function eventually<T>(what: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await what();
    if (found) return found;
    if (Date.now() > deadline) throw new Error('the awaited state was not reached');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
