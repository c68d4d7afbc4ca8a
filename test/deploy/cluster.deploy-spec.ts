import { Role } from '@pepite/api/identity';
import type { TestUser } from '@pepite/test-support';
import { publishSampleRules } from '../support/proposal-graphql';
import { Deployment, HEARTBEAT_SECONDS } from './support/deployment';
import { publishThrough } from './support/publication';
import { ResumingSse } from './support/resuming-sse';
import { waitUntil } from './support/wait';

/**
 * Run as a call centre runs it: nginx (deploy/nginx/pepite.conf, rendered with this run's
 * ports) in front of three `node dist/apps/api/src/main.js` processes, all with jobs on, on
 * one PostgreSQL. Figures are printed for the closing note of issue 16.
 */

function report(scenario: string, figures: Record<string, unknown>): void {
  process.stderr.write(`deployment figures ${scenario}: ${JSON.stringify(figures)}\n`);
}

describe('deployment: nginx in front of three API instances on one PostgreSQL', () => {
  let deployment: Deployment;
  let reader: TestUser;

  beforeAll(async () => {
    deployment = await Deployment.start(3);
    await publishSampleRules(deployment.setup, ['REFUND-001', 'REFUND-002']);
    reader = await deployment.setup.world.newUser(Role.OPERATOR);
  }, 420_000);

  afterAll(async () => {
    await deployment?.stop();
  }, 60_000);

  const feed = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${deployment.proxyUrl}/api/rulebook/${path}`, { headers: { 'accept-encoding': 'br', ...headers } });

  it('serves the static apps with the API security headers, and caches the feed without ever handing a stored body to a reader the API refused', async () => {
    const page = await fetch(`${deployment.proxyUrl}/triage/42`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Pépite</title>');
    const api = await fetch(`${deployment.instances[0]?.baseUrl}/health/live`);
    for (const header of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'strict-transport-security']) {
      expect([header, page.headers.get(header)]).toEqual([header, api.headers.get(header)]);
    }
    const asset = await fetch(`${deployment.proxyUrl}/assets/app-1a2b3c.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${deployment.proxyUrl}/desktop/rules/X`, { headers: { accept: 'text/html' } }).then((r) => r.text()))).toContain('Bureau');

    const auth = { authorization: `Bearer ${reader.token}` };
    // A release's brotli body is stored by a job after its publication (decision 0012); until
    // then a reader gets what else it accepts, marked pending, which nginx passes on and never
    // stores. This reader accepts only br, so that is identity (always acceptable, RFC 9110
    // 12.5.3); whether an answer comes before the job depends on the machine's speed.
    let pending = 0;
    await waitUntil(
      async () => {
        const answer = await feed('releases/latest', auth);
        await answer.arrayBuffer();
        if (answer.headers.get('x-rulebook-encoding-pending') === null) return answer.headers.get('content-encoding') === 'br';
        pending += 1;
        expect([answer.headers.get('content-encoding'), answer.headers.get('x-cache-status')]).toEqual([null, 'MISS']);
        return false;
      },
      { timeoutMs: 60_000, what: () => `the brotli body of the latest release (${pending} answers without brotli meanwhile)` },
    );
    const first = await feed('releases/latest', auth);
    const body = Buffer.from(await first.arrayBuffer());
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('br');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/); // strong, untouched by nginx
    expect(first.headers.get('x-accel-expires')).toBeNull();
    const statuses = [first.headers.get('x-cache-status')];
    const again = await feed('releases/latest', auth);
    expect(Buffer.from(await again.arrayBuffer()).equals(body)).toBe(true);
    statuses.push(again.headers.get('x-cache-status'));
    expect(statuses[1]).toBe('REVALIDATED'); // stored body, the API asked (and answered 304)
    const conditional = await feed('releases/latest', { ...auth, 'if-none-match': etag });
    expect(conditional.status).toBe(304);

    // Never a stored body for a reader the API refuses: no token, a forged one.
    for (const headers of [{}, { authorization: 'Bearer forged.token.value' }] as Record<string, string>[]) {
      const refused = await feed('releases/latest', headers);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('x-cache-status')).not.toBe('HIT');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
      const version = await feed('releases/1', headers);
      expect(version.status).toBe(401);
    }
    // Each encoding its own stored copy: gzip and identity readers get their bytes.
    const gzip = await feed('releases/latest', { ...auth, 'accept-encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const identity = await feed('releases/latest', { ...auth, 'accept-encoding': 'identity' });
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(((await identity.json()) as { version: number }).version).toBeGreaterThan(0);
    const immutable = await feed('releases/1', auth);
    expect(immutable.headers.get('cache-control')).toContain('immutable');
    report('cache', { statuses });
  });

  it('(a) a publication through instance 1 reaches 300 SSE clients spread over the three instances through nginx, each exactly once and in order', async () => {
    const clients = Array.from(
      { length: 300 },
      () => new ResumingSse(`${deployment.proxyUrl}/api/rulebook/events`, { authorization: `Bearer ${reader.token}` }),
    );
    try {
      await Promise.all(clients.map((client) => client.connected));
      const perInstance = new Map<string, number>();
      for (const client of clients) perInstance.set(client.instance ?? '?', (perInstance.get(client.instance ?? '?') ?? 0) + 1);
      expect(perInstance.size).toBe(3);
      const versions = [await publishThrough(deployment, 0), await publishThrough(deployment, 0)];
      const started = Date.now();
      await waitUntil(() => clients.every((client) => client.releaseIds.length >= 2), {
        timeoutMs: 60_000,
        what: () => `both releases at every client (${clients.filter((client) => client.releaseIds.length >= 2).length}/300)`,
      });
      const delivered = Date.now() - started;
      const wrong = clients.filter((client) => JSON.stringify(client.releaseIds) !== JSON.stringify(versions));
      report('(a)', { clients: 300, perInstance: Object.fromEntries(perInstance), versions, wrong: wrong.length, deliveredMs: delivered });
      expect(wrong.map((client) => client.releaseIds)).toEqual([]);
    } finally {
      for (const client of clients) client.close();
    }
  }, 120_000);

  it('(d) a desktop polling releases/latest through the proxy cache sees a new release within one heartbeat', async () => {
    const auth = { authorization: `Bearer ${reader.token}` };
    let etag = (await feed('releases/latest', auth)).headers.get('etag') ?? '';
    const cacheStatuses = new Map<string, number>();
    let polls = 0;
    let seen: { version: number; at: number } | undefined;
    let publishedAt = 0;
    const polling = (async () => {
      while (!seen) {
        const response = await feed('releases/latest', { ...auth, 'if-none-match': etag });
        polls++;
        const status = response.headers.get('x-cache-status') ?? 'none';
        cacheStatuses.set(status, (cacheStatuses.get(status) ?? 0) + 1);
        if (response.status === 200) {
          etag = response.headers.get('etag') ?? '';
          const version = Number(response.headers.get('x-rulebook-version'));
          await response.arrayBuffer();
          if (publishedAt > 0) seen = { version, at: Date.now() };
        } else {
          expect(response.status).toBe(304);
        }
        // A desktop polls at its own pace; four times per heartbeat here.
        await new Promise((resolve) => setTimeout(resolve, (HEARTBEAT_SECONDS * 1000) / 4));
      }
    })();
    const version = await publishThrough(deployment, 1);
    publishedAt = Date.now();
    await polling;
    const delayMs = (seen?.at ?? 0) - publishedAt;
    report('(d)', { version, delayMs, heartbeatMs: HEARTBEAT_SECONDS * 1000, polls, cacheStatuses: Object.fromEntries(cacheStatuses) });
    expect(seen?.version).toBe(version);
    expect(delayMs).toBeLessThanOrEqual(HEARTBEAT_SECONDS * 1000);
    expect(cacheStatuses.get('HIT') ?? 0).toBe(0);
  }, 60_000);
});
